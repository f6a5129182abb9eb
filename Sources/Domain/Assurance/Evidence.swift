/// A reference to evidence: a document, a link, a record, or a note of what was seen.
///
/// The package holds references, not the documents themselves; the host keeps the files.
public struct EvidenceReference: Hashable, Sendable, Codable {
    /// The kind of evidence.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A document the host keeps, named by its location.
        case document
        /// A web link.
        case link
        /// A record in the store.
        case record
        /// A note of what was seen or heard.
        case note
    }

    /// The kind of evidence.
    public var kind: Kind
    /// A short title.
    public var title: String
    /// Where the evidence is: a path or URL the host understands.
    public var location: String?
    /// The record, for ``Kind/record``.
    public var record: RecordReference?
    /// The day the evidence was added.
    public var addedOn: Day?

    /// Creates an evidence reference.
    public init(
        _ kind: Kind,
        title: String,
        location: String? = nil,
        record: RecordReference? = nil,
        addedOn: Day? = nil
    ) {
        self.kind = kind
        self.title = title
        self.location = location
        self.record = record
        self.addedOn = addedOn
    }
}

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
