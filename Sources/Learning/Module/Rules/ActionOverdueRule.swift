public import Domain

/// An action past its due day and not complete.
public struct ActionOverdueRule: AssuranceRule {
    /// `learning.action-overdue`.
    public var id: RuleID { .learningActionOverdue }
    /// The rule's title.
    public var title: String { "Action overdue" }
    /// What the rule checks.
    public var summary: String {
        "An action of the tracker is past its due day and not complete; it moves up a level each escalation period."
    }
    /// The framework: recommendations are acted on.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, The Role of the Devon SCP Business Team: recommendations arising from reviews and audits are considered and actions agreed"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per overdue action, at its agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.actions.filter { $0.effectiveStatus(on: day) == .overdue }.map { action in
            FindingDraft(
                key: action.id.rawValue,
                subject: action.reference,
                agency: action.ownerAgency,
                severity: .areaForImprovement,
                level: action.ownerAgency == nil ? .subGroup : .agency,
                message: "\(state.name(action.ownerAgency))'s action \"\(action.text)\" was due on \(action.dueOn).",
                dueOn: action.dueOn
            )
        }
    }
}
