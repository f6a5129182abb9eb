/// A named series of values for statistical process control, as a series file holds it: each
/// point's period label, its value (`nil` for a gap) and whether a new phase starts at it.
public struct SPCSeries: Hashable, Sendable {
    /// The series' name.
    public var name: String
    /// Each point's period, as written in the file.
    public var periods: [String]
    /// Each point's value; `nil` for a gap.
    public var values: [Double?]
    /// Whether a new phase (rebase) starts at each point.
    public var rebase: [Bool]

    /// Creates a series.
    public init(name: String, periods: [String] = [], values: [Double?] = [], rebase: [Bool] = []) {
        self.name = name
        self.periods = periods
        self.values = values
        self.rebase = rebase
    }
}
