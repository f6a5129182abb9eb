// Every source's recommendations feed the one tracker, so the store reads them in bulk; these read the payload's
// nodes directly, each exactly the keys its synthesized `init(from:)` reads, in sorted order.
// `TrackedActionPayloadDecodingTests` decodes them both ways and compares.

extension Recommendation: RecordPayloadDecodable {
    /// Reads a recommendation from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        closedOn = try payload.dayIfPresent("closedOn")
        closingNote = try payload.stringIfPresent("closingNote")
        dueOn = try payload.dayIfPresent("dueOn")
        id = try payload.id(Recommendation.self, "id")
        ownerAgency = try payload.idIfPresent(Agency.self, "ownerAgency")
        raisedOn = try payload.day("raisedOn")
        source = try payload.object(Source.self, "source")
        status = try payload.raw(Status.self, "status")
        text = try payload.string("text")
        themes = try payload.rawArray(Theme.self, "themes")
    }
}

extension Recommendation.Source: RecordPayloadDecodable {
    /// Reads a recommendation's source from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        kind = try payload.raw(Kind.self, "kind")
        record = try payload.objectIfPresent(RecordReference.self, "record")
        title = try payload.string("title")
    }
}

extension Recommendation: RecordPayloadEncodable {
    /// Writes a recommendation's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.dayIfPresent("closedOn", closedOn)
        try payload.stringIfPresent("closingNote", closingNote)
        try payload.dayIfPresent("dueOn", dueOn)
        try payload.id("id", id)
        try payload.idIfPresent("ownerAgency", ownerAgency)
        try payload.day("raisedOn", raisedOn)
        try payload.object("source", source)
        try payload.raw("status", status)
        try payload.string("text", text)
        try payload.rawArray("themes", themes)
    }
}

extension Recommendation.Source: RecordPayloadEncodable {
    /// Writes a source's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.raw("kind", kind)
        try payload.objectIfPresent("record", record)
        try payload.string("title", title)
    }
}
