public import Domain

/// The Learning module of the framework: reviews against their clocks, the one action tracker, work
/// streams, dissemination, the closing of the learning loop, and the learning and development
/// programme.
public struct LearningModule: AssuranceModule {
    /// `learning`: the module's stable id.
    public var id: ModuleID { "learning" }
    /// `Learning`.
    public var name: String { "Learning" }
    /// Months an action may stay completed without evidence of completion.
    public var evidenceMonths: Int
    /// Months a review's learning may go undisseminated after its report.
    public var disseminationMonths: Int
    /// Months a work stream may go without a progress update.
    public var stalledMonths: Int
    /// Months after a session that its follow-up evaluation is due.
    public var followUpMonths: Int
    /// Months for which impact evidenced is reported as good practice.
    public var impactWindowMonths = 12
    /// The share of committed training places an agency is expected to take up.
    public var takeUpShare = 0.8
    /// The fewest places an agency must commit to before its take-up is judged.
    public var takeUpMinimumPlaces = 5
    /// Months of sessions whose take-up is judged.
    public var takeUpWindowMonths = 12
    /// The share of evaluation respondents saying practice changed that counts as good practice.
    public var practiceChangedShare = 0.75
    /// Months of evaluations judged for changed practice.
    public var practiceChangedMonths = 12
    /// The clocks the partnership keeps: the statutory ones and its own, unless its profile gives others.
    public var clocks: [StatutoryClock] = StatutoryClock.starter

    /// Creates the module.
    public init(evidenceMonths: Int = 3, disseminationMonths: Int = 3, stalledMonths: Int = 3, followUpMonths: Int = 3)
    {
        self.evidenceMonths = evidenceMonths
        self.disseminationMonths = disseminationMonths
        self.stalledMonths = stalledMonths
        self.followUpMonths = followUpMonths
    }

    /// Reviews, clocks, actions, impact records, work streams and learning products.
    public var recordTypes: [any StorableRecord.Type] {
        [
            Review.self, StatutoryClock.self, LearningProduct.self, CaseClock.self, DevelopmentProgramme.self,
            Course.self, CourseSession.self, Attendance.self, Evaluation.self, AgencyLearningActivity.self,
        ]
    }

    /// The module's rules.
    public var rules: [any AssuranceRule] {
        [
            ReviewClockRule(
                clock: "panel-notification",
                ruleID: .learningPanelNotificationLate,
                title: "Panel notification late"
            ),
            ReviewClockRule(clock: "rapid-review", ruleID: .learningRapidReviewLate, title: "Rapid review late"),
            ReviewClockRule(
                clock: "local-review-publication",
                ruleID: .learningLocalReviewOverdue,
                title: "Local review not published within 6 months"
            ),
            BreachWithoutReasonRule(), ActionOverdueRule(), CompletedWithoutEvidenceRule(months: evidenceMonths),
            LearningNotDisseminatedRule(months: disseminationMonths), WorkStreamStalledRule(months: stalledMonths),
            ClosedWithoutImpactRule(), ImpactEvidencedRule(months: impactWindowMonths),
            RecommendationWithoutThemeRule(), ContributionLateRule(), CaseClockOverdueRule(),
            AttendanceBelowCommitmentRule(
                threshold: takeUpShare,
                minimumPlaces: takeUpMinimumPlaces,
                months: takeUpWindowMonths
            ),
            ProgrammeNotCommissionedRule(), FollowUpEvaluationOverdueRule(months: followUpMonths),
            ThemeWithoutOfferRule(),
            TrainingChangedPracticeRule(share: practiceChangedShare, months: practiceChangedMonths),
        ]
    }

    /// The Practice Development Group's and the yearly reports, and sub-group reports.
    public var reportContributions: [ReportContribution] {
        [
            ReportContribution(.practiceDevelopmentAssurance), ReportContribution(.yearly),
            ReportContribution(.subGroupReport), ReportContribution(.agencyFeedback),
            ReportContribution(.practitionerBriefing), ReportContribution(.scrutinyPack),
        ]
    }

    /// Reviews and clocks, the tracker by work stream, dissemination, the learning loop, overdue actions.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        guard contributes(to: request.kind) else { return [] }
        return try await LearningSections(module: self).sections(for: request, in: view)
    }
}
