public import Domain
import Foundation

extension AuditProgramme {
    // MARK: Findings, recommendations, voice, report

    /// Records an audit's findings.
    @discardableResult
    public func record(findings: [AuditFinding], for id: Audit.ID, by principal: Principal) async throws -> Audit {
        try await change(id, by: principal) { $0.findings += findings }
    }

    /// Makes a recommendation from an audit, for the one action tracker, in the work stream of its
    /// first theme.
    ///
    /// Its themes are the ones given; else those of the template's section (and the questions named
    /// of it) that the recommendation is about; else the audit's own. A recommendation with none of
    /// these is raised unthemed and reported as such.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when `section` is not a section of the audit's
    ///   template, or a question is not one of that section's.
    @discardableResult
    public func recommend(
        _ text: String,
        from id: Audit.ID,
        owner: Agency.ID?,
        themes: [Theme] = [],
        about section: AuditSectionCode? = nil,
        questions: [AuditQuestionCode] = [],
        dueOn: Day,
        by principal: Principal
    ) async throws -> Recommendation {
        let held = try await records.require(Audit.self, id: id, as: principal)
        var sectionThemes: [Theme] = []
        if let section {
            let template = try await template(held.value.template ?? AuditTemplate.standard.id)
            guard let found = template.sections.first(where: { $0.code == section }) else {
                throw DomainError(
                    .invalidInput,
                    "audit \(id): section '\(section)' is not a section of template \(template.id); expected one of "
                        + template.sections.map(\.code.rawValue).joined(separator: ", ")
                )
            }
            if let unknown = questions.first(where: { code in !found.questions.contains { $0.code == code } }) {
                throw DomainError(
                    .invalidInput,
                    "audit \(id): question '\(unknown)' is not a question of section '\(section)' of template \(template.id)"
                )
            }
            sectionThemes = found.themes(questions: questions)
        }
        let chosen = !themes.isEmpty ? themes : !sectionThemes.isEmpty ? sectionThemes : held.value.themes
        let recommendation = Recommendation(
            id: environment.ids.make(),
            source: Recommendation.Source(.audit, record: held.value.reference, title: held.value.title),
            text: text,
            ownerAgency: owner,
            themes: chosen,
            raisedOn: environment.today(),
            dueOn: dueOn
        )
        var audit = held.value
        audit.recommendations.append(recommendation.id)
        var chain = try await ChainWrites(environment: environment)
        var batch = RecordBatch()
        try chain.raise(recommendation, in: &batch)
        try chain.finish(into: &batch)
        try batch.save(audit, version: held.version)
        try await records.commit(batch, by: principal)
        return recommendation
    }

    /// Records why children's and families' views were not sought in an audit.
    @discardableResult
    public func recordVoiceNotSought(_ reason: String, for id: Audit.ID, by principal: Principal) async throws -> Audit
    {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "the reason children's and families' views were not sought in audit \(id) is empty"
            )
        }
        return try await change(id, by: principal) { $0.voiceNotSoughtReason = reason }
    }

    /// Records a stage of an appreciative inquiry.
    @discardableResult
    public func record(stage: InquiryStage, for id: Audit.ID, by principal: Principal) async throws -> Audit {
        try await change(id, by: principal) { audit in
            guard audit.type == .appreciativeInquiry else {
                throw DomainError(
                    .invalidInput,
                    "audit \(audit.id) is a \(audit.type.name); only an appreciative inquiry has stages"
                )
            }
            var stages = audit.inquiryStages ?? []
            if let index = stages.firstIndex(where: { $0.name == stage.name }) {
                stages[index] = stage
            } else {
                stages.append(stage)
            }
            audit.inquiryStages = stages
        }
    }

    /// Holds an audit's challenge session: the evidence of impact and a judgement for each recommendation.
    ///
    /// Each judgement is recorded in the one action tracker as impact on the recommendation, and on
    /// the actions the session examined, with the session as its source: a recommendation the session
    /// found embedded or progressing may close on it.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when a recommendation of the audit has no outcome,
    ///   or an outcome names an action of another recommendation.
    @discardableResult
    public func holdChallenge(
        _ id: Audit.ID,
        outcomes: [ChallengeSession.Outcome],
        notes: String?,
        by principal: Principal
    )
        async throws -> ChallengeSession
    {
        let held = try await records.require(Audit.self, id: id, as: principal)
        var audit = held.value
        let judged = Set(outcomes.map(\.recommendation))
        let missing = audit.recommendations.filter { !judged.contains($0) }
        guard missing.isEmpty else {
            throw DomainError(
                .invalidInput,
                "the challenge session of audit \(id) has no judgement for recommendation(s) \(missing.map(\.rawValue).joined(separator: ", "))"
            )
        }
        try advance(&audit, to: .challenge, by: principal)
        let session = ChallengeSession(
            id: environment.ids.make(),
            audit: id,
            heldOn: environment.today(),
            outcomes: outcomes,
            notes: notes
        )
        var batch = RecordBatch()
        try batch.save(session, version: 0)
        try batch.save(audit, version: held.version)
        let tracker = ActionTracker(environment: environment)
        for outcome in outcomes {
            try await tracker.stageImpact(
                of: outcome.recommendation,
                judgement: outcome.impact,
                evidence: [
                    ImpactRecord.Evidence(
                        kind: .challengeSession,
                        summary: outcome.evidence,
                        reference: session.reference
                    )
                ],
                source: session.reference,
                actions: outcome.actions ?? [],
                in: &batch,
                by: principal
            )
        }
        try await records.commit(batch, by: principal)
        return session
    }

    /// Closes an audit after its challenge session.
    ///
    /// - Throws: `DomainError.Code.invalidTransition` before the challenge session, or when no
    ///   children's or families' views are recorded and no reason why not.
    @discardableResult
    public func close(_ id: Audit.ID, by principal: Principal) async throws -> Audit {
        let held = try await records.require(Audit.self, id: id, as: principal)
        let voices = try await records.all(VoiceRecord.self, RecordFilter(parent: id.retyped()), as: .system)
        guard !voices.isEmpty || held.value.voiceNotSoughtReason != nil else {
            throw DomainError(
                .invalidTransition,
                "audit \(id) cannot be closed: it records no views of children or families and no reason why they were not sought"
            )
        }
        var audit = held.value
        try advance(&audit, to: .closed, by: principal)
        return try await records.save(audit, version: held.version, by: principal).value
    }

    func change(
        _ id: Audit.ID,
        by principal: Principal,
        _ edit: (inout Audit) throws -> Void
    ) async throws -> Audit {
        try await records.modify(Audit.self, id: id, by: principal, edit).value
    }
}
