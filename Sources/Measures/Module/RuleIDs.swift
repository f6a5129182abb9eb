public import Domain

/// The ids of the Measures module's rules, for hosts that route, filter or test findings by rule.
extension RuleID {
    /// `measures.better-off-without-data`: see ``BetterOffWithoutDataRule``.
    public static let measuresBetterOffWithoutData: RuleID = "measures.better-off-without-data"
    /// `measures.data-not-submitted`: see ``MeasureDataNotSubmittedRule``.
    public static let measuresDataNotSubmitted: RuleID = "measures.data-not-submitted"
    /// `measures.off-target`: see ``MeasureOffTargetRule``.
    public static let measuresOffTarget: RuleID = "measures.off-target"
    /// `measures.special-cause-improvement`: see ``SpecialCauseImprovementRule``.
    public static let measuresSpecialCauseImprovement: RuleID = "measures.special-cause-improvement"
    /// `measures.unexplained-special-cause`: see ``UnexplainedSpecialCauseRule``.
    public static let measuresUnexplainedSpecialCause: RuleID = "measures.unexplained-special-cause"
}
