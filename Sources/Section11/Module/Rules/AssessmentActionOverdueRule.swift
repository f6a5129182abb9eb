public import Domain

/// An agency's Section 11 action past its due day.
public struct AssessmentActionOverdueRule: AssuranceRule {
    /// `section11.action-overdue`.
    public var id: RuleID { .section11ActionOverdue }
    /// The rule's title.
    public var title: String { "Section 11 action overdue" }
    /// What the rule checks.
    public var summary: String { "An open action of an agency's assessment is past its due day." }
    /// The framework: the PDG requests annual updates and evidence of progress.
    public var source: ObligationSource {
        .framework(
            .agencyContribution,
            "agencies' actions from their returns are completed by the day due"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per overdue action.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            entry.assessments.filter { $0.status.isReturned }.flatMap { assessment in
                assessment.actions.filter { $0.action.isOverdue(on: day) }.map { item in
                    FindingDraft(
                        key: "\(assessment.id)|\(item.criterion)|\(item.action.id)",
                        subject: assessment.reference,
                        agency: assessment.agency,
                        severity: .areaForImprovement,
                        level: .agency,
                        message:
                            "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue)'s action on criterion "
                            + "\(item.criterion), \"\(item.action.text)\", was due on \(item.action.dueOn).",
                        dueOn: item.action.dueOn
                    )
                }
            }
        }
    }
}
