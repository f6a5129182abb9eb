public import Domain

/// A review clock that has been breached: the notification, the rapid review, or the local review's publication.
public struct ReviewClockRule: AssuranceRule {
    /// The clock checked.
    public var clock: StatutoryClock.ID
    /// The rule's id.
    public var id: RuleID
    /// The rule's title.
    public var title: String

    /// Creates the rule for a clock.
    public init(clock: StatutoryClock.ID, ruleID: RuleID, title: String) {
        self.clock = clock
        self.id = ruleID
        self.title = title
    }

    /// What the rule checks.
    public var summary: String {
        let definition = StatutoryClock.starter.first { $0.id == clock }
        return
            "The \(definition?.name.lowercased() ?? clock.rawValue) clock (\(definition?.rule ?? "")) has run out without "
            + "\(definition?.endsWith ?? "its end")."
    }
    /// The clock's own source.
    public var source: ObligationSource {
        StatutoryClock.starter.first { $0.id == clock }?.source ?? .framework(.learningLoopAndImpact)
    }

    /// One finding per review.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        guard let definition = state.clocks.first(where: { $0.id == clock }) else { return [] }
        return state.reviews.filter { definition.appliesTo.contains($0.kind) && $0.status != .closed }.compactMap {
            review in
            let reading = ClockReading.read(definition, for: review, on: day, calendar: view.calendar)
            // A breach that ended is history for the reason rule; one still running is a finding.
            guard reading.state == .breached, reading.stopped == nil, let due = reading.due else { return nil }
            return FindingDraft(
                key: review.id.rawValue,
                subject: review.reference,
                severity: .emergingRisk,
                level: .practiceDevelopmentGroup,
                // A review's title usually names its kind already ("Rapid review 2025-005").
                message: (review.title.lowercased().hasPrefix("\(review.kind)".lowercased())
                    ? review.title : "\(review.kind): \(review.title)")
                    + ": the \(definition.name.lowercased()) was due by \(due.longForm) (\(definition.rule)), and "
                    + "\(definition.endsWith) is not yet recorded.",
                themes: review.themes,
                dueOn: due
            )
        }
    }
}
