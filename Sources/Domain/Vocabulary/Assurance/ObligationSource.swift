/// Where an obligation comes from: a statute, regulations, statutory guidance, other guidance,
/// or the partnership's own framework.
public struct ObligationSource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of source.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// An Act of Parliament.
        case statute
        /// Regulations made under an Act.
        case regulations
        /// Statutory guidance, such as Working Together.
        case statutoryGuidance = "statutory-guidance"
        /// Non-statutory national guidance.
        case guidance
        /// The partnership's own quality assurance framework.
        case framework
    }

    /// The kind of source.
    public var kind: Kind
    /// The citation, such as `Children Act 2004 s16C(1)`.
    public var citation: String
    /// Where to read it.
    public var url: String?

    /// Creates a source.
    public init(_ kind: Kind, _ citation: String, url: String? = nil) {
        self.kind = kind
        self.citation = citation
        self.url = url
    }

    /// The citation.
    public var description: String { citation }

    /// The partnership's quality assurance framework.
    public static func framework(_ citation: String) -> ObligationSource {
        ObligationSource(.framework, citation)
    }
}
