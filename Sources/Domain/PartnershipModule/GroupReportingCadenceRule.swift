import Foundation

/// A sub-group or project that has missed its reporting cadence to the Executive (bi-monthly by default).
public struct GroupReportingCadenceRule: AssuranceRule, Hashable {
    /// `partnership.group-report-overdue`.
    public var id: RuleID { .partnershipGroupReportOverdue }
    /// The rule's title.
    public var title: String { "Group report to the Executive overdue" }
    /// What the rule checks.
    public var summary: String {
        "An active group with a reporting cadence has not reported to the Executive within one cadence of its last "
            + "report (or of being established)."
    }
    /// The framework's description of the Practice Development Group's role.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "sub-group chairs and project leads "
                + "produce bi-monthly reports to the Executive"
        )
    }

    /// Creates the rule.
    public init() {}

    /// Findings for each active group whose report is overdue.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let reports = Dictionary(
            grouping: try await view.all(GroupReport.self).filter { $0.submittedOn <= day },
            by: \.group
        )
        return try await view.all(Group.self).compactMap { group in
            guard group.isActive(on: day), let cadence = group.reportingCadence else { return nil }
            let last = reports[group.id]?.map(\.submittedOn).max()
            guard let (due, base) = group.overdue(cadence, lastDone: last, on: day) else { return nil }
            let since = last.map { "since \($0)" } ?? "since it was established on \(base)"
            return FindingDraft(
                key: group.id.rawValue,
                subject: group.reference,
                group: group.id,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message:
                    "\(group.name) has not reported to the Executive \(since); its \(cadence) report was due by \(due).",
                dueOn: due
            )
        }
    }
}
