/// The name of a kind of stored record, such as `domain.agency` or `audit.audit`.
///
/// Names are `module.kind` in lower case, so that two modules can never claim the same name.
public struct RecordType: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The type's name.
    public let rawValue: String

    /// Creates a record type from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a record type from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The type's name.
    public var description: String { rawValue }

    /// Orders types by name.
    public static func < (lhs: RecordType, rhs: RecordType) -> Bool { lhs.rawValue < rhs.rawValue }
}
