/// A typed identifier: an agency's id cannot be passed where an audit's id is expected.
///
/// The text of an identifier is chosen by the host or made by an ``IDGenerator``. It is 1 to 128
/// characters from the ASCII letters, digits and `-`, `_`, `.` and `:`, so that it is safe in file
/// names, CSV cells and URLs. A case reference is pseudonymous: the host never puts a child's name
/// or date of birth in one.
///
/// ```swift
/// let police: Agency.ID = "police"                     // a literal: checked when it is built
/// let agency = try Agency.ID(validating: cell)          // text from outside: refused with a clear error
/// ```
///
/// A string literal is a programmer's value: `Agency.ID("has space")` is taken as a literal and
/// stops the program with a precondition failure. Text that comes from outside the program goes
/// through ``init(validating:)``, and bad text is a ``DomainError`` whose context holds the text.
public struct Identifier<Kind: IdentifierKind>: RawRepresentable, Hashable, Comparable, Sendable,
    CustomStringConvertible
{
    /// The identifier's text.
    public let rawValue: String

    /// The longest identifier accepted, in characters.
    public static var maximumLength: Int { 128 }

    /// Creates an identifier from its text, or returns `nil` when the text is not a valid identifier.
    public init?(rawValue: String) {
        guard Self.problem(with: rawValue) == nil else { return nil }
        self.rawValue = rawValue
    }

    /// Creates an identifier from text that comes from outside the program, checking it.
    ///
    /// The label keeps a literal from being taken for a checked value: `try Agency.ID(validating: "")`
    /// throws, where `Agency.ID("")` is a literal, and a bad literal is a programmer error.
    ///
    /// - Parameter text: The identifier's text.
    /// - Throws: ``DomainError/Code/invalidInput`` naming the kind, quoting the text and saying
    ///   what an identifier may contain; its context holds the text and what was expected.
    public init(validating text: String) throws(DomainError) {
        if let problem = Self.problem(with: text) {
            throw DomainError(
                .invalidInput,
                "\(Kind.noun) id \(DomainError.quote(text)) \(problem)",
                context: .init(value: text, expected: Self.expectation)
            )
        }
        self.rawValue = text
    }

    /// Creates an identifier from its text, checking it.
    ///
    /// - Throws: ``DomainError/Code/invalidInput``, as ``init(validating:)``.
    @available(*, deprecated, renamed: "init(validating:)", message: "a literal argument is not checked here")
    public init(_ text: String) throws(DomainError) {
        try self.init(validating: text)
    }

    /// What an identifier may be, in words.
    static var expectation: String { "1 to \(maximumLength) characters from A-Z a-z 0-9 - _ . :" }

    /// Creates an identifier from text already known to be valid, such as a store's own column.
    package init(unchecked text: String) {
        self.rawValue = text
    }

    /// The identifier's text.
    public var description: String { rawValue }

    /// Orders identifiers by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Converts an identifier of one kind to another kind, for generic record plumbing.
    public func retyped<Other: IdentifierKind>(as _: Other.Type = Other.self) -> Identifier<Other> {
        Identifier<Other>(unchecked: rawValue)
    }

    static func problem(with text: String) -> String? {
        if text.isEmpty { return "is empty; expected 1 to \(maximumLength) characters from A-Z a-z 0-9 - _ . :" }
        let utf8 = text.utf8
        let allAllowed =
            utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isIdentifierByte) }
            ?? utf8.allSatisfy(isIdentifierByte)
        if !allAllowed { return "contains a character that is not allowed; expected only A-Z a-z 0-9 - _ . :" }
        if utf8.count > maximumLength { return "is \(utf8.count) characters long; expected at most \(maximumLength)" }
        return nil
    }
}

extension Identifier: ExpressibleByStringLiteral {
    /// Creates an identifier from a literal; an invalid literal is a programmer error.
    public init(stringLiteral value: String) {
        if let problem = Self.problem(with: value) {
            preconditionFailure("\(Kind.noun) id \(DomainError.quote(value)) \(problem)")
        }
        self.rawValue = value
    }
}

extension Identifier: Codable {
    /// Decodes an identifier from its text, refusing invalid text with the coding path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let problem = Self.problem(with: text) {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(Kind.noun) id \(DomainError.quote(text)) \(problem)"
            )
        }
        self.rawValue = text
    }

    /// Encodes the identifier as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The kind of an identifier that may refer to a record of any type, as in a ``RecordReference``.
public enum AnyRecordKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "record" }
}

/// Whether a byte is one an identifier may hold.
///
/// A-Z a-z 0-9 - _ . :, one bit each in two masks (bytes below 64, and 64 to 127): every record
/// read checks every identifier it holds.
@inline(__always)
private func isIdentifierByte(_ byte: UInt8) -> Bool {
    let belowSixtyFour: UInt64 = 0x07FF_6000_0000_0000
    let sixtyFourAndAbove: UInt64 = 0x07FF_FFFE_87FF_FFFE
    if byte < 64 { return (belowSixtyFour &>> UInt64(byte)) & 1 == 1 }
    if byte < 128 { return (sixtyFourAndAbove &>> UInt64(byte &- 64)) & 1 == 1 }
    return false
}
