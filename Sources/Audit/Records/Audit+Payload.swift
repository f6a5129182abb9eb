public import Domain

// Every national view of the audit programme reads each partnership's audits first (nine thousand
// nationally) before it reads their cases; these read the payload's nodes directly, each exactly
// the keys its synthesized `init(from:)` reads, in sorted order. `AuditPayloadDecodingTests`
// decodes them both ways and compares.

extension Audit: RecordPayloadDecodable {
    /// Reads an audit from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        agencies = try payload.rawArray(Agency.ID.self, "agencies")
        findings = try payload.array(AuditFinding.self, "findings")
        id = try payload.id(Audit.self, "id")
        inquiryStages = try payload.arrayIfPresent(InquiryStage.self, "inquiryStages")
        lead = try payload.string("lead")
        plannedFrom = try payload.day("plannedFrom")
        plannedUntil = try payload.day("plannedUntil")
        priorities = try payload.decodeIfPresent([Priority.ID].self, "priorities")
        rationale = try payload.raw(ThemeRationale.self, "rationale")
        recommendations = try payload.rawArray(Recommendation.ID.self, "recommendations")
        signal = try payload.idIfPresent(Signal.self, "signal")
        stage = try payload.raw(Stage.self, "stage")
        steps = try payload.array(Step.self, "steps")
        template = try payload.idIfPresent(AuditTemplate.self, "template")
        themes = try payload.rawArray(Theme.self, "themes")
        title = try payload.string("title")
        type = try payload.raw(AuditType.self, "type")
        voiceNotSoughtReason = try payload.stringIfPresent("voiceNotSoughtReason")
    }
}

extension Audit.Step: RecordPayloadDecodable {
    /// Reads a step from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        by = try payload.id(Principal.self, "by")
        on = try payload.day("on")
        reason = try payload.stringIfPresent("reason")
        stage = try payload.raw(Audit.Stage.self, "stage")
    }
}

extension AuditFinding: RecordPayloadDecodable {
    /// Reads a finding from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        kind = try payload.raw(Kind.self, "kind")
        text = try payload.string("text")
        themes = try payload.rawArray(Theme.self, "themes")
    }
}

extension InquiryStage: RecordPayloadDecodable {
    /// Reads an inquiry stage from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        heldOn = try payload.dayIfPresent("heldOn")
        name = try payload.string("name")
        outputs = try payload.strings("outputs")
        participants = try payload.strings("participants")
    }
}
