/// The ids of the partnership module's rules, for hosts that route, filter or test findings by rule.
extension RuleID {
    /// `partnership.meeting-cadence`: see ``GroupCadenceRule/meeting``.
    public static let partnershipMeetingCadence: RuleID = "partnership.meeting-cadence"
    /// `partnership.priority-without-activity`: see ``PriorityWithoutActivityRule``.
    public static let partnershipPriorityWithoutActivity: RuleID = "partnership.priority-without-activity"
    /// `partnership.sub-group-escalation`: see ``SubGroupEscalationRule``.
    public static let partnershipSubGroupEscalation: RuleID = "partnership.sub-group-escalation"
    /// `partnership.voice-changed-practice`: see ``VoiceChangedPracticeRule``.
    public static let partnershipVoiceChangedPractice: RuleID = "partnership.voice-changed-practice"
    /// `partnership.group-report-overdue`: see ``GroupCadenceRule/reporting``.
    public static let partnershipGroupReportOverdue: RuleID = "partnership.group-report-overdue"
    /// `partnership.scrutiny-session-overdue`: see ``GroupCadenceRule/scrutiny``.
    public static let partnershipScrutinySessionOverdue: RuleID = "partnership.scrutiny-session-overdue"
    /// `partnership.statutory-partner-attendance`: see ``StatutoryPartnerAttendanceRule``.
    public static let partnershipStatutoryPartnerAttendance: RuleID = "partnership.statutory-partner-attendance"
    /// `partnership.undeliverable-message`: see ``UndeliverableMessageRule``.
    public static let partnershipUndeliverableMessage: RuleID = "partnership.undeliverable-message"
}
