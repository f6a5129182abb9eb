public import Domain

/// An action completed some months ago with no evidence of completion.
public struct CompletedWithoutEvidenceRule: AssuranceRule {
    /// `learning.completed-without-evidence`.
    public var id: RuleID { .learningCompletedWithoutEvidence }
    /// The practice review group, which follows the learning from reviews to its impact.
    public var actingGroup: GroupKind? { .practiceReviewGroup }
    /// The rule's title.
    public var title: String { "Completed without evidence" }
    /// The months allowed.
    public var months: Int

    /// Creates the rule, with the months allowed for evidence of completion.
    public init(months: Int = 3) {
        self.months = months
    }
    /// What the rule checks.
    public var summary: String {
        "An action marked complete \(months) or more months ago has no evidence of completion."
    }
    /// The framework: evidence, not just activity.
    public var source: ObligationSource { .framework(.learningLoopAndImpact) }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time allowed for evidence of completion", "\(months) months", setting: "evidenceMonths")]
    }

    /// One finding per action.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.actions.compactMap { action in
            guard action.status == .completed, let completed = action.completedOn,
                completed.adding(months: months) <= day, !action.hasCompletionEvidence
            else { return nil }
            return FindingDraft(
                key: action.id.rawValue,
                subject: action.reference,
                agency: action.ownerAgency,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "\(Prose.possessive(state.name(action.ownerAgency))) action \"\(action.text)\" was completed on \(completed) with no evidence of completion."
            )
        }
    }
}
