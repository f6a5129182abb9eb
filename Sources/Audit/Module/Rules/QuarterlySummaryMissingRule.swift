public import Domain

/// A quarterly summary the framework asks of the MASH or the conference chairs that has not arrived.
///
/// Each source is chased from the first quarter the framework has asked for summaries: the earliest
/// of the first quarter of the first year of the audit programme and the first quarter any source
/// has summarised. A source that has never returned one is chased like any other, from that quarter.
public struct QuarterlySummaryMissingRule: AssuranceRule {
    /// Days after a quarter ends by which its summary is due.
    public var days: Int

    /// Creates the rule.
    public init(days: Int = 30) {
        self.days = days
    }

    /// `audit.quarterly-summary-missing`.
    public var id: RuleID { .auditQuarterlySummaryMissing }
    /// The rule's title.
    public var title: String { "Quarterly summary not returned" }
    /// What the rule checks.
    public var summary: String {
        "A quarter ended more than \(days) days ago with no summary from the MASH or the conference chairs, from the "
            + "first quarter of the audit programme or of the first summary returned."
    }
    /// The framework asks both for a quarterly summary.
    public var source: ObligationSource {
        .framework(
            .hubAndConferences,
            "the multi-agency safeguarding hub and the conference chairs summarise each quarter"
        )
    }
    /// The time after a quarter's end the framework does not give.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time after the quarter's end", "\(days) days", setting: "quarterlySummaryDays")]
    }

    /// One finding for each quarter each source has not summarised.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let summaries = Dictionary(grouping: state.summaries, by: \.source)
        let starts =
            state.summaries.map(\.quarter)
            + state.plans.map { ReportingPeriod.containing($0.year.firstDay, kind: .quarter, basis: .financial) }
        guard let first = starts.min() else { return [] }
        var drafts: [FindingDraft] = []
        for source in QuarterlySummary.Source.allCases {
            let returned = Set((summaries[source] ?? []).map(\.quarter))
            var quarter = first
            while quarter.lastDay.adding(days: days) < day {
                if !returned.contains(quarter) {
                    let due = quarter.lastDay.adding(days: days)
                    drafts.append(
                        FindingDraft(
                            key: "\(source.rawValue)|\(quarter)",
                            subject: RecordReference(
                                type: QuarterlySummary.recordType,
                                id: Identifier(rawValue: "\(source.rawValue)-\(quarter)") ?? "summary"
                            ),
                            severity: .areaForImprovement,
                            level: .subGroup,
                            message: "The \(source.label) quarterly summary for \(quarter.label) was due by \(due) and "
                                + "has not been returned.",
                            dueOn: due
                        )
                    )
                }
                quarter = quarter.next
            }
        }
        return drafts
    }
}
