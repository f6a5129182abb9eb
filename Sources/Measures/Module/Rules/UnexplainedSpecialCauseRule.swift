public import Domain

/// A signal of special-cause concern with no explanation recorded against it.
public struct UnexplainedSpecialCauseRule: AssuranceRule {
    /// Creates the rule.
    public init() {}

    /// `measures.unexplained-special-cause`.
    public var id: RuleID { .measuresUnexplainedSpecialCause }
    /// The Quality Assurance Delivery Group, which questions anomalies in the data.
    public var actingGroup: GroupKind? { .qualityAssuranceDeliveryGroup }
    /// The rule's title.
    public var title: String { "Special-cause concern not explained" }
    /// What the rule checks.
    public var summary: String {
        "An active signal of special-cause concern with no explanation recorded and no spot audit linked to it."
    }
    /// The QADG's role in questioning the data.
    public var source: ObligationSource {
        .framework(
            .measuresAndSpotAudits,
            "special-cause variation in the data is explained or looked into"
        )
    }

    /// Findings for each unanswered signal.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await view.all(Signal.self).compactMap { signal in
            guard signal.status == .active, signal.kind == .specialCauseConcern, !signal.isAnswered else { return nil }
            return FindingDraft(
                key: signal.key,
                subject: signal.reference,
                agency: signal.subject.agency,
                severity: .emergingRisk,
                level: .subGroup,
                message: "\(signal.summary) No explanation is recorded."
            )
        }
    }
}
