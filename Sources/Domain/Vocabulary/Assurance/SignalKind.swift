/// The kind of a signal: an open set a host can extend.
public struct SignalKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The kind's name.
    public let rawValue: String
    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The kind's name.
    public var description: String { rawValue }
    /// Orders kinds by name.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The latest point of a measure shows special-cause variation of concern.
    public static let specialCauseConcern = SignalKind(rawValue: "special-cause-concern")
    /// A measure has been rated red against its target for a run of periods.
    public static let redRun = SignalKind(rawValue: "red-run")
    /// A measure differs from its statistical neighbours by more than a threshold.
    public static let comparatorGap = SignalKind(rawValue: "comparator-gap")
    /// A measure's latest data has not arrived.
    public static let staleData = SignalKind(rawValue: "stale-data")
}
