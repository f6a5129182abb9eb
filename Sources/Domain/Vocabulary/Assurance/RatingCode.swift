/// The code of a level on a rating scale, as stored and imported, such as `green`, `2` or
/// `requires-improvement`.
///
/// A code means something only on its scale: ``RatingScale/requireLevel(_:)`` finds its level,
/// label, rank and RAG colour.
///
/// ```swift
/// let rating: RatingCode = "amber"
/// let level = try scale.requireLevel(rating)   // "Amber", rank 1, .amber
/// ```
public struct RatingCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
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
    public static func < (lhs: RatingCode, rhs: RatingCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
