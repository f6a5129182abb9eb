public import Domain

/// The ids of the Learning module's rules, for hosts that route, filter or test findings by rule.
extension RuleID {
    /// `learning.attendance-below-commitment`: see ``AttendanceBelowCommitmentRule``.
    public static let learningAttendanceBelowCommitment: RuleID = "learning.attendance-below-commitment"
    /// `learning.programme-not-commissioned`: see ``ProgrammeNotCommissionedRule``.
    public static let learningProgrammeNotCommissioned: RuleID = "learning.programme-not-commissioned"
    /// `learning.follow-up-overdue`: see ``FollowUpEvaluationOverdueRule``.
    public static let learningFollowUpOverdue: RuleID = "learning.follow-up-overdue"
    /// `learning.theme-without-offer`: see ``ThemeWithoutOfferRule``.
    public static let learningThemeWithoutOffer: RuleID = "learning.theme-without-offer"
    /// `learning.training-changed-practice`: see ``TrainingChangedPracticeRule``.
    public static let learningTrainingChangedPractice: RuleID = "learning.training-changed-practice"
    /// `learning.contribution-late`: see ``ContributionLateRule``.
    public static let learningContributionLate: RuleID = "learning.contribution-late"
    /// `learning.case-clock-overdue`: see ``CaseClockOverdueRule``.
    public static let learningCaseClockOverdue: RuleID = "learning.case-clock-overdue"
    /// `learning.impact-evidenced`: see ``ImpactEvidencedRule``.
    public static let learningImpactEvidenced: RuleID = "learning.impact-evidenced"
    /// `learning.recommendation-without-theme`: see ``RecommendationWithoutThemeRule``.
    public static let learningRecommendationWithoutTheme: RuleID = "learning.recommendation-without-theme"
    /// `learning.action-overdue`: see ``ActionOverdueRule``.
    public static let learningActionOverdue: RuleID = "learning.action-overdue"
    /// `learning.breach-without-reason`: see ``BreachWithoutReasonRule``.
    public static let learningBreachWithoutReason: RuleID = "learning.breach-without-reason"
    /// `learning.closed-without-impact`: see ``ClosedWithoutImpactRule``.
    public static let learningClosedWithoutImpact: RuleID = "learning.closed-without-impact"
    /// `learning.completed-without-evidence`: see ``CompletedWithoutEvidenceRule``.
    public static let learningCompletedWithoutEvidence: RuleID = "learning.completed-without-evidence"
    /// `learning.local-review-overdue`: see ``ReviewClockRule``.
    public static let learningLocalReviewOverdue: RuleID = "learning.local-review-overdue"
    /// `learning.not-disseminated`: see ``LearningNotDisseminatedRule``.
    public static let learningNotDisseminated: RuleID = "learning.not-disseminated"
    /// `learning.panel-notification-late`: see ``ReviewClockRule``.
    public static let learningPanelNotificationLate: RuleID = "learning.panel-notification-late"
    /// `learning.rapid-review-late`: see ``ReviewClockRule``.
    public static let learningRapidReviewLate: RuleID = "learning.rapid-review-late"
    /// `learning.work-stream-stalled`: see ``WorkStreamStalledRule``.
    public static let learningWorkStreamStalled: RuleID = "learning.work-stream-stalled"
}
