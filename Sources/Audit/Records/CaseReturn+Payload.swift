public import Domain

// The store reads case returns and cases in their hundreds of thousands nationally; these read the payload's nodes
// directly, each exactly the keys its synthesized `init(from:)` reads, in sorted order.
// `CaseReturnPayloadDecodingTests` decodes them both ways and compares.

extension CaseReturn: RecordPayloadDecodable {
    /// Reads a case return from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        agency = try payload.id(Agency.self, "agency")
        answers = try payload.rawDictionary(Answer.self, keyedBy: AuditQuestionCode.self, "answers")
        areasForDevelopment = try payload.stringIfPresent("areasForDevelopment")
        audit = try payload.id(Audit.self, "audit")
        auditCase = try payload.id(AuditCase.self, "auditCase")
        dueOn = try payload.day("dueOn")
        goodPractice = try payload.stringIfPresent("goodPractice")
        grades = try payload.dictionary(Grade.self, keyedBy: AuditSectionCode.self, "grades")
        id = try payload.id(CaseReturn.self, "id")
        recommendations = try payload.strings("recommendations")
        status = try payload.raw(Status.self, "status")
        submittedOn = try payload.dayIfPresent("submittedOn")
    }
}

extension AuditCase: RecordPayloadDecodable {
    /// Reads an audit case from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        agencies = try payload.rawArray(Agency.ID.self, "agencies")
        audit = try payload.id(Audit.self, "audit")
        caseReference = try payload.raw(CaseReference.self, "caseReference")
        id = try payload.id(AuditCase.self, "id")
        moderationNotes = try payload.stringIfPresent("moderationNotes")
        overall = try payload.objectIfPresent(Grade.self, "overall")
        sectionGrades = try payload.dictionaryIfPresent(Grade.self, keyedBy: AuditSectionCode.self, "sectionGrades")
        selection = try payload.raw(CaseSelection.self, "selection")
    }
}

extension Grade: RecordPayloadDecodable {
    /// Reads a grade from a stored payload.
    public init(payload: inout RecordObjectReader) throws {
        level = try payload.raw(RatingCode.self, "level")
        rationale = try payload.string("rationale")
    }
}

// A partnership's import writes its case returns in their hundreds; these write the members their synthesized
// `encode(to:)` writes, in sorted order. `CaseReturnPayloadDecodingTests` holds their bytes to `Encodable`'s.

extension CaseReturn: RecordPayloadEncodable {
    /// Writes a case return's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("agency", agency)
        try payload.rawDictionary("answers", answers)
        try payload.stringIfPresent("areasForDevelopment", areasForDevelopment)
        try payload.id("audit", audit)
        try payload.id("auditCase", auditCase)
        try payload.day("dueOn", dueOn)
        try payload.stringIfPresent("goodPractice", goodPractice)
        try payload.dictionary("grades", grades)
        try payload.id("id", id)
        try payload.strings("recommendations", recommendations)
        try payload.raw("status", status)
        try payload.dayIfPresent("submittedOn", submittedOn)
    }
}

extension AuditCase: RecordPayloadEncodable {
    /// Writes an audit case's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.rawArray("agencies", agencies)
        try payload.id("audit", audit)
        try payload.raw("caseReference", caseReference)
        try payload.id("id", id)
        try payload.stringIfPresent("moderationNotes", moderationNotes)
        try payload.objectIfPresent("overall", overall)
        try payload.dictionaryIfPresent("sectionGrades", sectionGrades)
        try payload.raw("selection", selection)
    }
}

extension Grade: RecordPayloadEncodable {
    /// Writes a grade's payload.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.raw("level", level)
        try payload.string("rationale", rationale)
    }
}
