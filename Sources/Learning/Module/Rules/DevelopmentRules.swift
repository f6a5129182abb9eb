public import Domain

/// An agency that took up fewer of the training places it committed to than it should.
public struct AttendanceBelowCommitmentRule: AssuranceRule {
    /// The share of committed places an agency is expected to take up.
    public var threshold: Double
    /// The fewest places committed in the window before an agency is judged.
    public var minimumPlaces: Int
    /// The months of sessions judged.
    public var months: Int

    /// Creates the rule.
    public init(threshold: Double = 0.8, minimumPlaces: Int = 5, months: Int = 12) {
        self.threshold = threshold
        self.minimumPlaces = minimumPlaces
        self.months = months
    }

    /// `learning.attendance-below-commitment`.
    public var id: RuleID { .learningAttendanceBelowCommitment }
    /// The rule's title.
    public var title: String { "Training attendance below commitment" }
    /// What the rule checks.
    public var summary: String {
        "An agency that took up less than \(Int(threshold * 100))% of the training places it committed to in the last "
            + "\(months) months, with at least \(minimumPlaces) committed."
    }
    /// The framework measures commitment by courses committed to and attended.
    public var source: ObligationSource {
        .framework(.continuousLearning, "agencies take up the training places they commit to")
    }
    /// The threshold, the fewest places and the window.
    public var localDefaults: [LocalDefault] {
        [
            LocalDefault("places taken up of those committed", "\(Int(threshold * 100))%", setting: "takeUpShare"),
            LocalDefault("places committed before judging", "\(minimumPlaces)", setting: "takeUpMinimumPlaces"),
            LocalDefault("window", "\(months) months", setting: "takeUpWindowMonths"),
        ]
    }

    /// One finding for each agency below the threshold, at the agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await DevelopmentState.load(view)
        let names = try await view.byID(Agency.self)
        let since = day.adding(months: -months)
        let held = Set(state.held(by: day).filter { $0.day > since }.map(\.id))
        let recorded = state.attendance.filter { held.contains($0.session) && $0.attended != nil }
        return Dictionary(grouping: recorded, by: \.agency).sorted { $0.key < $1.key }.compactMap { agency, places in
            let committed = places.reduce(0) { $0 + $1.committed }
            let attended = places.reduce(0) { $0 + ($1.attended ?? 0) }
            guard committed >= minimumPlaces, Double(attended) < threshold * Double(committed) else { return nil }
            return FindingDraft(
                key: agency.rawValue,
                subject: RecordReference(type: Agency.recordType, id: agency.retyped()),
                agency: agency,
                severity: .areaForImprovement,
                level: .agency,
                message: "\(names[agency]?.name ?? agency.rawValue) took up \(attended) of the \(committed) training "
                    + "places it committed to in the last \(months) months (\(Int((Double(attended) / Double(committed) * 100).rounded()))%).",
                themes: [.workforce]
            )
        }
    }
}

/// The year's learning and development programme not commissioned once the year has begun.
///
/// It judges a partnership that keeps its programme here: once any programme is recorded, each year
/// needs one commissioned by its first day.
public struct ProgrammeNotCommissionedRule: AssuranceRule {
    /// Creates the rule.
    public init() {}

    /// `learning.programme-not-commissioned`.
    public var id: RuleID { .learningProgrammeNotCommissioned }
    /// The rule's title.
    public var title: String { "Learning and development programme not commissioned" }
    /// What the rule checks.
    public var summary: String {
        "The financial year has begun and the {practice-development-group} has not commissioned its learning and "
            + "development programme (for a partnership that keeps its programme here)."
    }
    /// The Practice Development Group's duty.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "a learning and development programme is commissioned for each year"
        )
    }

    /// One finding for the year, at the Practice Development Group.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await DevelopmentState.load(view)
        guard !state.programmes.isEmpty else { return [] }
        let year = ReportingPeriod.containing(day, kind: .year, basis: .financial)
        let programme = state.programmes.first { $0.year == year }
        if let commissioned = programme?.commissionedOn, commissioned <= day { return [] }
        return [
            FindingDraft(
                key: year.description,
                subject: programme?.reference
                    ?? RecordReference(type: DevelopmentProgramme.recordType, id: "programme"),
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: "The learning and development programme for \(year.label) "
                    + (programme == nil ? "has not been planned" : "has not been commissioned")
                    + "; the year began on \(year.firstDay).",
                themes: [.workforce],
                dueOn: year.firstDay
            )
        ]
    }
}

/// A session held whose follow-up evaluation, asking whether practice changed, is overdue.
public struct FollowUpEvaluationOverdueRule: AssuranceRule {
    /// The months after a session its follow-up is due.
    public var months: Int

    /// Creates the rule.
    public init(months: Int = 3) {
        self.months = months
    }

    /// `learning.follow-up-overdue`.
    public var id: RuleID { .learningFollowUpOverdue }
    /// The Workforce Development Group, which holds the training programme.
    public var actingGroup: GroupKind? { .workforceDevelopmentGroup }
    /// The rule's title.
    public var title: String { "Follow-up evaluation overdue" }
    /// What the rule checks.
    public var summary: String {
        "A session held \(months) months ago has no follow-up evaluation asking whether practice changed."
    }
    /// The framework uses evaluations to assess impact on practice.
    public var source: ObligationSource {
        .framework(.continuousLearning, "training is evaluated for its impact on practice")
    }
    /// The time to the follow-up.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time from session to follow-up", "\(months) months", setting: "followUpMonths")]
    }

    /// One finding for each session overdue its follow-up, at the sub-group (the Workforce
    /// Development Group).
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await DevelopmentState.load(view)
        let followed = Set(state.evaluations.filter { $0.stage == .followUp }.map(\.session))
        let titles = state.courses.keyed(by: \.id, value: \.title)
        return state.held(by: day).compactMap { session in
            let due = session.day.adding(months: months)
            guard day > due, !followed.contains(session.id) else { return nil }
            return FindingDraft(
                key: session.id.rawValue,
                subject: session.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message: "\(titles[session.course] ?? session.course.rawValue), held on \(session.day): its follow-up "
                    + "evaluation was due by \(due).",
                themes: [.workforce],
                dueOn: due
            )
        }
    }
}

/// A theme that reviews or audits raised in the year with no offer in the year's programme.
public struct ThemeWithoutOfferRule: AssuranceRule {
    /// Creates the rule.
    public init() {}

    /// `learning.theme-without-offer`.
    public var id: RuleID { .learningThemeWithoutOffer }
    /// The rule's title.
    public var title: String { "Learning need without an offer" }
    /// What the rule checks.
    public var summary: String {
        "A theme of an open recommendation raised by a review or an audit in the year, which no course of the "
            + "year's commissioned programme answers; the year just ended is judged until the next programme is "
            + "commissioned."
    }
    /// Learning is fed back to practitioners.
    public var source: ObligationSource {
        .framework(
            .learningLoop,
            "each theme the year's learning raises has a training offer"
        )
    }

    /// The programme judged on a day: the year's once it is commissioned; until then the year just
    /// ended's, so that a need left without an offer at the year's end is not forgotten while the
    /// next programme is being commissioned.
    static func judgedProgramme(_ state: DevelopmentState, on day: Day) -> DevelopmentProgramme? {
        func commissioned(_ programme: DevelopmentProgramme?) -> DevelopmentProgramme? {
            guard let programme, let on = programme.commissionedOn, on <= day else { return nil }
            return programme
        }
        if let current = commissioned(state.programme(on: day)) { return current }
        return commissioned(state.programmes.filter { $0.year.lastDay < day }.max { $0.year.lastDay < $1.year.lastDay })
    }

    /// One finding for each theme without an offer, at the Practice Development Group.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await DevelopmentState.load(view)
        guard let programme = Self.judgedProgramme(state, on: day) else { return [] }
        let offered = Set(state.courses.filter { $0.programme == programme.id }.flatMap(\.themes))
        let raised = try await view.all(Recommendation.self).filter {
            $0.status == .open && [.review, .audit].contains($0.source.kind) && programme.year.contains($0.raisedOn)
                && $0.raisedOn <= day
        }
        var sources: [Theme: [String]] = [:]
        for recommendation in raised {
            for theme in recommendation.themes where !offered.contains(theme) {
                sources[theme, default: []].append(recommendation.source.title)
            }
        }
        return sources.keys.sorted().map { theme in
            let titles = Array(Set(sources[theme] ?? [])).sorted()
            return FindingDraft(
                key: "\(programme.year)|\(theme.rawValue)",
                subject: programme.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: "\(theme.label): raised by \(titles.joined(separator: "; ")), and no course of the "
                    + "\(programme.year.label) programme answers it.",
                themes: [theme]
            )
        }
    }
}

/// Good practice: a follow-up evaluation in the last year in which most practitioners said their
/// practice changed.
public struct TrainingChangedPracticeRule: AssuranceRule {
    /// The share saying practice changed that counts as good practice.
    public var share: Double
    /// The months a follow-up is reported as good practice for.
    public var months: Int

    /// Creates the rule.
    public init(share: Double = 0.75, months: Int = 12) {
        self.share = share
        self.months = months
    }

    /// `learning.training-changed-practice`.
    public var id: RuleID { .learningTrainingChangedPractice }
    /// Yes: it finds a change in practice or outcomes.
    public var showsImpact: Bool { true }
    /// The rule's title.
    public var title: String { "Training changed practice" }
    /// What the rule checks.
    public var summary: String {
        "A follow-up evaluation in the last \(months) months in which at least \(Int(share * 100))% of practitioners "
            + "said their practice changed."
    }
    /// The framework uses evaluations to assess impact on practice.
    public var source: ObligationSource {
        .framework(.continuousLearning, "training is evaluated for its impact on practice")
    }
    /// The share and the window.
    public var localDefaults: [LocalDefault] {
        [
            LocalDefault("share saying practice changed", "\(Int(share * 100))%", setting: "practiceChangedShare"),
            LocalDefault("window", "\(months) months", setting: "practiceChangedMonths"),
        ]
    }

    /// One good-practice finding for each such follow-up.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await DevelopmentState.load(view)
        let courses = state.courses.keyed(by: \.id)
        let sessions = state.sessions.keyed(by: \.id, value: \.day)
        let since = day.adding(months: -months)
        return state.evaluations.filter {
            $0.stage == .followUp && $0.on > since && $0.on <= day && $0.share >= share
        }.map { evaluation in
            let course = courses[evaluation.course]
            return FindingDraft(
                key: evaluation.id.rawValue,
                subject: evaluation.reference,
                severity: .goodPractice,
                level: .practiceDevelopmentGroup,
                message: "\(course?.title ?? evaluation.course.rawValue)"
                    + (sessions[evaluation.session].map { ", session of \($0)" } ?? "")
                    + ": \(evaluation.practiceChanged) of \(evaluation.respondents) practitioners said at follow-up on "
                    + "\(evaluation.on) that their practice changed. " + evaluation.summary,
                themes: course?.themes ?? [],
                evidence: [
                    EvidenceReference(.record, title: "Follow-up of \(evaluation.on)", record: evaluation.reference)
                ]
            )
        }
    }
}
