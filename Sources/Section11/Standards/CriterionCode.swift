/// The code of a criterion within its standard set, such as `1.2`.
public struct CriterionCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code's text.
    public let rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from its text.
    public init(_ text: String) { self.rawValue = text }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The code's text.
    public var description: String { rawValue }

    /// Orders codes by their text.
    public static func < (lhs: CriterionCode, rhs: CriterionCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The code of a standard within its standard set, such as `1`.
public struct StandardCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code's text.
    public let rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from its text.
    public init(_ text: String) { self.rawValue = text }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The code's text.
    public var description: String { rawValue }

    /// Orders codes by their text.
    public static func < (lhs: StandardCode, rhs: StandardCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
