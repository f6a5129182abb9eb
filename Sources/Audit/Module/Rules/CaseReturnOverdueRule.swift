public import Domain

/// An agency's case return past its due day.
public struct CaseReturnOverdueRule: AssuranceRule {
    /// `audit.return-overdue`.
    public var id: RuleID { .auditReturnOverdue }
    /// The rule's title.
    public var title: String { "Audit return overdue" }
    /// What the rule checks.
    public var summary: String { "An agency has not returned its audit of a case by the due day." }
    /// The QADG uses a consistent standard and framework for auditing.
    public var source: ObligationSource {
        .framework(
            .qualityAssuranceDeliveryGroup,
            "agencies return their audit of each case by the day asked"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per agency and audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let active = Set(state.audits.filter(\.isActive).map(\.id))
        let late = state.returns.filter { $0.status == .requested && day > $0.dueOn && active.contains($0.audit) }
        let titles = state.audits.keyed(by: \.id, value: \.title)
        return Dictionary(grouping: late) { "\($0.audit)|\($0.agency)" }.sorted { $0.key < $1.key }.map { _, returns in
            let first = returns[0]
            return FindingDraft(
                key: "\(first.audit)|\(first.agency)",
                subject: first.reference,
                agency: first.agency,
                severity: .areaForImprovement,
                level: .agency,
                message:
                    "\(state.name(first.agency)) has \(returns.count) case return\(returns.count == 1 ? "" : "s") outstanding "
                    + "for \(titles[first.audit] ?? first.audit.rawValue), due on \(returns.map(\.dueOn).min()!).",
                dueOn: returns.map(\.dueOn).min()
            )
        }
    }
}
