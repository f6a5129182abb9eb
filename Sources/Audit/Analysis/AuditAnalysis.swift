public import Domain

/// Grades across audits: by theme, by agency, each audit's judgement, recurring themes, and where the
/// agencies' grades of a case differ.
public struct AuditAnalysis: Sendable {
    /// Agencies that graded a section of a case far apart.
    public struct Disagreement: Hashable, Sendable {
        /// The case.
        public var auditCase: AuditCase.ID
        /// The section.
        public var section: AuditSectionCode
        /// Each agency's grade.
        public var grades: [Agency.ID: RatingCode]
    }

    /// A theme judged below good in more than one audit.
    public struct RecurringTheme: Hashable, Sendable {
        /// The theme.
        public var theme: Theme
        /// The audits that judged it below good, oldest first.
        public var audits: [Audit.ID]
    }

    /// The scale grades are on.
    public let scale: RatingScale
    /// Moderated overall grades of cases, by the themes of their audits.
    public let gradesByTheme: [Theme: [RatingCode: Int]]
    /// Agencies' own section grades, by agency.
    public let gradesByAgency: [Agency.ID: [RatingCode: Int]]
    /// Each audit's judgement: the median of its cases' moderated overall grades (the lower where two meet).
    public let judgements: [Audit.ID: RatingCode]
    /// Where agencies' grades of a case section are two or more levels apart.
    public let disagreements: [Disagreement]
    // The audits analysed, for their themes and the days they were reported.
    let audits: [Audit.ID: Audit]

    /// Analyses audits, their cases and returns.
    public init(audits: [Audit], cases: [AuditCase], returns: [CaseReturn], scale: RatingScale = .fourPoint) {
        self.init(audits: audits, cases: cases, graded: returns, scale: scale)
    }

    init(audits: [Audit], cases: [AuditCase], graded returns: [some GradedReturn], scale: RatingScale) {
        self.scale = scale
        let ranks = scale.levels.keyed(by: \.code, value: \.rank)
        let byID = audits.keyed(by: \.id)
        self.audits = byID
        var byTheme: [Theme: [RatingCode: Int]] = [:]
        var caseRanks: [Audit.ID: [Int]] = [:]
        for auditCase in cases {
            guard let overall = auditCase.overall, let rank = ranks[overall.level], let audit = byID[auditCase.audit]
            else { continue }
            caseRanks[audit.id, default: []].append(rank)
            for theme in audit.themes { byTheme[theme, default: [:]][overall.level, default: 0] += 1 }
        }
        gradesByTheme = byTheme
        judgements = caseRanks.mapValues { ranks in
            let sorted = ranks.sorted()
            return scale.levels[sorted[(sorted.count - 1) / 2]].code
        }
        var counter = GradeCounter(scale: scale)
        for item in returns where item.isSubmitted { counter.add(item) }
        gradesByAgency = counter.gradesByAgency
        disagreements = counter.disagreements()
    }

    /// Themes judged below good (RAG amber or red) in more than one audit reported in the months before a day.
    public func recurringThemes(on day: Day, months: Int = 12) -> [RecurringTheme] {
        let since = day.adding(months: -months)
        var byTheme: [Theme: [(Day, Audit.ID)]] = [:]
        for (id, level) in judgements {
            guard let audit = audits[id], let reported = audit.reached(.reported), reported > since, reported <= day,
                scale.level(level).map({ $0.rag != .green }) == true
            else { continue }
            for theme in audit.themes { byTheme[theme, default: []].append((reported, id)) }
        }
        return byTheme.filter { $0.value.count > 1 }.map { theme, entries in
            RecurringTheme(theme: theme, audits: entries.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1))
        }.sorted { $0.theme < $1.theme }
    }
}
