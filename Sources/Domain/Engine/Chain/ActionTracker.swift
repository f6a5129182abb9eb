/// The one action tracker: every recommendation from every source in its themed work stream, every
/// action towards it, and the evidence of impact on which alone it closes.
///
/// It is Domain's, so that every module writes to the same tracker without importing another:
/// Section 11 tracks an agency's actions here, Audit records a challenge session's judgement of
/// impact here, and Learning reports and chases the lot.
///
/// ```swift
/// let tracker = ActionTracker(environment: environment)
/// let (recommendation, stream) = try await tracker.raise(recommendation, by: qaLead)
/// let action = try await tracker.addAction("Neglect toolkit training", to: recommendation.id, owner: council,
///                                          lead: "Principal social worker", startOn: day, dueOn: due, by: qaLead)
/// ```
public struct ActionTracker: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment

    /// Creates the tracker over an environment.
    public init(environment: AssuranceEnvironment) {
        self.init(environment: environment, closesOn: FrameworkDocument.unnamed.recommendationsCloseOn)
    }

    /// Creates a tracker whose recommendations close on the given judgements of impact, as a
    /// partnership's framework says (`FrameworkDocument.recommendationsCloseOn`).
    public init(environment: AssuranceEnvironment, closesOn judgements: Set<ImpactRecord.Judgement>) {
        self.environment = environment
        self.closesOn = judgements
    }

    /// The tracker of a framework: its environment, and its document's judgements to close on.
    public init(framework: AssuranceFramework) {
        self.init(environment: framework.environment, closesOn: framework.document.recommendationsCloseOn)
    }

    /// The judgements of impact a recommendation may close on.
    public let closesOn: Set<ImpactRecord.Judgement>

    private var records: Records { environment.records }

    /// Raises a recommendation from any source and places it in the work stream of its theme.
    ///
    /// A new work stream is made when none matches. A recommendation with no theme joins no work
    /// stream: it is reported as without a theme until someone gives it one.
    ///
    /// - Returns: The recommendation and its work stream, if it has a theme.
    /// - Throws: `staleWrite` when a work stream changed meanwhile; `accessDenied`.
    @discardableResult
    public func raise(
        _ recommendation: Recommendation,
        by principal: Principal
    ) async throws -> (Recommendation, WorkStream?) {
        var chain = try await ChainWrites(environment: environment)
        var batch = RecordBatch()
        let stream = try chain.raise(recommendation, in: &batch)
        try chain.finish(into: &batch)
        try await records.commit(batch, by: principal)
        return (recommendation, stream.flatMap { id in chain.streams.first { $0.value.id == id }?.value })
    }

    /// Adds an action towards a recommendation, in its work stream.
    ///
    /// - Throws: `invalidInput` when the action is due before it starts, or has no text or lead;
    ///   `notFound` for an unknown recommendation.
    @discardableResult
    public func addAction(
        _ text: String,
        to recommendation: Recommendation.ID,
        owner: Agency.ID?,
        lead: String,
        startOn: Day,
        dueOn: Day,
        origin: TrackedAction.Origin? = nil,
        by principal: Principal
    ) async throws -> TrackedAction {
        guard dueOn >= startOn else {
            throw DomainError(
                .invalidInput,
                "an action due on \(dueOn) cannot start later, on \(startOn)",
                context: .init(field: "startOn", value: startOn.description, expected: "\(dueOn) or earlier")
            )
        }
        for (field, value) in [("text", text), ("lead", lead)] where value.allSatisfy(\.isWhitespace) {
            throw DomainError(
                .invalidInput,
                "an action for recommendation \(recommendation) has no \(field); say \(field == "text" ? "what will be done" : "who leads it")",
                context: .init(field: field)
            )
        }
        _ = try await records.require(Recommendation.self, id: recommendation, as: principal)
        let stream = try await records.all(WorkStream.self, as: .system).first {
            $0.value.recommendations.contains(recommendation)
        }
        var action = TrackedAction(
            id: environment.ids.make(),
            recommendation: recommendation,
            workStream: stream?.value.id,
            text: text,
            ownerAgency: owner,
            lead: lead,
            startOn: startOn,
            dueOn: dueOn
        )
        action.origin = origin
        return try await records.save(action, version: 0, by: principal).value
    }

    /// Records a progress update on an action, with the status it reports.
    ///
    /// - Throws: `invalidInput` for a completing status: ``complete(_:evidence:note:by:)`` completes.
    @discardableResult
    public func update(
        _ action: TrackedAction.ID,
        status: TrackedAction.Status,
        _ text: String,
        by principal: Principal
    ) async throws -> TrackedAction {
        guard !status.isComplete else {
            throw DomainError(
                .invalidInput,
                "use complete(_:evidence:by:) to complete action \(action), with its evidence"
            )
        }
        let day = environment.today()
        return try await records.modify(TrackedAction.self, id: action, by: principal) { action in
            action.status = status
            action.updates.append(TrackedAction.Update(on: day, by: principal.id, text: text, status: status))
        }.value
    }

    /// Completes an action; with evidence it is completed and evidenced.
    @discardableResult
    public func complete(
        _ action: TrackedAction.ID,
        evidence: [EvidenceReference],
        note: String,
        by principal: Principal
    ) async throws -> TrackedAction {
        let day = environment.today()
        return try await records.modify(TrackedAction.self, id: action, by: principal) { action in
            action.status = evidence.isEmpty ? .completed : .completedAndEvidenced
            action.completedOn = action.completedOn ?? day
            action.completionEvidence = evidence.isEmpty ? action.completionEvidence : evidence
            action.updates.append(TrackedAction.Update(on: day, by: principal.id, text: note, status: action.status))
        }.value
    }

    /// Records progress on several actions in one transaction.
    ///
    /// As an agency's action-plan update reports it: each action's new status and what was done,
    /// and, for an action completed, its evidence. Every action is checked before any is written.
    ///
    /// - Returns: The actions as written, in the order given.
    /// - Throws: `staleWrite` for an action changed since the version the progress was reported
    ///   against; `invalidTransition` for an action already complete; `notFound`; `accessDenied`.
    ///   Nothing is written.
    @discardableResult
    public func record(_ progress: [ActionProgress], by principal: Principal) async throws -> [TrackedAction] {
        let day = environment.today()
        var batch = RecordBatch()
        var written: [TrackedAction] = []
        for item in progress {
            let held = try await records.require(TrackedAction.self, id: item.action, as: principal)
            if let version = item.version, version != held.version {
                throw DomainError(
                    .staleWrite,
                    "action \(DomainError.quote(held.value.text)) has changed since the update was written "
                        + "(version \(version), now \(held.version)); write the update again from the action as it is",
                    context: .init(field: "version", value: String(version), expected: String(held.version))
                )
            }
            guard !held.value.status.isComplete else {
                throw DomainError(
                    .invalidTransition,
                    "action \(DomainError.quote(held.value.text)) is already \(held.value.status)"
                )
            }
            var action = held.value
            if item.status.isComplete {
                action.status = item.evidence.isEmpty ? .completed : .completedAndEvidenced
                action.completedOn = day
                if !item.evidence.isEmpty { action.completionEvidence = item.evidence }
            } else {
                action.status = item.status
            }
            action.updates.append(
                TrackedAction.Update(on: day, by: principal.id, text: item.note, status: action.status)
            )
            try batch.save(action, version: held.version)
            written.append(action)
        }
        try await records.commit(batch, by: principal)
        return written
    }

    /// Records a judgement of whether a recommendation changed practice, with its evidence and the
    /// record that judged.
    ///
    /// - Parameters:
    ///   - recommendation: The recommendation judged.
    ///   - judgement: Whether practice changed.
    ///   - evidence: What shows it; at least one piece.
    ///   - source: The record whose judgement it is: a challenge session, a re-audit, a measure's
    ///     series, an agency's assessment.
    ///   - actions: The recommendation's actions the judgement looked at.
    ///   - principal: Who records it.
    /// - Returns: The impact record.
    /// - Throws: `invalidInput` for no evidence or an action of another recommendation;
    ///   `notFound` for an unknown recommendation.
    @discardableResult
    public func recordImpact(
        of recommendation: Recommendation.ID,
        judgement: ImpactRecord.Judgement,
        evidence: [ImpactRecord.Evidence],
        source: RecordReference? = nil,
        actions: [TrackedAction.ID] = [],
        by principal: Principal
    ) async throws -> ImpactRecord {
        var batch = RecordBatch()
        let record = try await stageImpact(
            of: recommendation,
            judgement: judgement,
            evidence: evidence,
            source: source,
            actions: actions,
            in: &batch,
            by: principal
        )
        try await records.commit(batch, by: principal)
        return record
    }

    /// Stages a judgement of impact in a batch, after the same checks as
    /// ``recordImpact(of:judgement:evidence:source:actions:by:)``, for a module that records it with
    /// its own writes.
    @discardableResult
    public func stageImpact(
        of recommendation: Recommendation.ID,
        judgement: ImpactRecord.Judgement,
        evidence: [ImpactRecord.Evidence],
        source: RecordReference? = nil,
        actions: [TrackedAction.ID] = [],
        in batch: inout RecordBatch,
        by principal: Principal
    ) async throws -> ImpactRecord {
        guard !evidence.isEmpty else {
            throw DomainError(
                .invalidInput,
                "evidence of impact for recommendation \(recommendation) is empty; name at least one source"
            )
        }
        _ = try await records.require(Recommendation.self, id: recommendation, as: principal)
        for action in actions {
            let held = try await records.require(TrackedAction.self, id: action, as: principal)
            guard held.value.recommendation == recommendation else {
                throw DomainError(
                    .invalidInput,
                    "action \(action) serves recommendation \(held.value.recommendation), not \(recommendation)"
                )
            }
        }
        let record = ImpactRecord(
            id: environment.ids.make(),
            recommendation: recommendation,
            judgement: judgement,
            evidence: evidence,
            recordedOn: environment.today(),
            recordedBy: principal.id,
            source: source,
            actions: actions.isEmpty ? nil : actions
        )
        try batch.save(record, version: 0)
        return record
    }

    /// Closes a recommendation on evidence that practice changed.
    ///
    /// - Throws: `invalidTransition` when no impact record judges the change as the tracker's
    ///   ``closesOn`` requires (embedded, unless the partnership accepts progressing): completing
    ///   its actions is not enough.
    @discardableResult
    public func closeRecommendation(
        _ recommendation: Recommendation.ID,
        by principal: Principal
    ) async throws -> Recommendation {
        let held = try await records.require(Recommendation.self, id: recommendation, as: principal)
        let impact = try await records.all(
            ImpactRecord.self,
            RecordFilter(parent: recommendation.retyped()),
            as: principal
        ).map(\.value).filter { closesOn.contains($0.judgement) }
        guard let latest = impact.max(by: { $0.recordedOn < $1.recordedOn }) else {
            let required = ImpactRecord.Judgement.allCases.filter(closesOn.contains).map(\.description)
            throw DomainError(
                .invalidTransition,
                "recommendation \(recommendation) has no evidence that practice changed as the partnership requires "
                    + "(\(required.joined(separator: " or "))); record its impact before closing it"
            )
        }
        var closed = held.value
        closed.status = .closed
        closed.closedOn = environment.today()
        closed.closingNote = "Impact \(latest.judgement): " + latest.evidence.map(\.summary).joined(separator: "; ")
        return try await records.save(closed, version: held.version, by: principal).value
    }
}
