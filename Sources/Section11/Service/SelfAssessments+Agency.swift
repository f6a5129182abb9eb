public import Domain
import Foundation

extension SelfAssessments {
    // MARK: The agency's steps

    /// Saves the agency's answer to a criterion; the assessment moves to in progress.
    ///
    /// - Parameters:
    ///   - response: The answer.
    ///   - assessment: The assessment.
    ///   - version: The version the answer was made against; `nil` for the latest.
    ///   - principal: Who answers: the agency's lead.
    /// - Returns: The assessment at its new version.
    /// - Throws: `DomainError.Code.invalidInput` for a criterion or rating not in the set;
    ///   `DomainError.Code.invalidTransition` once it is submitted;
    ///   `DomainError.Code.accessDenied`; `DomainError.Code.staleWrite`.
    @discardableResult
    public func respond(
        _ response: CriterionResponse,
        to assessment: SelfAssessment.ID,
        version: Int? = nil,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await respond([response], to: assessment, version: version, by: principal)
    }

    /// Sets the answers to many criteria at once, in one write: the assessment moves up one version
    /// however many criteria are answered, as a return keyed in or uploaded in one sitting should.
    ///
    /// ```swift
    /// try await selfAssessments.respond(
    ///     [
    ///         CriterionResponse(criterion: "1.1", selfRating: "green", narrative: "A board lead is named."),
    ///         CriterionResponse(criterion: "1.2", selfRating: "amber", narrative: "Training is patchy.", actions: [plan]),
    ///     ],
    ///     to: assessment.id,
    ///     by: policeLead
    /// )
    /// ```
    ///
    /// - Throws: `DomainError.Code.invalidInput` for no answers at all, or naming the first criterion
    ///   that is not the assessment's, appears twice, or has a rating off the set's scale, with the
    ///   answer's position, field and value in the error's context;
    ///   `DomainError.Code.invalidTransition` when the assessment is not open for answers. Nothing is
    ///   written unless every answer is good.
    @discardableResult
    public func respond(
        _ responses: [CriterionResponse],
        to assessment: SelfAssessment.ID,
        version: Int? = nil,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: version, as: .update, by: principal) { assessment, set, day in
            guard [.invited, .inProgress, .returned].contains(assessment.status) else {
                throw transition(assessment, "changed", allowed: "while it is invited, in progress or returned")
            }
            do throws(AnswerProblem) {
                try assessment.answer(responses, on: set.scale)
            } catch {
                throw error.error(in: assessment)
            }
            if assessment.status != .inProgress { assessment.advance(to: .inProgress, on: day, by: principal.id) }
        }
    }

    /// Submits the assessment to the partnership, and puts its actions in the one action tracker in
    /// the same transaction: each criterion's actions serve a recommendation of the agency's own, with
    /// the criterion's themes, in those themes' work streams.
    ///
    /// - Throws: `DomainError.Code.invalidInput` listing every criterion not rated and every
    ///   red or amber rating with no action; `DomainError.Code.invalidTransition` when it is not
    ///   in progress. Nothing is written.
    @discardableResult
    public func submit(
        _ id: SelfAssessment.ID,
        version: Int? = nil,
        by principal: Principal
    ) async throws
        -> Versioned<SelfAssessment>
    {
        let held = try await records.require(SelfAssessment.self, id: id, as: principal)
        var assessment = held.value
        let set = try await standardSet(assessment.standardSet)
        let day = environment.today()
        guard [.inProgress, .returned, .invited].contains(assessment.status) else {
            throw transition(assessment, "submitted", allowed: "while it is in progress or returned")
        }
        try Self.checkComplete(assessment, set)
        assessment.advance(to: .submitted, on: day, by: principal.id)
        var chain = try await ChainWrites(environment: environment)
        var batch = RecordBatch()
        let agency = try await records.load(Agency.self, id: assessment.agency, as: .system)?.value
        try await track(
            &assessment,
            set: set,
            agencyName: agency?.name ?? assessment.agency.rawValue,
            cycleName: try await records.load(AssessmentCycle.self, id: assessment.cycle, as: .system)?.value.name,
            day: day,
            chain: &chain,
            batch: &batch
        )
        try chain.finish(into: &batch)
        let base = version ?? held.version
        try batch.save(assessment, version: base)
        let versions = try await records.commit(batch, by: principal)
        return Versioned(assessment, version: versions[assessment.reference] ?? base + 1)
    }

    /// Checks every criterion is rated and every red or amber rating has an action.
    static func checkComplete(_ assessment: SelfAssessment, _ set: StandardSet) throws(DomainError) {
        let unrated = assessment.responses.filter { $0.selfRating == nil }.map(\.criterion)
        let withoutAction = assessment.responses.compactMap { response -> String? in
            guard let rating = response.selfRating, let level = set.scale.level(rating), level.rag != .green,
                (response.actions ?? []).isEmpty
            else { return nil }
            return "\(response.criterion) (\(level.label.inSentence))"
        }
        guard unrated.isEmpty && withoutAction.isEmpty else {
            var parts: [String] = []
            if !unrated.isEmpty {
                parts.append(
                    "\(unrated.count == 1 ? "criterion" : "criteria") \(unrated.map(\.rawValue).joined(separator: ", ")) not rated"
                )
            }
            if !withoutAction.isEmpty {
                parts.append("\(withoutAction.joined(separator: ", ")) rated \(set.scale.belowGreen) with no action")
            }
            throw DomainError(
                .invalidInput,
                "assessment \(assessment.id) cannot be submitted: \(parts.joined(separator: "; "))"
            )
        }
    }

    /// Records progress on an action, between cycles or during one.
    ///
    /// A tracked action's progress is recorded in the one action tracker, where its history is kept and carried from cycle to
    /// cycle; an action from a return made before actions were tracked keeps its progress in the
    /// assessment, as it always did.
    ///
    /// - Throws: `DomainError.Code.notFound` when the action does not exist.
    @discardableResult
    public func recordProgress(
        on actionID: String,
        of criterion: CriterionCode,
        in assessment: SelfAssessment.ID,
        _ text: String,
        evidence: [EvidenceReference] = [],
        completed: Bool = false,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        let held = try await records.require(SelfAssessment.self, id: assessment, as: principal)
        let action = held.value.responses.first { $0.criterion == criterion }?.actions?.first { $0.id == actionID }
        if let tracked = action?.tracked {
            let tracker = ActionTracker(environment: environment)
            if completed {
                try await tracker.complete(tracked, evidence: evidence, note: text, by: principal)
            } else {
                try await tracker.update(tracked, status: .onTrack, text, by: principal)
            }
            return held
        }
        return try await change(assessment, version: nil, as: .update, by: principal) { assessment, _, day in
            guard let responseIndex = assessment.responses.firstIndex(where: { $0.criterion == criterion }),
                let actionIndex = assessment.responses[responseIndex].actions?.firstIndex(where: { $0.id == actionID })
            else {
                throw DomainError(
                    .notFound,
                    "assessment \(assessment.id) has no action \(actionID) on criterion \(criterion)"
                )
            }
            var action = assessment.responses[responseIndex].actions![actionIndex]
            action.progress =
                (action.progress ?? []) + [
                    AssessmentAction.Progress(on: day, text: text, evidence: evidence.isEmpty ? nil : evidence)
                ]
            if completed { action.completedOn = day }
            assessment.responses[responseIndex].actions![actionIndex] = action
        }
    }
}
