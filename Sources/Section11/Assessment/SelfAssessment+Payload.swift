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
