/// A matter a sub-group formally escalates in its report, as a finding at the level it names.
///
/// An escalation stands until the level at the top of the route records a decision on it: a group's
/// next report leaving it out does not answer it. A report that restates it after the decision
/// raises it again.
public struct SubGroupEscalationRule: AssuranceRule, Hashable {
    /// `partnership.sub-group-escalation`.
    public var id: RuleID { .partnershipSubGroupEscalation }
    /// The rule's title.
    public var title: String { "Escalated by a sub-group" }
    /// What the rule checks.
    public var summary: String {
        "An escalation in any of a group's reports, raised at the level it names (a decision for the {executive}; an "
            + "emerging risk below it), with the latest report that carries it as its evidence, until the "
            + "{executive} records a decision on it."
    }
    /// The framework's description of sub-groups' reports.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "a group's escalations are decided at the level they are raised to"
        )
    }
    /// What the group asks for, the recommended course.
    public var decisionOptions: DecisionOptions {
        DecisionOptions(
            options: [
                "Agree what the group asks for, naming who will do it and by when",
                "Return it to the group with a direction and a date to report back",
                "Accept the risk and record why",
            ],
            recommended: 0,
            ifUndecided:
                "The escalation stays open at the {executive}, and the group's next report carries it again; it "
                + "closes only when a decision on it is recorded."
        )
    }

    /// Creates the rule.
    public init() {}

    /// One finding for each escalation of an active group not decided since the last report that made it.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let reports = Dictionary(
            grouping: try await view.all(GroupReport.self).filter { $0.submittedOn <= day },
            by: \.group
        )
        let decided = try await decisions(in: view)
        return try await view.all(Group.self).flatMap { group -> [FindingDraft] in
            guard group.isActive(on: day), let made = reports[group.id] else { return [] }
            // The latest report to carry each escalation, as that report words its level.
            var latest: [String: (GroupReport.Escalation, GroupReport)] = [:]
            for report in made.sorted(by: { ($0.submittedOn, $0.id) < ($1.submittedOn, $1.id) }) {
                for escalation in report.escalations { latest["\(group.id)|\(escalation.text)"] = (escalation, report) }
            }
            return latest.sorted { $0.key < $1.key }.compactMap { key, made in
                let (escalation, report) = made
                guard decided[key].map({ $0 < report.submittedOn }) ?? true else { return nil }
                return draft(escalation, key: key, of: group, in: report)
            }
        }
    }

    /// The day of the latest decision recorded on each escalation's finding, by the rule's key.
    private func decisions(in view: AssuranceView) async throws -> [String: Day] {
        let prefix = "\(id)|"
        var days: [String: Day] = [:]
        for finding in try await view.all(Finding.self)
        where finding.rule == id && finding.key.hasPrefix(prefix) {
            guard let decision = finding.decision else { continue }
            let key = String(finding.key.dropFirst(prefix.count))
            days[key] = max(days[key] ?? decision.on, decision.on)
        }
        return days
    }

    private func draft(
        _ escalation: GroupReport.Escalation,
        key: String,
        of group: Group,
        in report: GroupReport
    ) -> FindingDraft {
        FindingDraft(
            key: key,
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
