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
