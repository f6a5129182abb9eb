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

    var records: Records { environment.records }

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
        let (carried, previousSet) = try await carriedForward(from: previous, by: principal)
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
            let responses = Self.drafts(set.criteria(for: agency.sector), from: carried[agencyID], of: previousSet)
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

    /// The previous cycle's assessments by agency, and its standard set, to carry answers forward from.
    private func carriedForward(
        from previous: AssessmentCycle.ID?,
        by principal: Principal
    ) async throws -> ([Agency.ID: SelfAssessment], StandardSet?) {
        guard let previous else { return ([:], nil) }
        let held = try await records.require(AssessmentCycle.self, id: previous, as: principal).value
        var carried: [Agency.ID: SelfAssessment] = [:]
        for assessment in try await records.all(
            SelfAssessment.self,
            RecordFilter(parent: previous.retyped()),
            as: .system
        ) {
            carried[assessment.value.agency] = assessment.value
        }
        return (carried, try await standardSet(held.standardSet))
    }

    /// An agency's responses for a new cycle: the previous answer as a draft where the criterion is
    /// unchanged, else a blank response.
    static func drafts(
        _ criteria: [Criterion],
        from earlier: SelfAssessment?,
        of previousSet: StandardSet?
    ) -> [CriterionResponse] {
        criteria.map { criterion -> CriterionResponse in
            guard let old = earlier?.response(criterion.code),
                previousSet?.criterion(criterion.code)?.text == criterion.text
            else { return CriterionResponse(criterion: criterion.code) }
            var draft = old
            draft.selfRating = old.standingRating
            draft.moderatedRating = nil
            draft.challenges = nil
            draft.carriedForward = true
            return draft
        }
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

    // MARK: Plumbing

    func change(
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

    func transition(_ assessment: SelfAssessment, _ verb: String, allowed: String) -> DomainError {
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
