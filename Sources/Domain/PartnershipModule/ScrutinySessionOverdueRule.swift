import Foundation

/// A group whose scrutiny session with the QA lead is overdue (six-monthly by default).
public struct ScrutinySessionOverdueRule: AssuranceRule, Hashable {
    /// `partnership.scrutiny-session-overdue`.
    public var id: RuleID { .partnershipScrutinySessionOverdue }
    /// The rule's title.
    public var title: String { "Scrutiny session overdue" }
    /// What the rule checks.
    public var summary: String {
        "An active group with a scrutiny cadence has had no scrutiny session within one cadence of its last one "
            + "(or of being established)."
    }
    /// The framework's description of the QA lead's scrutiny sessions.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "the Quality Assurance Lead provides a "
                + "six-monthly scrutiny session to chairs and leads"
        )
    }

    /// Creates the rule.
    public init() {}

    /// Findings for each active group whose scrutiny session is overdue.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let sessions = Dictionary(
            grouping: try await view.all(ScrutinySession.self).filter { $0.heldOn <= day },
            by: \.group
        )
        return try await view.all(Group.self).compactMap { group in
            guard group.isActive(on: day), let cadence = group.scrutinyCadence else { return nil }
            let last = sessions[group.id]?.map(\.heldOn).max()
            guard let (due, base) = group.overdue(cadence, lastDone: last, on: day) else { return nil }
            let since =
                last.map { "the last was on \($0)" } ?? "there has been none since it was established on \(base)"
            return FindingDraft(
                key: group.id.rawValue,
                subject: group.reference,
                group: group.id,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: "\(group.name)'s \(cadence) scrutiny session was due by \(due); \(since).",
                dueOn: due
            )
        }
    }
}
