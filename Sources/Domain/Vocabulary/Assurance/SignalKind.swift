/// The kind of a signal: an open set a host can extend.
public typealias SignalKind = Code<CodeKinds.SignalKind>

extension CodeKinds {
    /// What a signal kind names.
    public enum SignalKind: CodeKind {}
}

extension Code where Kind == CodeKinds.SignalKind {
    /// The latest point of a measure shows special-cause variation of concern.
    public static var specialCauseConcern: SignalKind { "special-cause-concern" }
    /// A measure has been rated red against its target for a run of periods.
    public static var redRun: SignalKind { "red-run" }
    /// A measure differs from its statistical neighbours by more than a threshold.
    public static var comparatorGap: SignalKind { "comparator-gap" }
    /// A measure's latest data has not arrived.
    public static var staleData: SignalKind { "stale-data" }
}
