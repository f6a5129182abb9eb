/// The ids of the partnership module's rules, for hosts that route, filter or test findings by rule.
extension RuleID {
    /// `partnership.group-report-overdue`: see ``GroupReportingCadenceRule``.
    public static let partnershipGroupReportOverdue: RuleID = "partnership.group-report-overdue"
    /// `partnership.scrutiny-session-overdue`: see ``ScrutinySessionOverdueRule``.
    public static let partnershipScrutinySessionOverdue: RuleID = "partnership.scrutiny-session-overdue"
    /// `partnership.statutory-partner-attendance`: see ``StatutoryPartnerAttendanceRule``.
    public static let partnershipStatutoryPartnerAttendance: RuleID = "partnership.statutory-partner-attendance"
}
