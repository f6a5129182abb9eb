public import Domain

/// A standing red rating with no open action to address it.
public struct RedWithoutActionRule: AssuranceRule {
    /// `section11.red-without-action`.
    public var id: RuleID { .section11RedWithoutAction }
    /// The rule's title.
    public var title: String { "Red rating without an action" }
    /// What the rule checks.
    public var summary: String {
        "A returned assessment has a criterion rated red (after moderation) with no open action."
    }
    /// The framework: gaps are highlighted and action identified.
    public var source: ObligationSource {
        .framework(
            .agencyContribution,
            "every gap an agency finds in its return has an action"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per criterion.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            let levels = entry.set.scale.levels.keyed(by: \.code, value: \.rag)
            return entry.assessments.filter { $0.status.isReturned }.flatMap { assessment in
                assessment.responses.compactMap { response -> FindingDraft? in
                    guard let rating = response.standingRating, levels[rating] == .red,
                        !(response.actions ?? []).contains(where: { $0.completedOn == nil })
                    else { return nil }
                    return FindingDraft(
                        key: "\(assessment.id)|\(response.criterion)",
                        subject: assessment.reference,
                        agency: assessment.agency,
                        severity: .emergingRisk,
                        level: .agency,
                        message:
                            "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue) is rated \(entry.set.scale.words(for: .red)) on criterion "
                            + "\(response.criterion) of \(entry.cycle.name) and has no open action to address it."
                    )
                }
            }
        }
    }
}
