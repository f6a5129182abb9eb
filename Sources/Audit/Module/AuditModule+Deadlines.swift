public import Domain

extension AuditModule {
    /// What the audit programme is owed: each agency's case returns to an active audit, due by their
    /// day, and the next quarterly summary from the MASH and from the conference chairs, due 30 days
    /// after its quarter ends, once they have returned one.
    public func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
        let state = try await AuditState.load(view)
        let audits = state.audits.keyed(by: \.id)
        var result: [Deadline] = []
        let requested = state.returns.filter { $0.status == .requested && $0.dueOn >= day }
        for (key, returns) in Dictionary(grouping: requested, by: { "\($0.audit)|\($0.agency)|\($0.dueOn)" }) {
            let first = returns[0]
            guard let audit = audits[first.audit], audit.isActive else { continue }
            let count = returns.count
            result.append(
                Deadline(
                    key: "audit.case-return|\(key)",
                    kind: .auditCaseReturn,
                    what:
                        "\(state.name(first.agency))'s \(count) case return\(count == 1 ? "" : "s") to \(audit.title)",
                    dueOn: first.dueOn,
                    level: .agency,
                    agency: first.agency,
                    subject: audit.reference
                )
            )
        }
        let summaries = Dictionary(grouping: state.summaries, by: \.source)
        let rule = QuarterlySummaryMissingRule()
        for source in QuarterlySummary.Source.allCases {
            guard let held = summaries[source], let first = held.map(\.quarter).min() else { continue }
            let returned = Set(held.map(\.quarter))
            var quarter = first
            while returned.contains(quarter) || quarter.lastDay.adding(days: rule.days) < day { quarter = quarter.next }
            result.append(
                Deadline(
                    key: "audit.quarterly-summary|\(source.rawValue)|\(quarter)",
                    kind: .quarterlySummary,
                    what: "The \(source.label) quarterly summary for \(quarter.label)",
                    dueOn: quarter.lastDay.adding(days: rule.days),
                    level: .subGroup,
                    subject: RecordReference(
                        type: QuarterlySummary.recordType,
                        id: Identifier(rawValue: "\(source.rawValue)-\(quarter)") ?? "summary"
                    )
                )
            )
        }
        return result
    }
}
