public import Domain

/// The ids of the Section 11 module's rules, for hosts that route, filter or test findings by rule.
extension RuleID {
    /// `section11.standard-moved-to-green`: see ``StandardMovedToGreenRule``.
    public static let section11StandardMovedToGreen: RuleID = "section11.standard-moved-to-green"
    /// `section11.action-overdue`: see ``AssessmentActionOverdueRule``.
    public static let section11ActionOverdue: RuleID = "section11.action-overdue"
    /// `section11.rating-contradicted-by-data`: see ``RatingContradictedByDataRule``.
    public static let section11RatingContradictedByData: RuleID = "section11.rating-contradicted-by-data"
    /// `section11.next-cycle-overdue`: see ``NextCycleOverdueRule``.
    public static let section11NextCycleOverdue: RuleID = "section11.next-cycle-overdue"
    /// `section11.red-without-action`: see ``RedWithoutActionRule``.
    public static let section11RedWithoutAction: RuleID = "section11.red-without-action"
    /// `section11.return-overdue`: see ``ReturnOverdueRule``.
    public static let section11ReturnOverdue: RuleID = "section11.return-overdue"
    /// `section11.rework-not-resubmitted`: see ``ReworkNotResubmittedRule``.
    public static let section11ReworkNotResubmitted: RuleID = "section11.rework-not-resubmitted"
    /// `section11.system-wide-gap`: see ``SystemWideGapRule``.
    public static let section11SystemWideGap: RuleID = "section11.system-wide-gap"
    /// `section11.workforce-red`: see ``WorkforceJudgedRedRule``.
    public static let section11WorkforceRed: RuleID = "section11.workforce-red"
}
