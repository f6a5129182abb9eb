public import Domain
import Foundation

extension AuditProgramme {
    // MARK: Cases and returns

    /// Adds a case to an audit's sample and requests a return from each agency involved.
    ///
    /// - Returns: The case and the returns requested.
    @discardableResult
    public func addCase(
        _ reference: CaseReference,
        to id: Audit.ID,
        selection: CaseSelection,
        agencies: [Agency.ID],
        returnsDue: Day,
        by principal: Principal
    ) async throws -> (AuditCase, [CaseReturn]) {
        let audit = try await records.require(Audit.self, id: id, as: principal).value
        guard audit.isModerated || audit.type == .spot else {
            throw DomainError(.invalidInput, "audit \(id) is a \(audit.type.name), which samples no cases")
        }
        guard [.planned, .scoping, .fieldwork].contains(audit.stage) else {
            throw DomainError(.invalidTransition, "audit \(id) is at \(audit.stage); cases are added before moderation")
        }
        let auditCase = AuditCase(
            id: environment.ids.make(),
            audit: id,
            caseReference: reference,
            selection: selection,
            agencies: Array(Set(agencies)).sorted()
        )
        let requested = auditCase.agencies.map {
            CaseReturn(id: environment.ids.make(), audit: id, auditCase: auditCase.id, agency: $0, dueOn: returnsDue)
        }
        var batch = RecordBatch()
        try batch.save(auditCase, version: 0)
        for request in requested { try batch.save(request, version: 0) }
        try await records.commit(batch, by: principal)
        return (auditCase, requested)
    }

    /// An agency returns its audit of a case.
    ///
    /// - Throws: `DomainError.Code.invalidInput` listing every section without a grade or a
    ///   rationale and every standard question unanswered; `DomainError.Code.accessDenied`
    ///   when the principal may not write the agency's return. Nothing is written.
    @discardableResult
    public func submitReturn(
        _ id: CaseReturn.ID,
        grades: [AuditSectionCode: Grade],
        answers: [AuditQuestionCode: Answer],
        goodPractice: String?,
        areasForDevelopment: String?,
        recommendations: [String] = [],
        by principal: Principal
    ) async throws -> CaseReturn {
        let submission = CaseReturnSubmission(
            caseReturn: id,
            grades: grades,
            answers: answers,
            goodPractice: goodPractice,
            areasForDevelopment: areasForDevelopment,
            recommendations: recommendations
        )
        return try await submitReturns([submission], by: principal)[0]
    }

    /// Agencies return their audits of cases, all in one transaction: every return is checked
    /// before any is written.
    ///
    /// - Returns: The returns as written, in the order given.
    /// - Throws: As ``submitReturn(_:grades:answers:goodPractice:areasForDevelopment:recommendations:by:)``,
    ///   for the first return with a problem. Nothing is written.
    @discardableResult
    public func submitReturns(
        _ submissions: [CaseReturnSubmission],
        by principal: Principal
    ) async throws
        -> [CaseReturn]
    {
        var batch = RecordBatch()
        var written: [CaseReturn] = []
        for submission in submissions {
            let id = submission.caseReturn
            let held = try await records.require(CaseReturn.self, id: id, as: principal)
            let audit = try await records.require(Audit.self, id: held.value.audit, as: .system).value
            let template = try await template(audit.template ?? AuditTemplate.standard.id)
            let problems = Self.problems(of: submission, against: template)
            guard problems.isEmpty else {
                throw DomainError(
                    .invalidInput,
                    "return \(id) cannot be submitted: \(problems.joined(separator: "; "))"
                )
            }
            var updated = held.value
            updated.grades = submission.grades
            updated.answers = submission.answers
            updated.goodPractice = submission.goodPractice
            updated.areasForDevelopment = submission.areasForDevelopment
            updated.recommendations = submission.recommendations
            updated.status = .submitted
            updated.submittedOn = environment.today()
            try batch.save(updated, version: held.version)
            written.append(updated)
        }
        try await records.commit(batch, by: principal)
        return written
    }

    /// Every section without a grade on the scale or a rationale, and every standard question unanswered.
    static func problems(of submission: CaseReturnSubmission, against template: AuditTemplate) -> [String] {
        var problems: [String] = []
        for section in template.sections {
            guard let grade = submission.grades[section.code] else {
                problems.append("section \(section.code) has no grade")
                continue
            }
            if template.scale.level(grade.level) == nil {
                problems.append(
                    "section \(section.code)'s grade \(DomainError.quote(grade.level)) is not on the scale (\(template.scale.levels.map(\.code.rawValue).joined(separator: ", ")))"
                )
            }
            if grade.rationale.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("section \(section.code)'s grade has no rationale")
            }
        }
        for question in template.sections.flatMap(\.questions)
        where question.kind == .yesNo && submission.answers[question.code] == nil {
            problems.append("question \(question.code) is not answered")
        }
        return problems
    }

    /// Records the moderation meeting's grades of a case: each section and overall, with rationale.
    @discardableResult
    public func moderate(
        _ id: AuditCase.ID,
        sections: [AuditSectionCode: Grade],
        overall: Grade,
        notes: String?,
        by principal: Principal
    ) async throws -> AuditCase {
        let held = try await records.require(AuditCase.self, id: id, as: principal)
        let audit = try await records.require(Audit.self, id: held.value.audit, as: principal).value
        guard audit.stage == .moderation else {
            throw DomainError(
                .invalidTransition,
                "audit \(audit.id) is at \(audit.stage); cases are moderated at moderation"
            )
        }
        let template = try await template(audit.template ?? AuditTemplate.standard.id)
        for (code, grade) in sections.sorted(by: { $0.key < $1.key }).map({ ($0.key.rawValue, $0.value) }) + [
            ("overall", overall)
        ] {
            _ = try template.scale.requireLevel(grade.level)
            if grade.rationale.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DomainError(.invalidInput, "the moderated grade of \(code) for case \(id) has no rationale")
            }
        }
        var updated = held.value
        updated.sectionGrades = sections
        updated.overall = overall
        updated.moderationNotes = notes
        var batch = RecordBatch()
        try batch.save(updated, version: held.version, as: .moderate)
        try await records.commit(batch, by: principal)
        return updated
    }

    /// The cases of an audit.
    public func cases(of audit: Audit.ID) async throws -> [AuditCase] {
        try await records.all(AuditCase.self, RecordFilter(parent: audit.retyped()), as: .system).map(\.value)
    }

    /// The returns of an audit that a principal may read.
    public func returns(of audit: Audit.ID, as principal: Principal = .system) async throws -> [CaseReturn] {
        try await records.all(CaseReturn.self, RecordFilter(key: audit.rawValue), as: principal).map(\.value)
    }

    /// A template: a stored one, or the starter tool.
    public func template(_ id: AuditTemplate.ID) async throws -> AuditTemplate {
        if let stored = try await records.load(AuditTemplate.self, id: id, as: .system) { return stored.value }
        guard id == AuditTemplate.standard.id else {
            throw DomainError(.notFound, "audit template \(id) does not exist")
        }
        return .standard
    }
}
