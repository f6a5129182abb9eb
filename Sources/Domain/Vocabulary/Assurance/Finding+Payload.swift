// Each cycle writes its findings, and stages their notifications, in their thousands; these write the
// members their `encode(to:)` writes, in sorted order. `FindingPayloadEncodingTests` holds their bytes to
// `Encodable`'s.

extension Finding: RecordPayloadEncodable {
    /// Writes a finding's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.objectIfPresent("acknowledgement", acknowledgement)
        try payload.idIfPresent("agency", agency)
        try payload.objectIfPresent("decision", decision)
        try payload.dayIfPresent("dueOn", dueOn)
        try payload.array("evidence", evidence)
        try payload.idIfPresent("group", group)
        try payload.id("id", id)
        try payload.string("key", key)
        try payload.raw("level", level)
        try payload.array("levelHistory", levelHistory)
        try payload.string("message", message)
        try payload.idIfPresent("owner", owner)
        try payload.day("raisedOn", raisedOn)
        try payload.dayIfPresent("resolvedOn", resolvedOn)
        try payload.id("rule", rule)
        try payload.raw("severity", severity)
        try payload.raw("status", status)
        try payload.object("subject", subject)
        try payload.rawArray("themes", themes)
    }
}

extension Finding.LevelChange: RecordPayloadEncodable {
    /// Writes a change of level's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.raw("level", level)
        try payload.day("on", on)
    }
}

extension Finding.Acknowledgement: RecordPayloadEncodable {
    /// Writes an acknowledgement's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("by", by)
        try payload.stringIfPresent("note", note)
        try payload.day("on", on)
    }
}

extension Finding.Decision: RecordPayloadEncodable {
    /// Writes a decision's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("by", by)
        try payload.day("on", on)
        try payload.string("text", text)
    }
}

extension AssuranceNotification: RecordPayloadEncodable {
    /// Writes a notification's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.objectIfPresent("about", about)
        try payload.stringIfPresent("action", action)
        try payload.idIfPresent("agency", agency)
        try payload.string("body", body)
        try payload.dayIfPresent("dueOn", dueOn)
        try payload.idIfPresent("group", group)
        try payload.string("key", key)
        try payload.raw("kind", kind)
        try payload.rawIfPresent("level", level)
        try payload.stringIfPresent("levelName", levelName)
        try payload.day("raisedOn", raisedOn)
        try payload.idIfPresent("rule", rule)
        try payload.rawIfPresent("severity", severity)
        try payload.stringIfPresent("source", source)
        try payload.string("subject", subject)
    }
}

extension OutboxEntry: RecordPayloadEncodable {
    /// Writes an outbox entry's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.dictionary("deliveries", deliveries)
        try payload.id("id", id)
        try payload.object("notification", notification)
        try payload.raw("status", status)
    }
}

extension OutboxEntry.Delivery: RecordPayloadEncodable {
    /// Writes a delivery's payload; its time as `Date` codes itself.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.int("attempts", attempts)
        try payload.encodeIfPresent("deliveredAt", deliveredAt)
        try payload.stringIfPresent("lastError", lastError)
    }
}
