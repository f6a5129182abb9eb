public import Domain

/// The ids of the Audit module's rules, for hosts that route, filter or test findings by rule.
extension RuleID {
    /// `audit.good-practice`: see ``StrongAuditRule``.
    public static let auditGoodPractice: RuleID = "audit.good-practice"
    /// `audit.learning-embedded`: see ``LearningEmbeddedRule``.
    public static let auditLearningEmbedded: RuleID = "audit.learning-embedded"
    /// `audit.quarterly-summary-missing`: see ``QuarterlySummaryMissingRule``.
    public static let auditQuarterlySummaryMissing: RuleID = "audit.quarterly-summary-missing"
    /// `audit.challenge-overdue`: see ``ChallengeOverdueRule``.
    public static let auditChallengeOverdue: RuleID = "audit.challenge-overdue"
    /// `audit.closed-without-voice`: see ``ClosedWithoutVoiceRule``.
    public static let auditClosedWithoutVoice: RuleID = "audit.closed-without-voice"
    /// `audit.moderation-not-held`: see ``ModerationNotHeldRule``.
    public static let auditModerationNotHeld: RuleID = "audit.moderation-not-held"
    /// `audit.past-planned-window`: see ``AuditPastWindowRule``.
    public static let auditPastPlannedWindow: RuleID = "audit.past-planned-window"
    /// `audit.programme-cadence-missed`: see ``ProgrammeCadenceMissedRule``.
    public static let auditProgrammeCadenceMissed: RuleID = "audit.programme-cadence-missed"
    /// `audit.proposed-spot-audit`: see ``ProposedSpotAuditRule``.
    public static let auditProposedSpotAudit: RuleID = "audit.proposed-spot-audit"
    /// `audit.recurring-theme`: see ``RecurringAuditThemeRule``.
    public static let auditRecurringTheme: RuleID = "audit.recurring-theme"
    /// `audit.report-not-presented`: see ``ReportNotPresentedRule``.
    public static let auditReportNotPresented: RuleID = "audit.report-not-presented"
    /// `audit.return-overdue`: see ``CaseReturnOverdueRule``.
    public static let auditReturnOverdue: RuleID = "audit.return-overdue"
}
