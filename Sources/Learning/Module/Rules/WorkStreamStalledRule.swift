public import Domain

/// A work stream with open actions and no progress update for some months.
public struct WorkStreamStalledRule: AssuranceRule {
    /// `learning.work-stream-stalled`.
    public var id: RuleID { .learningWorkStreamStalled }
    /// The practice review group, which follows the learning from reviews to its impact.
    public var actingGroup: GroupKind? { .practiceReviewGroup }
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
            "every recommendation sits in a themed work stream"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time without a progress update", "\(months) months", setting: "stalledMonths")]
    }

    /// One finding per work stream.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        // Each stream's open actions and latest update, in one pass over the tracker (not grouped
        // copies of every action: a national tracker holds hundreds of thousands), a run of one
        // stream's actions at a time, as the store's order keeps them together.
        var byStream: [WorkStream.ID: (open: Int, last: Day?)] = [:]
        func add(_ run: (stream: WorkStream.ID, open: Int, last: Day)) {
            let held = byStream[run.stream] ?? (0, nil)
            byStream[run.stream] = (held.open + run.open, max(held.last ?? run.last, run.last))
        }
        var run: (stream: WorkStream.ID, open: Int, last: Day)?
        for action in state.actions {
            guard let stream = action.workStream else { continue }
            let updated = action.lastUpdated ?? action.startOn
            if let held = run, held.stream != stream {
                add(held)
                run = nil
            }
            let open = action.status.isComplete ? 0 : 1
            run = run.map { ($0.stream, $0.open + open, max($0.last, updated)) } ?? (stream, open, updated)
        }
        if let run { add(run) }
        return state.streams.compactMap { stream in
            guard let held = byStream[stream.id], held.open > 0 else { return nil }
            let open = held.open
            let last = held.last ?? day
            guard last.adding(months: months) <= day else { return nil }
            return FindingDraft(
                key: stream.id.rawValue,
                subject: stream.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "Work stream \"\(stream.title)\" has \(open) open action\(open == 1 ? "" : "s") and no progress update since \(last).",
                themes: [stream.theme]
            )
        }
    }
}
