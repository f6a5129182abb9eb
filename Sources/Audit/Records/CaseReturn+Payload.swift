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
