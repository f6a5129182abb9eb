public import Domain

/// A recommendation closed without evidence of impact.
public struct ClosedWithoutImpactRule: AssuranceRule {
    /// `learning.closed-without-impact`.
    public var id: RuleID { .learningClosedWithoutImpact }
    /// The rule's title.
    public var title: String { "Closed without evidence of impact" }
    /// What the rule checks.
    public var summary: String {
        "A recommendation is closed but no impact record judges its change as the framework requires to close it "
            + "(embedded, unless the profile accepts a change in progress)."
    }
    /// The national panel's finding that most yearly reports omit impact.
    public var source: ObligationSource {
        ObligationSource(
            .guidance,
            "What Works for Children's Social Care, analysis of safeguarding partners' yearly reports 2020–21: report impact, not just activity",
            url: "https://whatworks-csc.org.uk/research-report/safeguarding-partners-annual-reports-analysis-2020-21/"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per recommendation.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let closesOn = view.document.recommendationsCloseOn
        let evidenced = Set(state.impact.filter { closesOn.contains($0.judgement) }.map(\.recommendation))
        return state.recommendations.filter { $0.status == .closed && !evidenced.contains($0.id) }.map {
            recommendation in
            FindingDraft(
                key: recommendation.id.rawValue,
                subject: recommendation.reference,
                agency: recommendation.ownerAgency,
                severity: .recurringConcern,
                level: .practiceDevelopmentGroup,
                message:
                    "Recommendation from \(recommendation.source.title) was closed without evidence that practice changed: \"\(recommendation.text)\"",
                themes: recommendation.themes
            )
        }
    }
}
