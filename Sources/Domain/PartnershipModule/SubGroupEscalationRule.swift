/// A matter a sub-group formally escalates in its report, as a finding at the level it names.
///
/// A group's latest report carries the escalations that still stand: a group restates one that is
/// still live, and the finding resolves when a report no longer carries it.
public struct SubGroupEscalationRule: AssuranceRule, Hashable {
    /// `partnership.sub-group-escalation`.
    public var id: RuleID { .partnershipSubGroupEscalation }
    /// The rule's title.
    public var title: String { "Escalated by a sub-group" }
    /// What the rule checks.
    public var summary: String {
        "An escalation in a group's latest report, raised at the level it names (a decision for the {executive}; an "
            + "emerging risk below it), with the report as its evidence."
    }
    /// The framework's description of sub-groups' reports.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "a group's escalations are decided at the level they are raised to"
        )
    }

    /// Creates the rule.
    public init() {}

    /// One finding for each escalation in each active group's latest report.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let latest = Dictionary(
            grouping: try await view.all(GroupReport.self).filter { $0.submittedOn <= day },
            by: \.group
        )
        .compactMapValues { $0.max { ($0.submittedOn, $0.id) < ($1.submittedOn, $1.id) } }
        return try await view.all(Group.self).flatMap { group -> [FindingDraft] in
            guard group.isActive(on: day), let report = latest[group.id] else { return [] }
            return report.escalations.map { escalation in
                FindingDraft(
                    key: "\(group.id)|\(escalation.text)",
                    subject: report.reference,
                    group: group.id,
                    severity: escalation.level == .executive ? .decisionRequired : .emergingRisk,
                    level: escalation.level,
                    message: "\(group.name) escalates: \(escalation.text)",
                    evidence: [
                        EvidenceReference(
                            .record,
                            title: "\(group.name)'s report of \(report.submittedOn)",
                            record: report.reference
                        )
                    ],
                    dueOn: (group.reportingCadence ?? .biMonthly).after(report.submittedOn)
                )
            }
        }
    }
}
