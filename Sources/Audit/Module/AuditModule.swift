public import Domain

/// The Audit module of the framework: the programme's rules, spot audits from signals, and the
/// programme's report sections and quarterly summaries.
public struct AuditModule: AssuranceModule {
    /// `audit`: the module's stable id.
    public var id: ModuleID { "audit" }
    /// `Audit`.
    public var name: String { "Audit" }
    /// Working days after the last return before moderation should be held.
    public var moderationWorkingDays: Int
    /// Weeks after fieldwork by which the report should reach the Practice Development Group.
    public var reportWeeks: Int
    /// Months after the report that the challenge session is due.
    public var challengeMonths: Int
    /// Periods a signal must stand, unanswered, before a spot audit is proposed.
    public var spotAuditPeriods: Int
    /// Months of audits in which a theme judged short of good more than once is a recurring concern.
    public var recurringThemeMonths = 12
    /// Days after a quarter's end by which the MASH's and the conference chairs' summaries are due.
    public var quarterlySummaryDays = 30
    /// Months for which an audit that found good practice is reported as such.
    public var goodPracticeMonths = 12
    /// Months for which a challenge session's finding of learning embedded is reported as good practice.
    public var embeddedMonths = 12
    /// The partnership's audit tools: the starter tool unless its profile gives its own.
    public var templates: [AuditTemplate] = [.standard]
    /// The partnership's types of audit, with their names: the package's unless its profile gives its own.
    public var types: [AuditVocabularyEntry<AuditType>] = AuditType.allCases.map { .init(id: $0, label: $0.label) }
    /// The reasons the partnership gives for an audit's theme, with their names.
    public var rationales: [AuditVocabularyEntry<ThemeRationale>] = ThemeRationale.allCases.map {
        .init(id: $0, label: $0.label)
    }
    /// The programmes that hold an audit of a type at a cadence, such as a case file audit each quarter.
    public var programmes: [AuditProgrammeCadence] = []

    /// Creates the module.
    public init(
        moderationWorkingDays: Int = 15,
        reportWeeks: Int = 8,
        challengeMonths: Int = 6,
        spotAuditPeriods: Int = 3
    ) {
        self.moderationWorkingDays = moderationWorkingDays
        self.reportWeeks = reportWeeks
        self.challengeMonths = challengeMonths
        self.spotAuditPeriods = spotAuditPeriods
    }

    /// Templates, plans, audits, cases, returns, challenge sessions, spot-audit declines and quarterly summaries.
    public var recordTypes: [any StorableRecord.Type] {
        [
            AuditTemplate.self, AuditPlan.self, Audit.self, AuditCase.self, CaseReturn.self, ChallengeSession.self,
            SpotAuditDecline.self, QuarterlySummary.self,
        ]
    }

    /// The module's rules.
    public var rules: [any AssuranceRule] {
        [
            AuditPastWindowRule(), CaseReturnOverdueRule(), ModerationNotHeldRule(workingDays: moderationWorkingDays),
            ReportNotPresentedRule(weeks: reportWeeks), ChallengeOverdueRule(months: challengeMonths),
            ClosedWithoutVoiceRule(),
            ProposedSpotAuditRule(periods: spotAuditPeriods),
            RecurringAuditThemeRule(scale: scale, months: recurringThemeMonths),
            QuarterlySummaryMissingRule(days: quarterlySummaryDays),
            StrongAuditRule(months: goodPracticeMonths, scale: scale),
            LearningEmbeddedRule(months: embeddedMonths),
            ProgrammeCadenceMissedRule(
                programmes: programmes,
                labels: Dictionary(types.map { ($0.id, $0.label) }) { first, _ in first }
            ),
        ]
    }

    /// The scale the partnership's audit tool grades on: its latest tool's.
    public var scale: RatingScale {
        templates.max { ($0.version, $0.id) < ($1.version, $1.id) }?.scale ?? .fourPoint
    }

    /// A type's name as the partnership's reports give it.
    public func label(of type: AuditType) -> String { types.first { $0.id == type }?.label ?? type.label }

    /// A rationale's name as the partnership's reports give it.
    public func label(of rationale: ThemeRationale) -> String {
        rationales.first { $0.id == rationale }?.label ?? rationale.label
    }

    /// The Practice Development Group's and the yearly reports, and the MASH and conference chairs'
    /// quarterly summaries.
    public var reportContributions: [ReportContribution] {
        [
            ReportContribution(.practiceDevelopmentAssurance), ReportContribution(.yearly),
            ReportContribution(.mashQuarterly), ReportContribution(.conferenceChairsQuarterly),
            ReportContribution(.agencyFeedback), ReportContribution(.practitionerBriefing),
        ]
    }

    /// The forward plan, grades, findings, recurring themes, challenge outcomes and quarterly summaries.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        try await AuditSections(module: self).sections(for: request, in: view)
    }
}
