// Each reader asks for its keys in the order the store's encoder writes them (sorted), so each is
// found where the reader looks first; `WorkStreamPayloadDecodingTests` holds them to `Decodable`.

extension WorkStream: RecordPayloadDecodable {
    /// Reads a work stream from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        id = try payload.id(WorkStream.self, "id")
        leadAgency = try payload.idIfPresent(Agency.self, "leadAgency")
        members = try payload.array(Member.self, "members")
        priorities = try payload.rawArrayIfPresent(Priority.ID.self, "priorities")
        theme = try payload.raw(Theme.self, "theme")
        title = try payload.string("title")
    }
}

extension WorkStream.Member: RecordPayloadDecodable {
    /// Reads a member from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        confirmed = try payload.bool("confirmed")
        match = try payload.raw(Match.self, "match")
        recommendation = try payload.id(Recommendation.self, "recommendation")
    }
}

extension WorkStream: RecordPayloadEncodable {
    /// Writes a work stream's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("id", id)
        try payload.idIfPresent("leadAgency", leadAgency)
        try payload.array("members", members)
        try payload.rawArrayIfPresent("priorities", priorities)
        try payload.raw("theme", theme)
        try payload.string("title", title)
    }
}

extension WorkStream.Member: RecordPayloadEncodable {
    /// Writes a member's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.bool("confirmed", confirmed)
        try payload.raw("match", match)
        try payload.id("recommendation", recommendation)
    }
}
