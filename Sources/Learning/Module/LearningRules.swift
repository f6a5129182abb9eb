public import Domain

private let loop = "Devon SCP QA Framework, Closing the Learning Loop and Monitoring the Impact of Change"

/// A review clock that has been breached: the notification, the rapid review, or the local review's publication.
public struct ReviewClockRule: AssuranceRule {
    /// The clock checked.
    public var clock: StatutoryClock.ID
    /// The rule's id.
    public var id: RuleID
    /// The rule's title.
    public var title: String

    /// Creates the rule for a clock.
    public init(clock: StatutoryClock.ID, ruleID: RuleID, title: String) {
        self.clock = clock
        self.id = ruleID
        self.title = title
    }

    /// What the rule checks.
    public var summary: String {
        let definition = StatutoryClock.starter.first { $0.id == clock }
        return
            "The \(definition?.name.lowercased() ?? clock.rawValue) clock (\(definition?.rule ?? "")) has run out without "
            + "\(definition?.endsWith ?? "its end")."
    }
    /// The clock's own source.
    public var source: ObligationSource {
        StatutoryClock.starter.first { $0.id == clock }?.source ?? .framework(loop)
    }

    /// One finding per review.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        guard let definition = state.clocks.first(where: { $0.id == clock }) else { return [] }
        return state.reviews.filter { definition.appliesTo.contains($0.kind) && $0.status != .closed }.compactMap {
            review in
            let reading = ClockReading.read(definition, for: review, on: day, calendar: view.calendar)
            // A breach that ended is history for the reason rule; one still running is a finding.
            guard reading.state == .breached, reading.stopped == nil, let due = reading.due else { return nil }
            return FindingDraft(
                key: review.id.rawValue,
                subject: review.reference,
                severity: .emergingRisk,
                level: .practiceDevelopmentGroup,
                message: "\(review.kind): \(review.title): \(definition.name.lowercased()) was due by \(due) "
                    + "(\(definition.rule)) and \(definition.endsWith) is not recorded.",
                themes: review.themes,
                dueOn: due
            )
        }
    }
}

/// A breached clock with no recorded reason.
public struct BreachWithoutReasonRule: AssuranceRule {
    /// `learning.breach-without-reason`.
    public var id: RuleID { "learning.breach-without-reason" }
    /// The rule's title.
    public var title: String { "Breached clock without a reason" }
    /// What the rule checks.
    public var summary: String { "A review clock was breached and no reason for the breach is recorded." }
    /// Guidance: a breached timescale needs a recorded reason.
    public var source: ObligationSource {
        ObligationSource(
            .statutoryGuidance,
            "Working Together to Safeguard Children: where a timescale is not met, the reasons are recorded"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per review and clock.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.reviews.flatMap { review in
            state.clocks.filter { $0.appliesTo.contains(review.kind) }.compactMap { clock -> FindingDraft? in
                let reading = ClockReading.read(clock, for: review, on: day, calendar: view.calendar)
                guard reading.state == .breached, reading.breachReason == nil else { return nil }
                return FindingDraft(
                    key: "\(review.id)|\(clock.id)",
                    subject: review.reference,
                    severity: .areaForImprovement,
                    level: .subGroup,
                    message:
                        "\(review.title): the \(clock.name.lowercased()) clock was breached and no reason is recorded."
                )
            }
        }
    }
}

/// An action past its due day and not complete.
public struct ActionOverdueRule: AssuranceRule {
    /// `learning.action-overdue`.
    public var id: RuleID { "learning.action-overdue" }
    /// The rule's title.
    public var title: String { "Action overdue" }
    /// What the rule checks.
    public var summary: String {
        "An action of the tracker is past its due day and not complete; it moves up a level each escalation period."
    }
    /// The framework: recommendations are acted on.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, The Role of the Devon SCP Business Team: recommendations arising from reviews and audits are considered and actions agreed"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per overdue action, at its agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.actions.filter { $0.effectiveStatus(on: day) == .overdue }.map { action in
            FindingDraft(
                key: action.id.rawValue,
                subject: action.reference,
                agency: action.ownerAgency,
                severity: .areaForImprovement,
                level: action.ownerAgency == nil ? .subGroup : .agency,
                message: "\(state.name(action.ownerAgency))'s action \"\(action.text)\" was due on \(action.dueOn).",
                dueOn: action.dueOn
            )
        }
    }
}

/// An action completed some months ago with no evidence of completion.
public struct CompletedWithoutEvidenceRule: AssuranceRule {
    /// `learning.completed-without-evidence`.
    public var id: RuleID { "learning.completed-without-evidence" }
    /// The rule's title.
    public var title: String { "Completed without evidence" }
    /// The months allowed.
    public var months: Int
    /// What the rule checks.
    public var summary: String {
        "An action marked complete \(months) or more months ago has no evidence of completion."
    }
    /// The framework: evidence, not just activity.
    public var source: ObligationSource { .framework(loop) }

    /// One finding per action.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        return state.actions.compactMap { action in
            guard action.status == .completed, let completed = action.completedOn,
                completed.adding(months: months) <= day, (action.completionEvidence ?? []).isEmpty
            else { return nil }
            return FindingDraft(
                key: action.id.rawValue,
                subject: action.reference,
                agency: action.ownerAgency,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "\(state.name(action.ownerAgency))'s action \"\(action.text)\" was completed on \(completed) with no evidence of completion."
            )
        }
    }
}

/// A review's learning not disseminated within some months of its report.
public struct LearningNotDisseminatedRule: AssuranceRule {
    /// `learning.not-disseminated`.
    public var id: RuleID { "learning.not-disseminated" }
    /// The rule's title.
    public var title: String { "Learning not disseminated" }
    /// The months allowed.
    public var months: Int
    /// What the rule checks.
    public var summary: String {
        "A review's report went to the partners \(months) or more months ago and no learning product drawing on it has been issued."
    }
    /// The framework: feed learning back to practitioners.
    public var source: ObligationSource {
        .framework("Devon SCP QA Framework, Closing the Learning Loop: we feed back learning direct to practitioners")
    }

    /// One finding per review.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let disseminated = Set(state.products.filter { $0.issuedOn.map { $0 <= day } ?? false }.flatMap(\.drawsOn))
        return state.reviews.compactMap { review in
            guard let reported = review[.reportToPartners], reported.adding(months: months) <= day,
                !disseminated.contains(review.reference)
            else { return nil }
            return FindingDraft(
                key: review.id.rawValue,
                subject: review.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message:
                    "\(review.title): reported to the partners on \(reported); no learning product has been issued from it.",
                themes: review.themes
            )
        }
    }
}

/// A work stream with open actions and no progress update for some months.
public struct WorkStreamStalledRule: AssuranceRule {
    /// `learning.work-stream-stalled`.
    public var id: RuleID { "learning.work-stream-stalled" }
    /// The rule's title.
    public var title: String { "Work stream stalled" }
    /// The months allowed.
    public var months: Int
    /// What the rule checks.
    public var summary: String { "A work stream with open actions has had no progress update for \(months) months." }
    /// The framework: themed work streams avoid duplicate action plans.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework: any improvement work is drawn into themed work streams to avoid duplicative action plans"
        )
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

/// A recommendation closed without evidence of impact.
public struct ClosedWithoutImpactRule: AssuranceRule {
    /// `learning.closed-without-impact`.
    public var id: RuleID { "learning.closed-without-impact" }
    /// The rule's title.
    public var title: String { "Closed without evidence of impact" }
    /// What the rule checks.
    public var summary: String {
        "A recommendation is closed but no impact record judges its change embedded or progressing."
    }
    /// The national panel's finding that most yearly reports omit impact.
    public var source: ObligationSource {
        ObligationSource(
            .guidance,
            "What Works for Children's Social Care, analysis of safeguarding partners' yearly reports 2020–21: report impact, not just activity",
            url: "https://whatworks-csc.org.uk/research-report/safeguarding-partners-annual-reports-analysis-2020-21/"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per recommendation.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let evidenced = Set(
            state.impact.filter { $0.judgement == .embedded || $0.judgement == .progressing }.map(\.recommendation)
        )
        return state.recommendations.filter { $0.status == .closed && !evidenced.contains($0.id) }.map {
            recommendation in
            FindingDraft(
                key: recommendation.id.rawValue,
                subject: recommendation.reference,
                agency: recommendation.ownerAgency,
                severity: .recurringConcern,
                level: .practiceDevelopmentGroup,
                message:
                    "Recommendation from \(recommendation.source.title) was closed without evidence that practice changed: \"\(recommendation.text)\"",
                themes: recommendation.themes
            )
        }
    }
}
