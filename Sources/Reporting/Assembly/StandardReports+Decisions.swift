import Domain
import Foundation

/// What a report to the Executive asks and groups: who decides each decision and by when, and good
/// practice by theme.
extension StandardReports {
    /// Up to this many good-practice findings are listed whole in a report to the Executive; more
    /// are grouped by theme, and this many themes give their strongest example.
    public static let goodPracticeListedInFull = 8

    /// Good practice grouped by theme (a finding without one by its rule): the strongest finding of
    /// each of the largest themes, one that shows a change in practice or outcomes before one seen
    /// once, then the latest; and a table counting every theme's findings.
    static func goodPracticeByTheme(
        _ findings: [Finding],
        rules: [RuleID: RuleDescription]
    ) -> (strongest: [Finding], table: ReportBlock) {
        func group(_ finding: Finding) -> String {
            finding.themes.first?.label ?? rules[finding.rule]?.title ?? finding.rule.rawValue
        }
        func impact(_ finding: Finding) -> Bool { rules[finding.rule]?.showsImpact ?? false }
        let groups = Dictionary(grouping: findings, by: group).map { name, members in
            (
                name: name,
                members: members.sorted {
                    (impact($0) ? 1 : 0, $0.aroseOn, $1.message) > (impact($1) ? 1 : 0, $1.aroseOn, $0.message)
                }
            )
        }.sorted { ($0.members.count, $1.name) > ($1.members.count, $0.name) }
        let table = ReportBlock.table(
            TableBlock(
                caption: "Good practice and strengths by theme, the largest first (the list gives the strongest "
                    + "finding of each of the first \(min(groups.count, goodPracticeListedInFull)))",
                columns: [
                    .init("Theme"), .init("Findings", numeric: true),
                    .init("Showing a change in practice or outcomes", numeric: true),
                ],
                // Counts of findings, not of people: never suppressed.
                rows: groups.map { group in
                    [
                        .text(group.name), .number(Double(group.members.count), decimals: 0),
                        .number(Double(group.members.filter(impact).count), decimals: 0),
                    ]
                }
            )
        )
        return (groups.prefix(goodPracticeListedInFull).compactMap(\.members.first), table)
    }

    struct Decider {
        var name: String
        var nextMeeting: Day?
    }

    /// Who decides at each level a decision is asked of, and the day of that group's next meeting:
    /// the first meeting recorded after the report's day, or else its last meeting carried forward
    /// by its cadence to the first day after the report's.
    func deciders(
        for findings: [Finding],
        top: EscalationLevel,
        on day: Day,
        in view: AssuranceView
    ) async throws -> [EscalationLevel: Decider] {
        let levels = Set(findings.filter { $0.severity == .decisionRequired || $0.level == top }.map(\.level))
        guard !levels.isEmpty else { return [:] }
        let groups = try await view.all(Group.self)
        let meetings = Dictionary(grouping: try await view.all(Meeting.self), by: \.group)
        var deciders: [EscalationLevel: Decider] = [:]
        for level in levels {
            let named = levelName(level)
            let holder =
                framework.document.group(holding: level).flatMap { id in groups.first { $0.id == id } }
                ?? groups.first { $0.kind.rawValue == level.rawValue && $0.ended == nil }
            guard let holder else {
                deciders[level] = Decider(name: "The \(framework.document.name(of: level))", nextMeeting: nil)
                continue
            }
            let days = (meetings[holder.id] ?? []).map(\.day)
            var next = days.filter { $0 > day }.min()
            if next == nil, let cadence = holder.meetingCadence {
                var due = days.filter { $0 <= day }.max().map(cadence.after) ?? cadence.after(day)
                while due <= day { due = cadence.after(due) }
                next = due
            }
            let name = holder.name.caseInsensitiveCompare(named) == .orderedSame ? named : "\(named) (\(holder.name))"
            deciders[level] = Decider(name: "The \(name)", nextMeeting: next)
        }
        return deciders
    }

    /// A finding's source as the body of a report gives it: the rule and the citation's heading
    /// (each part of the citation up to its quotation); what the source says and the thresholds are
    /// in the appendix, "The rules behind the findings".
    static func source(_ rule: RuleID, _ rules: [RuleID: RuleDescription]) -> String {
        guard let description = rules[rule] else { return rule.rawValue }
        return "\(description.title) (\(shortCitation(description.source.citation)))"
    }
}
