// Every partnership's actions are in the one tracker, so the store reads them in their hundreds of thousands;
// these read the payload's nodes directly, each exactly the keys its synthesized `init(from:)` reads, in sorted
// order. `TrackedActionPayloadDecodingTests` decodes them both ways and compares.

extension TrackedAction: RecordPayloadDecodable {
    /// Reads an action from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        completedOn = try payload.dayIfPresent("completedOn")
        completionEvidence = try payload.arrayIfPresent(EvidenceReference.self, "completionEvidence")
        dueOn = try payload.day("dueOn")
        id = try payload.id(TrackedAction.self, "id")
        lead = try payload.string("lead")
        origin = try payload.objectIfPresent(Origin.self, "origin")
        ownerAgency = try payload.idIfPresent(Agency.self, "ownerAgency")
        recommendation = try payload.id(Recommendation.self, "recommendation")
        startOn = try payload.day("startOn")
        status = try payload.raw(Status.self, "status")
        text = try payload.string("text")
        updates = try payload.array(Update.self, "updates")
        workStream = try payload.idIfPresent(WorkStream.self, "workStream")
    }
}

extension TrackedAction.Origin: RecordPayloadDecodable {
    /// Reads an origin from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        detail = try payload.stringIfPresent("detail")
        record = try payload.object(RecordReference.self, "record")
    }
}

extension TrackedAction.Update: RecordPayloadDecodable {
    /// Reads an update from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        by = try payload.id(Principal.self, "by")
        on = try payload.day("on")
        status = try payload.raw(TrackedAction.Status.self, "status")
        text = try payload.string("text")
    }
}

// Every partnership's import writes its actions in their thousands; these write the members their synthesized
// `encode(to:)` writes, in sorted order. `TrackedActionPayloadDecodingTests` holds their bytes to `Encodable`'s.

extension TrackedAction: RecordPayloadEncodable {
    /// Writes an action's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.dayIfPresent("completedOn", completedOn)
        try payload.arrayIfPresent("completionEvidence", completionEvidence)
        try payload.day("dueOn", dueOn)
        try payload.id("id", id)
        try payload.string("lead", lead)
        try payload.objectIfPresent("origin", origin)
        try payload.idIfPresent("ownerAgency", ownerAgency)
        try payload.id("recommendation", recommendation)
        try payload.day("startOn", startOn)
        try payload.raw("status", status)
        try payload.string("text", text)
        try payload.array("updates", updates)
        try payload.idIfPresent("workStream", workStream)
    }
}

extension TrackedAction.Origin: RecordPayloadEncodable {
    /// Writes an origin's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.stringIfPresent("detail", detail)
        try payload.object("record", record)
    }
}

extension TrackedAction.Update: RecordPayloadEncodable {
    /// Writes an update's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("by", by)
        try payload.day("on", on)
        try payload.raw("status", status)
        try payload.string("text", text)
    }
}
