/// A figure a rule uses that neither statute nor the partnership's framework states: a threshold or
/// a timescale the package chose, which a partnership may change.
///
/// The rule catalogue and every report's source line show it as a local default, so that no one
/// mistakes it for an obligation:
///
/// ```swift
/// var localDefaults: [LocalDefault] { [LocalDefault("resubmission window", "\(workingDays) working days")] }
/// ```
public struct LocalDefault: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What the figure is, such as `resubmission window`.
    public var name: String
    /// The figure, such as `10 working days`.
    public var value: String

    /// Creates a local default.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Text such as `resubmission window 10 working days (local default)`.
    public var description: String { "\(name) \(value) (local default)" }
}
