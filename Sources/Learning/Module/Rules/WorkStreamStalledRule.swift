public import Domain

/// A work stream with open actions and no progress update for some months.
public struct WorkStreamStalledRule: AssuranceRule {
    /// `learning.work-stream-stalled`.
    public var id: RuleID { .learningWorkStreamStalled }
    /// The rule's title.
    public var title: String { "Work stream stalled" }
    /// The months allowed.
    public var months: Int

    /// Creates the rule, with the months a work stream may go without a progress update.
    public init(months: Int = 3) {
        self.months = months
    }
    /// What the rule checks.
    public var summary: String { "A work stream with open actions has had no progress update for \(months) months." }
    /// The framework: themed work streams avoid duplicate action plans.
    public var source: ObligationSource {
        .framework(
            .businessTeam,
            "any improvement work is drawn into themed work streams to avoid duplicative action plans"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time without a progress update", "\(months) months")]
    }

    /// One finding per work stream.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let byStream = Dictionary(grouping: state.actions.filter { $0.workStream != nil }, by: { $0.workStream! })
        return state.streams.compactMap { stream in
            let actions = byStream[stream.id] ?? []
            let open = actions.filter { !$0.status.isComplete }
            guard !open.isEmpty else { return nil }
            let last = actions.compactMap { $0.lastUpdated ?? $0.startOn }.max() ?? day
            guard last.adding(months: months) <= day else { return nil }
            return FindingDraft(
                key: stream.id.rawValue,
                subject: stream.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "Work stream \"\(stream.title)\" has \(open.count) open action\(open.count == 1 ? "" : "s") and no progress update since \(last).",
                themes: [stream.theme]
            )
        }
    }
}
