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

extension EvidenceReference: RecordPayloadDecodable {
    /// Reads a reference from a stored payload, as its synthesized `init(from:)` reads it.
    public init(payload: inout RecordObjectReader) throws {
        addedOn = try payload.dayIfPresent("addedOn")
        kind = try payload.raw(Kind.self, "kind")
        location = try payload.stringIfPresent("location")
        record = try payload.objectIfPresent(RecordReference.self, "record")
        title = try payload.string("title")
    }
}

extension EvidenceReference: RecordPayloadEncodable {
    /// Writes a reference's payload, as its synthesized `encode(to:)` writes it.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.dayIfPresent("addedOn", addedOn)
        try payload.raw("kind", kind)
        try payload.stringIfPresent("location", location)
        try payload.objectIfPresent("record", record)
        try payload.string("title", title)
    }
}
