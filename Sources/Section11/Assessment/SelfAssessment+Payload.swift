public import Domain

// The store reads assessments in their tens of thousands; these read the payload's nodes directly. Each
// reads exactly the keys its synthesized `init(from:)` reads, in sorted order (the order the store writes
// them); `AssessmentPayloadDecodingTests` decodes every one both ways and compares.

extension SelfAssessment: RecordPayloadDecodable {
    /// Reads an assessment from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        agency = try payload.id(Agency.self, "agency")
        cycle = try payload.id(AssessmentCycle.self, "cycle")
        id = try payload.id(SelfAssessment.self, "id")
        responses = try payload.array(CriterionResponse.self, "responses")
        standardSet = try payload.id(StandardSet.self, "standardSet")
        status = try payload.raw(Status.self, "status")
        steps = try payload.array(Step.self, "steps")
    }
}

extension SelfAssessment.Step: RecordPayloadDecodable {
    /// Reads a step from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        by = try payload.id(Principal.self, "by")
        on = try payload.day("on")
        reason = try payload.stringIfPresent("reason")
        status = try payload.raw(SelfAssessment.Status.self, "status")
    }
}

extension CriterionResponse: RecordPayloadDecodable {
    /// Reads a response from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        actions = try payload.arrayIfPresent(AssessmentAction.self, "actions")
        areasForImprovement = try payload.stringIfPresent("areasForImprovement")
        carriedForward = try payload.boolIfPresent("carriedForward")
        challenges = try payload.arrayIfPresent(Challenge.self, "challenges")
        criterion = try payload.raw(CriterionCode.self, "criterion")
        evidence = try payload.arrayIfPresent(EvidenceReference.self, "evidence")
        moderatedRating = try payload.rawIfPresent(RatingCode.self, "moderatedRating")
        narrative = try payload.stringIfPresent("narrative")
        selfRating = try payload.rawIfPresent(RatingCode.self, "selfRating")
    }
}

extension CriterionResponse.Challenge: RecordPayloadDecodable {
    /// Reads a challenge from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        by = try payload.id(Principal.self, "by")
        on = try payload.day("on")
        text = try payload.string("text")
    }
}

extension AssessmentAction: RecordPayloadDecodable {
    /// Reads an action from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        completedOn = try payload.dayIfPresent("completedOn")
        dueOn = try payload.day("dueOn")
        id = try payload.string("id")
        owner = try payload.string("owner")
        progress = try payload.arrayIfPresent(Progress.self, "progress")
        text = try payload.string("text")
        tracked = try payload.idIfPresent(TrackedAction.self, "tracked")
    }
}

extension AssessmentAction.Progress: RecordPayloadDecodable {
    /// Reads a progress note from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        evidence = try payload.arrayIfPresent(EvidenceReference.self, "evidence")
        on = try payload.day("on")
        text = try payload.string("text")
    }
}

// A partnership's import writes its assessments in their hundreds, each with a response for every
// criterion; these write the members their synthesized `encode(to:)` writes, in sorted order.
// `AssessmentPayloadDecodingTests` holds their bytes to `Encodable`'s.

extension SelfAssessment: RecordPayloadEncodable {
    /// Writes an assessment's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("agency", agency)
        try payload.id("cycle", cycle)
        try payload.id("id", id)
        try payload.array("responses", responses)
        try payload.id("standardSet", standardSet)
        try payload.raw("status", status)
        try payload.array("steps", steps)
    }
}

extension SelfAssessment.Step: RecordPayloadEncodable {
    /// Writes a step's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("by", by)
        try payload.day("on", on)
        try payload.stringIfPresent("reason", reason)
        try payload.raw("status", status)
    }
}

extension CriterionResponse: RecordPayloadEncodable {
    /// Writes a response's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.arrayIfPresent("actions", actions)
        try payload.stringIfPresent("areasForImprovement", areasForImprovement)
        try payload.boolIfPresent("carriedForward", carriedForward)
        try payload.arrayIfPresent("challenges", challenges)
        try payload.raw("criterion", criterion)
        try payload.arrayIfPresent("evidence", evidence)
        try payload.rawIfPresent("moderatedRating", moderatedRating)
        try payload.stringIfPresent("narrative", narrative)
        try payload.rawIfPresent("selfRating", selfRating)
    }
}

extension CriterionResponse.Challenge: RecordPayloadEncodable {
    /// Writes a challenge's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("by", by)
        try payload.day("on", on)
        try payload.string("text", text)
    }
}

extension AssessmentAction: RecordPayloadEncodable {
    /// Writes an action's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.dayIfPresent("completedOn", completedOn)
        try payload.day("dueOn", dueOn)
        try payload.string("id", id)
        try payload.string("owner", owner)
        try payload.arrayIfPresent("progress", progress)
        try payload.string("text", text)
        try payload.idIfPresent("tracked", tracked)
    }
}

extension AssessmentAction.Progress: RecordPayloadEncodable {
    /// Writes a progress note's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.arrayIfPresent("evidence", evidence)
        try payload.day("on", on)
        try payload.string("text", text)
    }
}
