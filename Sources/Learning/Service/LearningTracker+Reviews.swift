public import Domain
import Foundation

extension LearningTracker {
    // MARK: Taking part in a review

    /// Names the agencies taking part in a review, with the days their chronologies and summaries are
    /// due; an agency named again has its due days replaced and keeps what it has sent.
    @discardableResult
    public func addParticipants(
        _ participants: [Review.Participant],
        to review: Review.ID,
        by principal: Principal
    ) async throws -> Review {
        try await records.modify(Review.self, id: review, by: principal) { held in
            var current = held.participants ?? []
            for participant in participants {
                if let index = current.firstIndex(where: { $0.agency == participant.agency }) {
                    current[index].chronologyDue = participant.chronologyDue
                    current[index].summaryDue = participant.summaryDue
                } else {
                    current.append(participant)
                }
            }
            held.participants = current
        }.value
    }

    /// Records that an agency's chronology or summary arrived.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when the agency is not taking part in the review.
    @discardableResult
    public func recordContribution(
        _ contribution: Review.Contribution,
        from agency: Agency.ID,
        for review: Review.ID,
        on day: Day,
        by principal: Principal
    ) async throws -> Review {
        try await records.modify(Review.self, id: review, by: principal) { held in
            guard let index = held.participants?.firstIndex(where: { $0.agency == agency }) else {
                throw DomainError(
                    .invalidInput,
                    "agency \(agency) is not taking part in review \(review); add it before recording its \(contribution)"
                )
            }
            switch contribution {
            case .chronology: held.participants?[index].chronologyReceived = day
            case .summary: held.participants?[index].summaryReceived = day
            }
        }.value
    }

    /// Records the decision on whether a case meets the criteria for a review, with the reasons and
    /// the route taken: a rapid review that finds the criteria for a local child safeguarding
    /// practice review not met may go to a local learning review instead.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when the reasons are empty.
    @discardableResult
    public func recordDecision(
        criteriaMet: Bool,
        reasons: String,
        route: ReviewKind?,
        for review: Review.ID,
        by principal: Principal
    ) async throws -> Review {
        guard !reasons.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "the decision on review \(review) needs its reasons: why the criteria are met or not"
            )
        }
        let day = environment.today()
        return try await records.modify(Review.self, id: review, by: principal) { held in
            held.decision = Review.Decision(
                on: day,
                by: principal.id,
                criteriaMet: criteriaMet,
                reasons: reasons,
                route: route
            )
        }.value
    }

    // MARK: Child protection clocks for a case

    /// Starts a child protection clock for a case: its due day follows the clock's rule.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a clock that belongs to reviews rather than
    ///   cases; `DomainError.Code.notFound` for an unknown clock.
    @discardableResult
    public func startCaseClock(
        _ clock: StatutoryClock.ID,
        for caseReference: CaseReference,
        agency: Agency.ID?,
        on start: Day,
        by principal: Principal
    ) async throws -> CaseClock {
        let clocks = try await clocks()
        guard let definition = clocks.first(where: { $0.id == clock }) else {
            throw DomainError(
                .notFound,
                "clock \(clock) does not exist; expected one of "
                    + clocks.filter(\.appliesTo.isEmpty).map(\.id.rawValue).joined(separator: ", ")
            )
        }
        guard definition.appliesTo.isEmpty else {
            throw DomainError(
                .invalidInput,
                "clock \(clock) runs for reviews (its start is a review's milestone), not for a case"
            )
        }
        let record = CaseClock(
            id: environment.ids.make(),
            clock: clock,
            caseReference: caseReference,
            agency: agency,
            startedOn: start,
            dueOn: definition.deadline(from: start, calendar: environment.calendar)
        )
        return try await records.save(record, version: 0, by: principal).value
    }

    /// Stops a case's clock on the day the event it waits for happened.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a day before the clock started.
    @discardableResult
    public func stopCaseClock(_ id: CaseClock.ID, on day: Day, by principal: Principal) async throws -> CaseClock {
        try await records.modify(CaseClock.self, id: id, by: principal) { clock in
            guard day >= clock.startedOn else {
                throw DomainError(
                    .invalidInput,
                    "case clock \(id) started on \(clock.startedOn); it cannot stop earlier, on \(day)"
                )
            }
            clock.stoppedOn = day
        }.value
    }
}
