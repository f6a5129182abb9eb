public import Domain

/// A theme judged below good in more than one audit in twelve months: a recurring concern.
public struct RecurringAuditThemeRule: AssuranceRule {
    /// `audit.recurring-theme`.
    public var id: RuleID { .auditRecurringTheme }
    /// The rule's title.
    public var title: String { "Recurring audit theme" }
    /// What the rule checks.
    public var summary: String {
        "A theme judged "
            + scale.levels.filter { $0.rag != .green }.reversed().map(\.label).joined(separator: " or ")
            + " in more than one audit reported in the last \(months) months."
    }
    /// The framework: highlight commonly recurring themes.
    public var source: ObligationSource {
        .framework(
            .introduction,
            "themes that recur across audits are looked into further"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("window", "\(months) months", setting: "recurringThemeMonths")]
    }
    /// The scale the partnership's audit tool grades on.
    public var scale: RatingScale
    /// The months of audits in which a theme recurs.
    public var months: Int

    /// Creates the rule, for audits graded on a scale, over a window of months.
    public init(scale: RatingScale = .fourPoint, months: Int = 12) {
        self.scale = scale
        self.months = months
    }

    /// One finding per theme.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let titles = state.audits.keyed(by: \.id, value: \.title)
        return state.analysis().recurringThemes(on: day, months: months).map { recurring in
            FindingDraft(
                key: recurring.theme.rawValue,
                subject: RecordReference(type: Audit.recordType, id: recurring.audits.last!.retyped()),
                severity: .recurringConcern,
                level: .practiceDevelopmentGroup,
                message:
                    "\(recurring.theme.label) was judged \(state.scale.belowGreen) in \(recurring.audits.count) audits in \(months) months: "
                    + recurring.audits.map { titles[$0] ?? $0.rawValue }.joined(separator: "; ") + ".",
                themes: [recurring.theme],
                evidence: recurring.audits.map {
                    EvidenceReference(
                        .record,
                        title: titles[$0] ?? $0.rawValue,
                        record: RecordReference(type: Audit.recordType, id: $0.retyped())
                    )
                }
            )
        }
    }
}
