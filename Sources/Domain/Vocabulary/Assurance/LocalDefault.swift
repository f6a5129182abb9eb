/// A figure a rule uses that neither statute nor the partnership's framework states: a threshold or
/// a timescale the package chose, which a partnership may change.
///
/// The rule catalogue and every report's source line show it as a local default, so that no one
/// mistakes it for an obligation; once the partnership's profile sets it (under the module's
/// `settings`, at the key ``setting`` names), it is shown as set by the partnership:
///
/// ```swift
/// var localDefaults: [LocalDefault] {
///     [LocalDefault("resubmission window", "\(workingDays) working days", setting: "reworkWorkingDays")]
/// }
/// ```
public struct LocalDefault: Hashable, Sendable, CustomStringConvertible {
    /// What the figure is, such as `resubmission window`.
    public var name: String
    /// The figure, such as `10 working days`.
    public var value: String
    /// The key under the module's `settings` in a partnership profile that sets the figure, such as
    /// `reworkWorkingDays`; `nil` for a figure no setting changes.
    public var setting: String?
    /// Whether the partnership's profile set the figure: then it is the partnership's, not a default.
    public var isSetByPartnership: Bool

    /// Creates a local default, naming the profile setting that changes it.
    public init(_ name: String, _ value: String, setting: String? = nil, isSetByPartnership: Bool = false) {
        self.name = name
        self.value = value
        self.setting = setting
        self.isSetByPartnership = isSetByPartnership
    }

    /// `local default`, or `set by the partnership` for a figure its profile set.
    public var standing: String { isSetByPartnership ? "set by the partnership" : "local default" }

    /// Text such as `resubmission window 10 working days (local default)`.
    public var description: String { "\(name) \(value) (\(standing))" }
}

extension LocalDefault: Codable {
    private enum CodingKeys: String, CodingKey { case name, value, setting, isSetByPartnership }

    /// Decodes a figure; one described before settings were named has neither.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        value = try container.decode(String.self, forKey: .value)
        setting = try container.decodeIfPresent(String.self, forKey: .setting)
        isSetByPartnership = try container.decodeIfPresent(Bool.self, forKey: .isSetByPartnership) ?? false
    }

    /// Encodes the figure, leaving out what is unset.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(setting, forKey: .setting)
        if isSetByPartnership { try container.encode(true, forKey: .isSetByPartnership) }
    }
}
