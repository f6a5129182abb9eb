public import Domain

/// A quarterly summary the framework asks of the MASH or the conference chairs that has not arrived.
///
/// A source is chased once it has returned a summary: from its first quarter on, each quarter ended
/// more than a set number of days ago needs one.
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
        "A quarter ended more than \(days) days ago with no summary from the MASH or the conference chairs, once "
            + "they have returned one."
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
        let summaries = Dictionary(grouping: try await AuditState.load(view).summaries, by: \.source)
        var drafts: [FindingDraft] = []
        for source in QuarterlySummary.Source.allCases {
            guard let held = summaries[source], let first = held.map(\.quarter).min() else { continue }
            let returned = Set(held.map(\.quarter))
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
