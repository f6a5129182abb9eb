/// What a ``Code`` names: a caseless enum per kind of code, which keeps a theme from being passed
/// where a criterion is expected.
///
/// The package's kinds are nested in ``CodeKinds``; a module adds its own the same way:
///
/// ```swift
/// extension CodeKinds {
///     public enum Criterion: CodeKind {}
/// }
/// public typealias CriterionCode = Code<CodeKinds.Criterion>
/// ```
public protocol CodeKind: Sendable {}

/// The namespace of the package's kinds of code.
public enum CodeKinds: Sendable {}

/// A string-backed code of an open set: a theme, a sector, a rating, a record type, a kind of
/// report or deadline.
///
/// One type for all of them, typed by what it names.
///
/// A code is text the partnership or a module chooses (`neglect`, `police`, `amber`,
/// `audit.audit`); the package's own codes are static members of each kind, and a host adds more
/// as literals:
///
/// ```swift
/// extension Theme {
///     static var countyLines: Theme { "county-lines" }
/// }
/// let rating: RatingCode = "amber"
/// ```
///
/// It is coded as its text and compares and orders by its text.
public struct Code<Kind: CodeKind>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
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
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from its text.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A kind of code that keys JSON objects: a dictionary keyed by such codes is coded as an object
/// whose member names are the codes' texts (as a profile's framework sections, or a case return's
/// grades by section), where other codes' dictionaries are coded as arrays of pairs.
public protocol KeyCodeKind: CodeKind {}

extension Code: CodingKeyRepresentable where Kind: KeyCodeKind {
    /// The code as a dictionary key.
    public var codingKey: any CodingKey { AnyCodingKey(rawValue) }
    /// A code from a dictionary key.
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }
}
