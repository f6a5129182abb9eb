public import Domain

/// An audit not reported to the Practice Development Group within some weeks of fieldwork.
public struct ReportNotPresentedRule: AssuranceRule {
    /// `audit.report-not-presented`.
    public var id: RuleID { .auditReportNotPresented }
    /// The rule's title.
    public var title: String { "Audit report not presented" }
    /// Weeks allowed after fieldwork.
    public var weeks: Int
    /// What the rule checks.
    public var summary: String {
        "An audit whose fieldwork ended \(weeks) weeks ago has not been reported to the Practice Development Group."
    }
    /// The QADG refers findings to the PDG.
    public var source: ObligationSource {
        .framework("\(qadg): refers findings from audit to the Practice Development Group")
    }

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await AuditState.load(view).audits.compactMap { audit in
            guard audit.stage == .moderation, let ended = audit.reached(.moderation) else { return nil }
            let due = ended.adding(days: weeks * 7)
            guard day > due else { return nil }
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message:
                    "\(audit.title): fieldwork ended on \(ended) and the report was due at the Practice Development Group by \(due).",
                themes: audit.themes,
                dueOn: due
            )
        }
    }
}
