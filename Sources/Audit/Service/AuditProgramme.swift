public import Domain
import Foundation

/// The Audit module's service: the forward plan, each audit's lifecycle, case samples and returns,
/// moderation, findings and recommendations, challenge sessions, spot audits and quarterly summaries.
///
/// ```swift
/// let audits = AuditProgramme(environment: environment)
/// let plan = try await audits.plan(year: try ReportingPeriod(parsing: "FY2025-26"), audits: [neglect], by: qaLead)
/// ```
public struct AuditProgramme: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment
    /// Months after an audit is reported that its challenge session is due.
    public let challengeAfterMonths: Int

    /// Creates the service.
    public init(environment: AssuranceEnvironment, challengeAfterMonths: Int = 6) {
        self.environment = environment
        self.challengeAfterMonths = challengeAfterMonths
    }

    private var records: Records { environment.records }

    // MARK: The forward plan

    /// Makes the forward plan of a year: the audits, planned.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when an audit's window lies outside the year
    ///   or ends before it starts.
    @discardableResult
    public func plan(year: ReportingPeriod, audits: [Audit], by principal: Principal) async throws -> AuditPlan {
        guard year.kind == .year else {
            throw DomainError(.invalidInput, "an audit plan covers a year; \(year) is a \(year.kind.rawValue)")
        }
        for audit in audits {
            try check(window: audit, in: year)
        }
        let plan = AuditPlan(
            id: AuditPlan.ID(rawValue: "plan-\(year)") ?? environment.ids.make(),
            year: year,
            audits: audits.map(\.id)
        )
        var batch = RecordBatch()
        try batch.save(plan, version: 0)
        for audit in audits { try batch.save(audit, version: 0) }
        try await records.commit(batch, by: principal)
        return plan
    }

    /// Revises a plan: adds audits and cancels others, keeping the revision with its note.
    @discardableResult
    public func revise(
        _ planID: AuditPlan.ID,
        adding added: [Audit] = [],
        cancelling cancelled: [Audit.ID: String] = [:],
        note: String,
        by principal: Principal
    ) async throws -> AuditPlan {
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "a revision of plan \(planID) needs a note of what changed and why")
        }
        let held = try await records.require(AuditPlan.self, id: planID, as: principal)
        var plan = held.value
        var batch = RecordBatch()
        for audit in added {
            try check(window: audit, in: plan.year)
            try batch.save(audit, version: 0)
        }
        for (id, reason) in cancelled.sorted(by: { $0.key < $1.key }) {
            let audit = try await records.require(Audit.self, id: id, as: principal)
            var updated = audit.value
            try advance(&updated, to: .cancelled, reason: reason, by: principal)
            try batch.save(updated, version: audit.version)
        }
        plan.revisions.append(
            AuditPlan.Revision(on: environment.today(), by: principal.id, note: note, before: plan.audits)
        )
        plan.audits += added.map(\.id)
        try batch.save(plan, version: held.version)
        try await records.commit(batch, by: principal)
        return plan
    }

    private func check(window audit: Audit, in year: ReportingPeriod) throws(DomainError) {
        guard audit.plannedUntil >= audit.plannedFrom else {
            throw DomainError(
                .invalidInput,
                "audit \(audit.id)'s window ends (\(audit.plannedUntil)) before it starts (\(audit.plannedFrom))"
            )
        }
        guard year.contains(audit.plannedFrom), year.contains(audit.plannedUntil) else {
            throw DomainError(
                .invalidInput,
                "audit \(audit.id)'s window \(audit.plannedFrom) to \(audit.plannedUntil) is not within \(year.label) (\(year.firstDay) to \(year.lastDay))"
            )
        }
    }

    // MARK: The lifecycle

    /// Moves an audit to its next stage.
    ///
    /// - Throws: `DomainError.Code.invalidTransition` naming the stages allowed from where it is.
    @discardableResult
    public func move(_ id: Audit.ID, to stage: Audit.Stage, by principal: Principal) async throws -> Audit {
        let held = try await records.require(Audit.self, id: id, as: principal)
        var audit = held.value
        switch stage {
        case .moderation:
            let missing = try await returns(of: id).filter { $0.status != .submitted }.map(\.agency)
            if !missing.isEmpty {
                throw DomainError(
                    .invalidTransition,
                    "audit \(id) cannot go to moderation: returns are outstanding from \(Set(missing).sorted().map(\.rawValue).joined(separator: ", "))"
                )
            }
        case .reported where audit.type.usesModeration:
            let unmoderated = try await cases(of: id).filter { !$0.isModerated }
            if !unmoderated.isEmpty {
                throw DomainError(
                    .invalidTransition,
                    "audit \(id) cannot be reported: \(unmoderated.count) of its cases are not moderated"
                )
            }
        case .challenge, .closed:
            throw DomainError(
                .invalidTransition,
                "audit \(id) reaches \(stage) through \(stage == .challenge ? "holdChallenge" : "close"), not move"
            )
        default:
            break
        }
        try advance(&audit, to: stage, by: principal)
        return try await records.save(audit, version: held.version, by: principal).value
    }

    /// Cancels an audit, with the reason.
    @discardableResult
    public func cancel(_ id: Audit.ID, reason: String, by principal: Principal) async throws -> Audit {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "cancelling audit \(id) needs a reason")
        }
        let held = try await records.require(Audit.self, id: id, as: principal)
        var audit = held.value
        try advance(&audit, to: .cancelled, reason: reason, by: principal)
        return try await records.save(audit, version: held.version, by: principal).value
    }

    /// The stages an audit of a type may move to from a stage.
    public static func next(from stage: Audit.Stage, type: AuditType) -> [Audit.Stage] {
        switch stage {
        case .planned: [.scoping, .cancelled]
        case .scoping: [.fieldwork, .cancelled]
        case .fieldwork: type.usesModeration ? [.moderation, .cancelled] : [.reported, .cancelled]
        case .moderation: [.reported, .cancelled]
        case .reported: [.challenge]
        case .challenge: [.closed]
        case .closed, .cancelled: []
        }
    }

    private func advance(
        _ audit: inout Audit,
        to stage: Audit.Stage,
        reason: String? = nil,
        by principal: Principal
    ) throws(DomainError) {
        let allowed = Self.next(from: audit.stage, type: audit.type)
        guard allowed.contains(stage) else {
            let options = allowed.isEmpty ? "nothing" : allowed.map(\.rawValue).joined(separator: " or ")
            throw DomainError(
                .invalidTransition,
                "audit \(audit.id) (\(audit.type)) is at \(audit.stage); it can move to \(options), not \(stage)"
            )
        }
        audit.stage = stage
        audit.steps.append(Audit.Step(stage: stage, on: environment.today(), by: principal.id, reason: reason))
    }

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
        guard audit.type.usesModeration || audit.type == .spot else {
            throw DomainError(.invalidInput, "audit \(id) is a \(audit.type), which samples no cases")
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
        grades: [String: Grade],
        answers: [String: Answer],
        goodPractice: String?,
        areasForDevelopment: String?,
        recommendations: [String] = [],
        by principal: Principal
    ) async throws -> CaseReturn {
        let held = try await records.require(CaseReturn.self, id: id, as: principal)
        let audit = try await records.require(Audit.self, id: held.value.audit, as: .system).value
        let template = try await template(audit.template ?? AuditTemplate.standard.id)
        var problems: [String] = []
        for section in template.sections {
            guard let grade = grades[section.code] else {
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
        where question.kind == .yesNo && answers[question.code] == nil {
            problems.append("question \(question.code) is not answered")
        }
        guard problems.isEmpty else {
            throw DomainError(.invalidInput, "return \(id) cannot be submitted: \(problems.joined(separator: "; "))")
        }
        var updated = held.value
        updated.grades = grades
        updated.answers = answers
        updated.goodPractice = goodPractice
        updated.areasForDevelopment = areasForDevelopment
        updated.recommendations = recommendations
        updated.status = .submitted
        updated.submittedOn = environment.today()
        return try await records.save(updated, version: held.version, by: principal).value
    }

    /// Records the moderation meeting's grades of a case: each section and overall, with rationale.
    @discardableResult
    public func moderate(
        _ id: AuditCase.ID,
        sections: [String: Grade],
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
        for (code, grade) in sections.sorted(by: { $0.key < $1.key }).map({ ($0.key, $0.value) }) + [
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

    // MARK: Findings, recommendations, voice, report

    /// Records an audit's findings.
    @discardableResult
    public func record(findings: [AuditFinding], for id: Audit.ID, by principal: Principal) async throws -> Audit {
        try await change(id, by: principal) { $0.findings += findings }
    }

    /// Makes a recommendation from an audit, for the one action tracker.
    @discardableResult
    public func recommend(
        _ text: String,
        from id: Audit.ID,
        owner: Agency.ID?,
        themes: [Theme],
        dueOn: Day,
        by principal: Principal
    ) async throws -> Recommendation {
        let held = try await records.require(Audit.self, id: id, as: principal)
        let recommendation = Recommendation(
            id: environment.ids.make(),
            source: Recommendation.Source(.audit, record: held.value.reference, title: held.value.title),
            text: text,
            ownerAgency: owner,
            themes: themes,
            raisedOn: environment.today(),
            dueOn: dueOn
        )
        var audit = held.value
        audit.recommendations.append(recommendation.id)
        var batch = RecordBatch()
        try batch.save(recommendation, version: 0)
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
                    "audit \(audit.id) is a \(audit.type); only an appreciative inquiry has stages"
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
    /// - Throws: `DomainError.Code.invalidInput` when a recommendation of the audit has no outcome.
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

    private func change(
        _ id: Audit.ID,
        by principal: Principal,
        _ edit: (inout Audit) throws -> Void
    ) async throws -> Audit {
        try await records.modify(Audit.self, id: id, by: principal, edit).value
    }

    // MARK: Spot audits

    /// Accepts a proposed spot audit: creates it, linked to the signal, which the link answers.
    @discardableResult
    public func acceptSpotAudit(
        for signalID: Signal.ID,
        title: String? = nil,
        themes: [Theme] = [],
        lead: String,
        window: ClosedRange<Day>,
        by principal: Principal
    ) async throws -> Audit {
        let held = try await records.require(Signal.self, id: signalID, as: principal)
        var signal = held.value
        var audit = Audit(
            id: environment.ids.make(),
            title: title ?? "Spot audit: \(signal.summary)",
            type: .spot,
            themes: themes,
            rationale: .data,
            lead: lead,
            agencies: signal.subject.agency.map { [$0] } ?? [],
            plannedFrom: window.lowerBound,
            plannedUntil: window.upperBound,
            plannedOn: environment.today(),
            plannedBy: principal.id
        )
        audit.signal = signalID
        signal.linkedRecords.append(audit.reference)
        var batch = RecordBatch()
        try batch.save(audit, version: 0)
        try batch.save(signal, version: held.version)
        try await records.commit(batch, by: principal)
        return audit
    }

    /// Declines a proposed spot audit, with the reason.
    @discardableResult
    public func declineSpotAudit(
        for signalID: Signal.ID,
        reason: String,
        by principal: Principal
    ) async throws -> SpotAuditDecline {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "declining a spot audit of signal \(signalID) needs a reason")
        }
        _ = try await records.require(Signal.self, id: signalID, as: principal)
        let decline = SpotAuditDecline(
            id: environment.ids.make(),
            signal: signalID,
            reason: reason,
            by: principal.id,
            on: environment.today()
        )
        return try await records.save(decline, version: 0, by: principal).value
    }

    // MARK: Quarterly summaries

    /// Stores a quarterly summary from the MASH or the conference chairs.
    @discardableResult
    public func save(_ summary: QuarterlySummary, by principal: Principal) async throws -> QuarterlySummary {
        try await records.save(summary, version: 0, by: principal).value
    }
}
