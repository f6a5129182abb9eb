public import Domain

/// An action past its due day and not complete.
///
/// An action that is an agency's own plan (one with an `TrackedAction.origin`, such as a
/// Section 11 action) is chased by its own module's rule, which names the criterion: one finding
/// for each overdue action, not two.
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
            .businessTeam,
            "actions agreed from reviews and audits are completed by the day due"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per overdue action, at its agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.actions.filter { $0.origin == nil && $0.effectiveStatus(on: day) == .overdue }.map { action in
            FindingDraft(
                key: action.id.rawValue,
                subject: action.reference,
                agency: action.ownerAgency,
                severity: .areaForImprovement,
                level: action.ownerAgency == nil ? .subGroup : .agency,
                message:
                    "\(Prose.possessive(state.name(action.ownerAgency))) action \"\(action.text)\" was due on \(action.dueOn).",
                dueOn: action.dueOn
            )
        }
    }
}
