public import Domain

/// A breached clock with no recorded reason.
public struct BreachWithoutReasonRule: AssuranceRule {
    /// `learning.breach-without-reason`.
    public var id: RuleID { .learningBreachWithoutReason }
    /// The practice review group, which keeps the reviews and their clocks.
    public var actingGroup: GroupKind? { .practiceReviewGroup }
    /// The rule's title.
    public var title: String { "Breached clock without a reason" }
    /// What the rule checks.
    public var summary: String { "A review clock was breached and no reason for the breach is recorded." }
    /// Guidance: a breached timescale needs a recorded reason.
    public var source: ObligationSource {
        .framework(
            .businessTeam,
            "a breached statutory deadline is explained on the record"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per review and clock.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.reviews.flatMap { review in
            state.clocks.filter { $0.appliesTo.contains(review.kind) }.compactMap { clock -> FindingDraft? in
                let reading = ClockReading.read(clock, for: review, on: day, calendar: view.calendar)
                guard reading.state == .breached, reading.breachReason == nil else { return nil }
                return FindingDraft(
                    key: "\(review.id)|\(clock.id)",
                    subject: review.reference,
                    severity: .areaForImprovement,
                    level: .subGroup,
                    message:
                        "\(review.title): the \(clock.name.lowercased()) clock was breached and no reason is recorded."
                )
            }
        }
    }
}
