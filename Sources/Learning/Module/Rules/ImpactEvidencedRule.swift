public import Domain

/// Good practice: a recommendation closed in the last year on evidence that the change is embedded.
public struct ImpactEvidencedRule: AssuranceRule {
    /// The months a closed recommendation is reported as good practice for.
    public var months: Int

    /// Creates the rule.
    public init(months: Int = 12) {
        self.months = months
    }

    /// `learning.impact-evidenced`.
    public var id: RuleID { .learningImpactEvidenced }
    /// Yes: it finds a change in practice or outcomes.
    public var showsImpact: Bool { true }
    /// The rule's title.
    public var title: String { "Learning closed on evidence of impact" }
    /// What the rule checks.
    public var summary: String {
        "A recommendation closed in the last \(months) months with evidence that its change is embedded in practice."
    }
    /// The framework's learning loop.
    public var source: ObligationSource { .framework(.learningLoopAndImpact) }
    /// The window good practice is reported for.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("window", "\(months) months", setting: "impactWindowMonths")]
    }

    /// One good-practice finding for each such recommendation, with its evidence.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let embedded = Dictionary(grouping: state.impact.filter { $0.judgement == .embedded }, by: \.recommendation)
        let since = day.adding(months: -months)
        return state.recommendations.compactMap { recommendation in
            guard recommendation.status == .closed, let closed = recommendation.closedOn, closed > since, closed <= day,
                let impact = embedded[recommendation.id]?.max(by: { $0.recordedOn < $1.recordedOn })
            else { return nil }
            return FindingDraft(
                key: recommendation.id.rawValue,
                subject: recommendation.reference,
                agency: recommendation.ownerAgency,
                severity: .goodPractice,
                level: .practiceDevelopmentGroup,
                message:
                    "\(recommendation.source.title): \"\(recommendation.text)\" closed on \(closed); the change is "
                    + "embedded: " + impact.evidence.map(\.summary).joined(separator: "; "),
                themes: recommendation.themes,
                evidence: impact.evidence.map {
                    EvidenceReference(.record, title: $0.summary, record: $0.reference ?? impact.reference)
                }
            )
        }
    }
}

/// A recommendation with no theme: it joins no work stream, so it is chased until it has one.
public struct RecommendationWithoutThemeRule: AssuranceRule {
    /// Creates the rule.
    public init() {}

    /// `learning.recommendation-without-theme`.
    public var id: RuleID { .learningRecommendationWithoutTheme }
    /// The rule's title.
    public var title: String { "Recommendation without a theme" }
    /// What the rule checks.
    public var summary: String {
        "An open recommendation with no theme, which therefore sits in no themed work stream."
    }
    /// The framework draws improvement work into themed work streams.
    public var source: ObligationSource {
        .framework(
            .businessTeam,
            "improvement work is carried forward in themed work streams"
        )
    }

    /// One finding for each open recommendation with no theme.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await LearningState.load(view).recommendations.compactMap { recommendation in
            guard recommendation.status == .open, recommendation.themes.isEmpty, recommendation.raisedOn <= day else {
                return nil
            }
            return FindingDraft(
                key: recommendation.id.rawValue,
                subject: recommendation.reference,
                agency: recommendation.ownerAgency,
                severity: .areaForImprovement,
                level: .subGroup,
                message: "\(recommendation.source.title): \"\(recommendation.text)\" has no theme, so it is in no "
                    + "work stream; give it a theme."
            )
        }
    }
}
