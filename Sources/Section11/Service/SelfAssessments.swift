public import Domain
import Foundation

/// The Section 11 and s175 service: standard sets, cycles, and each assessment's lifecycle, through
/// the seams of an `AssuranceEnvironment`.
///
/// ```swift
/// let section11 = SelfAssessments(environment: environment)
/// let cycle = try await section11.openCycle(
///     name: "Section 11 2025–26", standardSet: StandardSet.section11Classic.id, cadence: .yearly,
///     issuedOn: issue, returnDeadline: deadline, invite: agencies, by: qaLead)
/// ```
public struct SelfAssessments: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment

    /// Creates the service.
    public init(environment: AssuranceEnvironment) {
        self.environment = environment
    }

    private var records: Records { environment.records }

    // MARK: Standard sets

    /// Stores a standard set (a new version is a new set).
    @discardableResult
    public func save(
        _ set: StandardSet,
        version: Int = 0,
        by principal: Principal
    ) async throws -> Versioned<StandardSet> {
        try await records.save(set, version: version, by: principal)
    }

    /// A standard set: a stored one, or one of the starter sets.
    ///
    /// - Throws: `DomainError.Code.notFound` when there is no such set.
    public func standardSet(_ id: StandardSet.ID) async throws -> StandardSet {
        if let stored = try await records.load(StandardSet.self, id: id, as: .system) { return stored.value }
        if let starter = [StandardSet.section11Classic, .schoolsSection175].first(where: { $0.id == id }) {
            return starter
        }
        throw DomainError(.notFound, "standard set \(id) does not exist; store it first or use a starter set")
    }

    // MARK: Cycles

    /// Opens a cycle and invites agencies: each gets an assessment of the criteria that fit its sector,
    /// with the previous cycle's answers carried forward as a draft where the criterion is unchanged.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a deadline before the issue day or an
    ///   unknown agency; `DomainError.Code.accessDenied`. Nothing is written.
    @discardableResult
    public func openCycle(
        name: String,
        standardSet setID: StandardSet.ID,
        cadence: Cadence,
        issuedOn: Day,
        returnDeadline: Day,
        challengeUntil: Day? = nil,
        invite agencyIDs: [Agency.ID],
        previous: AssessmentCycle.ID? = nil,
        by principal: Principal
    ) async throws -> AssessmentCycle {
        guard returnDeadline > issuedOn else {
            throw DomainError(
                .invalidInput,
                "cycle \(DomainError.quote(name)) has its return deadline \(returnDeadline) on or before its issue day \(issuedOn)"
            )
        }
        let set = try await standardSet(setID)
        let agencies = try await records.byID(Agency.self)
        let invited = Array(Set(agencyIDs)).sorted()
        for agency in invited where agencies[agency] == nil {
            throw DomainError(
                .invalidInput,
                "cycle \(DomainError.quote(name)) invites agency \(agency), which the partnership does not have"
            )
        }
        var carried: [Agency.ID: SelfAssessment] = [:]
        var previousSet: StandardSet?
        if let previous {
            let held = try await records.require(AssessmentCycle.self, id: previous, as: principal).value
            previousSet = try await standardSet(held.standardSet)
            for assessment in try await records.all(
                SelfAssessment.self,
                RecordFilter(parent: previous.retyped()),
                as: .system
            ) {
                carried[assessment.value.agency] = assessment.value
            }
        }
        let cycle = AssessmentCycle(
            id: environment.ids.make(),
            name: name,
            duty: set.duty,
            standardSet: set.id,
            cadence: cadence,
            issuedOn: issuedOn,
            returnDeadline: returnDeadline,
            challengeFrom: returnDeadline.adding(days: 1),
            challengeUntil: challengeUntil ?? environment.calendar.adding(workingDays: 20, to: returnDeadline),
            invited: invited,
            previous: previous
        )
        var batch = RecordBatch()
        try batch.save(cycle, version: 0)
        for agencyID in invited {
            let agency = agencies[agencyID]!
            let responses = set.criteria(for: agency.sector).map { criterion -> CriterionResponse in
                guard let old = carried[agencyID]?.response(criterion.code),
                    previousSet?.criterion(criterion.code)?.text == criterion.text
                else { return CriterionResponse(criterion: criterion.code) }
                var draft = old
                draft.selfRating = old.standingRating
                draft.moderatedRating = nil
                draft.challenges = nil
                draft.carriedForward = true
                return draft
            }
            try batch.save(
                SelfAssessment(
                    id: environment.ids.make(),
                    cycle: cycle.id,
                    agency: agencyID,
                    standardSet: set.id,
                    responses: responses,
                    invitedOn: issuedOn,
                    invitedBy: principal.id
                ),
                version: 0
            )
        }
        try await records.commit(batch, by: principal)
        return cycle
    }

    /// Closes a cycle.
    @discardableResult
    public func closeCycle(_ id: AssessmentCycle.ID, by principal: Principal) async throws -> AssessmentCycle {
        let held = try await records.require(AssessmentCycle.self, id: id, as: principal)
        var cycle = held.value
        cycle.status = .closed
        return try await records.save(cycle, version: held.version, by: principal).value
    }

    /// The assessments of a cycle the principal may read, by agency.
    public func assessments(
        in cycle: AssessmentCycle.ID,
        as principal: Principal
    ) async throws -> [Versioned<SelfAssessment>] {
        try await records.all(SelfAssessment.self, RecordFilter(parent: cycle.retyped()), as: principal)
            .sorted { $0.value.agency < $1.value.agency }
    }

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
    /// - Throws: `DomainError.Code.invalidInput` naming the first criterion that is not the
    ///   assessment's, appears twice, or has a rating off the set's scale;
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
            var answered = Set<CriterionCode>()
            for response in responses {
                guard answered.insert(response.criterion).inserted else {
                    throw DomainError(
                        .invalidInput,
                        "criterion \(DomainError.quote(response.criterion)) is answered twice; answer each criterion once"
                    )
                }
                guard let index = assessment.responses.firstIndex(where: { $0.criterion == response.criterion }) else {
                    throw DomainError(
                        .invalidInput,
                        "criterion \(DomainError.quote(response.criterion)) is not one of assessment \(assessment.id)'s criteria"
                    )
                }
                if let rating = response.selfRating { _ = try set.scale.requireLevel(rating) }
                var updated = response
                updated.moderatedRating = assessment.responses[index].moderatedRating
                updated.challenges = assessment.responses[index].challenges
                updated.carriedForward = nil
                assessment.responses[index] = updated
            }
            if assessment.status != .inProgress { assessment.advance(to: .inProgress, on: day, by: principal.id) }
        }
    }

    /// Submits the assessment to the partnership.
    ///
    /// - Throws: `DomainError.Code.invalidInput` listing every criterion not rated and every
    ///   red or amber rating with no action; `DomainError.Code.invalidTransition` when it is not
    ///   in progress. Nothing is written.
    @discardableResult
    public func submit(
        _ assessment: SelfAssessment.ID,
        version: Int? = nil,
        by principal: Principal
    ) async throws
        -> Versioned<SelfAssessment>
    {
        try await change(assessment, version: version, as: .update, by: principal) { assessment, set, day in
            guard [.inProgress, .returned, .invited].contains(assessment.status) else {
                throw transition(assessment, "submitted", allowed: "while it is in progress or returned")
            }
            try Self.checkComplete(assessment, set)
            assessment.advance(to: .submitted, on: day, by: principal.id)
        }
    }

    /// Checks every criterion is rated and every red or amber rating has an action.
    static func checkComplete(_ assessment: SelfAssessment, _ set: StandardSet) throws(DomainError) {
        let unrated = assessment.responses.filter { $0.selfRating == nil }.map(\.criterion)
        let withoutAction = assessment.responses.compactMap { response -> String? in
            guard let rating = response.selfRating, let level = set.scale.level(rating), level.rag != .green,
                (response.actions ?? []).isEmpty
            else { return nil }
            return "\(response.criterion) (\(level.label.lowercased()))"
        }
        guard unrated.isEmpty && withoutAction.isEmpty else {
            var parts: [String] = []
            if !unrated.isEmpty {
                parts.append(
                    "\(unrated.count == 1 ? "criterion" : "criteria") \(unrated.map(\.rawValue).joined(separator: ", ")) not rated"
                )
            }
            if !withoutAction.isEmpty {
                parts.append("\(withoutAction.joined(separator: ", ")) rated below green with no action")
            }
            throw DomainError(
                .invalidInput,
                "assessment \(assessment.id) cannot be submitted: \(parts.joined(separator: "; "))"
            )
        }
    }

    /// Records progress on an action, between cycles or during one; it becomes part of the record and
    /// of the next cycle's carried-forward draft.
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
        try await change(assessment, version: nil, as: .update, by: principal) { assessment, _, day in
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

    // MARK: The partnership's steps

    /// Puts a submitted assessment under challenge.
    @discardableResult
    public func openChallenge(
        _ assessment: SelfAssessment.ID,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, _, day in
            guard assessment.status == .submitted else {
                throw transition(assessment, "put under challenge", allowed: "once it is submitted")
            }
            assessment.advance(to: .underChallenge, on: day, by: principal.id)
        }
    }

    /// Records a challenge against a criterion's answer (the independent scrutineer may).
    @discardableResult
    public func challenge(
        _ criterion: CriterionCode,
        of assessment: SelfAssessment.ID,
        _ text: String,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .challenge, by: principal) { assessment, _, day in
            guard [.submitted, .underChallenge, .moderated].contains(assessment.status) else {
                throw transition(assessment, "challenged", allowed: "once it is submitted")
            }
            guard let index = assessment.responses.firstIndex(where: { $0.criterion == criterion }) else {
                throw DomainError(
                    .invalidInput,
                    "criterion \(DomainError.quote(criterion)) is not one of assessment \(assessment.id)'s criteria"
                )
            }
            assessment.responses[index].challenges =
                (assessment.responses[index].challenges ?? []) + [
                    CriterionResponse.Challenge(by: principal.id, on: day, text: text)
                ]
        }
    }

    /// Moderates an assessment under challenge: sets moderated ratings, kept apart from the self-ratings.
    ///
    /// - Parameters:
    ///   - assessment: The assessment.
    ///   - ratings: Moderated ratings by criterion; a criterion left out keeps its self-rating.
    ///   - principal: Who moderates: the QA lead.
    /// - Returns: The assessment at its new version.
    /// - Throws: `DomainError.Code.invalidTransition` unless it is under challenge;
    ///   `DomainError.Code.invalidInput` for a criterion or rating not in the set.
    @discardableResult
    public func moderate(
        _ assessment: SelfAssessment.ID,
        ratings: [CriterionCode: RatingCode],
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, set, day in
            guard assessment.status == .underChallenge else {
                throw transition(assessment, "moderated", allowed: "while it is under challenge")
            }
            for (criterion, rating) in ratings.sorted(by: { $0.key < $1.key }) {
                guard let index = assessment.responses.firstIndex(where: { $0.criterion == criterion }) else {
                    throw DomainError(
                        .invalidInput,
                        "criterion \(DomainError.quote(criterion)) is not one of assessment \(assessment.id)'s criteria"
                    )
                }
                _ = try set.scale.requireLevel(rating)
                assessment.responses[index].moderatedRating = rating
            }
            assessment.advance(to: .moderated, on: day, by: principal.id)
        }
    }

    /// Accepts a moderated assessment.
    @discardableResult
    public func accept(
        _ assessment: SelfAssessment.ID,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, _, day in
            guard assessment.status == .moderated else {
                throw transition(assessment, "accepted", allowed: "once it is moderated")
            }
            assessment.advance(to: .accepted, on: day, by: principal.id)
        }
    }

    /// Returns an assessment to the agency for rework, with the reason.
    @discardableResult
    public func returnForRework(
        _ assessment: SelfAssessment.ID,
        reason: String,
        by principal: Principal
    ) async throws
        -> Versioned<SelfAssessment>
    {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "returning assessment \(assessment) for rework needs a reason the agency can act on"
            )
        }
        return try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, _, day in
            guard [.submitted, .underChallenge, .moderated].contains(assessment.status) else {
                throw transition(
                    assessment,
                    "returned for rework",
                    allowed: "once it is submitted and before it is accepted"
                )
            }
            assessment.advance(to: .returned, on: day, by: principal.id, reason: reason)
        }
    }

    // MARK: Recommendations

    /// Turns a cycle's system-wide gaps into recommendations for the one action tracker, once each.
    ///
    /// - Returns: The recommendations created (none for gaps already recommended on).
    @discardableResult
    public func raiseRecommendations(
        for cycleID: AssessmentCycle.ID,
        gapShare: Double = 0.25,
        by principal: Principal
    ) async throws -> [Recommendation] {
        let cycle = try await records.require(AssessmentCycle.self, id: cycleID, as: principal).value
        let set = try await standardSet(cycle.standardSet)
        let assessments = try await assessments(in: cycleID, as: .system).map(\.value)
        let agencies = try await records.byID(Agency.self)
        let analysis = Section11Analysis(
            set: set,
            assessments: assessments,
            agencies: agencies,
            on: environment.today()
        )
        let existing = Set(
            try await records.all(Recommendation.self, RecordFilter(parent: cycleID.retyped()), as: .system).map(
                \.value.id
            )
        )
        var batch = RecordBatch()
        var created: [Recommendation] = []
        for gap in analysis.gaps(share: gapShare) {
            let id =
                Recommendation.ID(rawValue: "s11-\(cycleID)-\(gap.criterion)".replacingOccurrences(of: ".", with: "-"))
                ?? environment.ids.make()
            guard !existing.contains(id) else { continue }
            let recommendation = Recommendation(
                id: id,
                source: Recommendation.Source(.section11, record: cycle.reference, title: cycle.name),
                text:
                    "Partnership-wide gap on criterion \(gap.criterion) (\(gap.text)): \(gap.belowGreen) of \(gap.rated) agencies rated it below green. Agree a partnership action to close it.",
                themes: [],
                raisedOn: environment.today(),
                dueOn: environment.today().adding(months: 6)
            )
            try batch.save(recommendation, version: 0)
            created.append(recommendation)
        }
        try await records.commit(batch, by: principal)
        return created
    }

    // MARK: Plumbing

    private func change(
        _ id: SelfAssessment.ID,
        version: Int?,
        as action: AccessAction,
        by principal: Principal,
        _ edit: (inout SelfAssessment, StandardSet, Day) throws -> Void
    ) async throws -> Versioned<SelfAssessment> {
        let today = environment.today()
        return try await records.modify(SelfAssessment.self, id: id, expecting: version, as: action, by: principal) {
            try edit(&$0, try await standardSet($0.standardSet), today)
        }
    }

    private func transition(_ assessment: SelfAssessment, _ verb: String, allowed: String) -> DomainError {
        DomainError(
            .invalidTransition,
            "assessment \(assessment.id) is \(assessment.status); it can be \(verb) only \(allowed)"
        )
    }
}

extension SelfAssessment {
    mutating func advance(to status: Status, on day: Day, by principal: Principal.ID, reason: String? = nil) {
        self.status = status
        steps.append(Step(status: status, on: day, by: principal, reason: reason))
    }
}

extension Records {
    func byID<Record: StorableRecord>(_ type: Record.Type) async throws -> [Record.ID: Record] {
        (try await all(type, as: .system)).keyed(by: \.value.id, value: \.value)
    }
}
