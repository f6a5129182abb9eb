public import Domain

/// A signal that has stood unanswered for some periods: propose a spot audit.
public struct ProposedSpotAuditRule: AssuranceRule {
    /// `audit.proposed-spot-audit`.
    public var id: RuleID { .auditProposedSpotAudit }
    /// The Quality Assurance Delivery Group, which commissions spot audits.
    public var actingGroup: GroupKind? { .qualityAssuranceDeliveryGroup }
    /// The rule's title.
    public var title: String { "Spot audit proposed" }
    /// Periods a signal must stand.
    public var periods: Int

    /// Creates the rule, with the periods a signal stands unanswered before a spot audit is proposed.
    public init(periods: Int = 3) {
        self.periods = periods
    }
    /// What the rule checks.
    public var summary: String {
        "A signal has stood for \(periods) or more periods with no explanation, no linked audit and no declined proposal: "
            + "a QA lead should accept a spot audit or decline it with a reason."
    }
    /// Spot audits help understand anomalies in the data.
    public var source: ObligationSource {
        .framework(
            .spotAudits,
            "an anomaly in the data is looked into, by a spot audit or an explanation"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("periods a signal stands unanswered", "\(periods)", setting: "spotAuditPeriods")]
    }

    /// One proposal per signal.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let declined = Set(try await view.all(SpotAuditDecline.self).map(\.signal))
        return try await view.all(Signal.self).compactMap { signal in
            guard signal.status == .active, signal.kind != .staleData, signal.periodsStanding >= periods,
                !signal.isAnswered,
                !declined.contains(signal.id)
            else { return nil }
            return FindingDraft(
                key: signal.key,
                subject: signal.reference,
                agency: signal.subject.agency,
                severity: .emergingRisk,
                level: .subGroup,
                message:
                    "Propose a spot audit: \(signal.summary) It has stood for \(signal.periodsStanding) periods unanswered."
            )
        }
    }
}
