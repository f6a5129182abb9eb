public import Domain
import Foundation

/// The Learning module's service: reviews and their clocks, recommendations in themed work streams,
/// the one action tracker, evidence of impact and dissemination.
///
/// ```swift
/// let learning = LearningTracker(environment: environment)
/// let review = try await learning.open(Review(id: "rr-1", kind: .rapidReview, title: "Infant, 2026",
///     milestones: [.localAuthorityAware: aware]), by: lead)
/// try await learning.record(.notificationSent, on: sent, for: review.id, by: lead)
/// ```
public struct LearningTracker: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment

    /// Creates the service.
    public init(environment: AssuranceEnvironment) {
        self.environment = environment
    }

    private var records: Records { environment.records }

    // MARK: Clocks

    /// The partnership's clocks: the starter clocks, with any the partnership has stored in their place.
    public func clocks() async throws -> [StatutoryClock] {
        let stored = (try await records.all(StatutoryClock.self, as: .system)).keyed(by: \.value.id, value: \.value)
        let starter = StatutoryClock.starter.map { stored[$0.id] ?? $0 }
        let extra = stored.values.filter { clock in !StatutoryClock.starter.contains { $0.id == clock.id } }.sorted {
            $0.id < $1.id
        }
        return starter + extra
    }

    /// Stores a clock, replacing the starter clock with the same id: a change of guidance needs no code.
    @discardableResult
    public func save(_ clock: StatutoryClock, by principal: Principal) async throws -> StatutoryClock {
        let held = try await records.load(StatutoryClock.self, id: clock.id, as: principal)
        return try await records.save(clock, version: held?.version ?? 0, by: principal).value
    }

    /// Where every clock that applies to a review stands on a day.
    public func readings(for review: Review, on day: Day) async throws -> [ClockReading] {
        try await clocks().filter { $0.appliesTo.contains(review.kind) }.map {
            ClockReading.read($0, for: review, on: day, calendar: environment.calendar)
        }
    }

    // MARK: Reviews

    /// Opens a review.
    @discardableResult
    public func open(_ review: Review, by principal: Principal) async throws -> Review {
        try await records.save(review, version: 0, by: principal).value
    }

    /// Records a key day of a review.
    @discardableResult
    public func record(
        _ milestone: ReviewMilestone,
        on day: Day,
        for review: Review.ID,
        by principal: Principal
    ) async throws -> Review {
        try await change(review, by: principal) { review in
            review.milestones[milestone] = day
            switch milestone {
            case .reportToPartners where review.status == .open: review.status = .reported
            case .publication: review.status = .published
            default: break
            }
        }
    }

    /// Records the reviewer appointed, with the day the partners agreed.
    @discardableResult
    public func appoint(
        reviewer: String,
        agreedOn day: Day,
        for review: Review.ID,
        by principal: Principal
    ) async throws -> Review {
        try await change(review, by: principal) { review in
            review.reviewer = reviewer
            review.reviewerAgreedOn = day
        }
    }

    /// Records why a clock was breached; a breached clock needs a recorded reason.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for an empty reason or a clock that was not breached.
    @discardableResult
    public func recordBreachReason(
        _ reason: String,
        clock: StatutoryClock.ID,
        for review: Review.ID,
        by principal: Principal
    )
        async throws -> Review
    {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "the reason for breaching \(clock) on review \(review) is empty")
        }
        let clocks = try await clocks()
        let day = environment.today()
        return try await change(review, by: principal) { held in
            guard let definition = clocks.first(where: { $0.id == clock }),
                ClockReading.read(definition, for: held, on: day, calendar: environment.calendar).state == .breached
            else {
                throw DomainError(
                    .invalidInput,
                    "clock \(clock) is not breached on review \(held.id); a reason is recorded only for a breach"
                )
            }
            held.breachReasons[clock.rawValue] = reason
        }
    }

    /// Closes a review.
    @discardableResult
    public func closeReview(_ review: Review.ID, by principal: Principal) async throws -> Review {
        try await change(review, by: principal) { $0.status = .closed }
    }

    private func change(
        _ id: Review.ID,
        by principal: Principal,
        _ edit: (inout Review) throws -> Void
    ) async throws -> Review {
        try await records.modify(Review.self, id: id, by: principal, edit).value
    }

    // MARK: Recommendations and work streams

    /// Adds a recommendation from any source and places it in the work stream of its theme, creating
    /// one when none matches.
    ///
    /// - Returns: The recommendation and its work stream.
    @discardableResult
    public func add(
        _ recommendation: Recommendation,
        by principal: Principal
    ) async throws -> (Recommendation, WorkStream) {
        let streams = try await records.all(WorkStream.self, as: principal)
        let placed = place(recommendation, in: streams)
        var batch = RecordBatch()
        try batch.save(recommendation, version: 0)
        try batch.save(placed.value, version: placed.version)
        try await records.commit(batch, by: principal)
        return (recommendation, placed.value)
    }

    /// Places every open recommendation not yet in a work stream: those raised by audits, Section 11
    /// and others, in one transaction.
    ///
    /// - Returns: The work streams changed.
    @discardableResult
    public func placeNewRecommendations(by principal: Principal) async throws -> [WorkStream] {
        var streams = try await records.all(WorkStream.self, as: principal)
        let placed = Set(streams.flatMap(\.value.recommendations))
        var changed = Set<WorkStream.ID>()
        for recommendation in try await records.all(Recommendation.self, as: principal).map(\.value)
        where !placed.contains(recommendation.id) && recommendation.status == .open {
            let stream = place(recommendation, in: streams)
            changed.insert(stream.value.id)
            if let index = streams.firstIndex(where: { $0.value.id == stream.value.id }) {
                streams[index] = stream
            } else {
                streams.append(stream)
            }
        }
        var batch = RecordBatch()
        for stream in streams where changed.contains(stream.value.id) {
            try batch.save(stream.value, version: stream.version)
        }
        try await records.commit(batch, by: principal)
        return streams.filter { changed.contains($0.value.id) }.map(\.value).sorted { $0.id < $1.id }
    }

    /// The work stream a recommendation joins, at the version it was read (0 for a new one).
    private func place(_ recommendation: Recommendation, in streams: [Versioned<WorkStream>]) -> Versioned<WorkStream> {
        let member = WorkStream.Member(recommendation: recommendation.id, match: .theme, confirmed: false)
        let theme = recommendation.themes.first ?? Theme(rawValue: "general")
        let matched =
            WorkStream.match(recommendation, in: streams.map(\.value))
            ?? streams.first { $0.value.theme == theme }?.value
        if let matched, var held = streams.first(where: { $0.value.id == matched.id }) {
            held.value.members.append(member)
            return held
        }
        var stream = WorkStream(
            id: WorkStream.ID(rawValue: "ws-\(theme.rawValue)") ?? environment.ids.make(),
            theme: theme,
            title: theme.label,
            leadAgency: recommendation.ownerAgency
        )
        stream.members.append(member)
        return Versioned(stream, version: 0)
    }

    /// Confirms a recommendation's match to its work stream, or moves it to another.
    ///
    /// - Throws: `DomainError.Code.notFound` when the recommendation is in no work stream.
    @discardableResult
    public func confirm(
        _ recommendation: Recommendation.ID,
        in target: WorkStream.ID,
        by principal: Principal
    ) async throws -> WorkStream {
        let streams = try await records.all(WorkStream.self, as: principal)
        guard let current = streams.first(where: { $0.value.recommendations.contains(recommendation) }) else {
            throw DomainError(.notFound, "recommendation \(recommendation) is in no work stream")
        }
        guard let destination = streams.first(where: { $0.value.id == target }) else {
            throw DomainError(.notFound, "work stream \(target) does not exist")
        }
        var batch = RecordBatch()
        if current.value.id == target {
            var stream = current.value
            let index = stream.members.firstIndex { $0.recommendation == recommendation }!
            stream.members[index].confirmed = true
            try batch.save(stream, version: current.version)
            try await records.commit(batch, by: principal)
            return stream
        }
        var from = current.value
        from.members.removeAll { $0.recommendation == recommendation }
        var to = destination.value
        to.members.append(WorkStream.Member(recommendation: recommendation, match: .manual, confirmed: true))
        try batch.save(from, version: current.version)
        try batch.save(to, version: destination.version)
        try await records.commit(batch, by: principal)
        return to
    }

    // MARK: Actions

    /// Adds an action to a recommendation, in the recommendation's work stream.
    @discardableResult
    public func addAction(
        _ text: String,
        to recommendation: Recommendation.ID,
        owner: Agency.ID?,
        lead: String,
        startOn: Day,
        dueOn: Day,
        by principal: Principal
    ) async throws -> TrackedAction {
        guard dueOn >= startOn else {
            throw DomainError(.invalidInput, "an action due on \(dueOn) cannot start later, on \(startOn)")
        }
        _ = try await records.require(Recommendation.self, id: recommendation, as: principal)
        let stream = try await records.all(WorkStream.self, as: .system).first {
            $0.value.recommendations.contains(recommendation)
        }
        let action = TrackedAction(
            id: environment.ids.make(),
            recommendation: recommendation,
            workStream: stream?.value.id,
            text: text,
            ownerAgency: owner,
            lead: lead,
            startOn: startOn,
            dueOn: dueOn
        )
        return try await records.save(action, version: 0, by: principal).value
    }

    /// Records a progress update on an action, with the status it reports.
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
        return try await changeAction(action, by: principal) { action, day in
            action.status = status
            action.updates.append(TrackedAction.Update(on: day, by: principal.id, text: text, status: status))
        }
    }

    /// Completes an action; with evidence it is completed and evidenced.
    @discardableResult
    public func complete(
        _ action: TrackedAction.ID,
        evidence: [EvidenceReference],
        note: String,
        by principal: Principal
    )
        async throws -> TrackedAction
    {
        try await changeAction(action, by: principal) { action, day in
            action.status = evidence.isEmpty ? .completed : .completedAndEvidenced
            action.completedOn = action.completedOn ?? day
            action.completionEvidence = evidence.isEmpty ? action.completionEvidence : evidence
            action.updates.append(TrackedAction.Update(on: day, by: principal.id, text: note, status: action.status))
        }
    }

    private func changeAction(
        _ id: TrackedAction.ID,
        by principal: Principal,
        _ edit: (inout TrackedAction, Day) throws -> Void
    )
        async throws -> TrackedAction
    {
        let today = environment.today()
        return try await records.modify(TrackedAction.self, id: id, by: principal) { try edit(&$0, today) }.value
    }

    // MARK: Impact

    /// Records evidence that a recommendation changed practice.
    @discardableResult
    public func recordImpact(
        of recommendation: Recommendation.ID,
        judgement: ImpactRecord.Judgement,
        evidence: [ImpactRecord.Evidence],
        by principal: Principal
    ) async throws -> ImpactRecord {
        guard !evidence.isEmpty else {
            throw DomainError(
                .invalidInput,
                "evidence of impact for recommendation \(recommendation) is empty; name at least one source"
            )
        }
        _ = try await records.require(Recommendation.self, id: recommendation, as: principal)
        let record = ImpactRecord(
            id: environment.ids.make(),
            recommendation: recommendation,
            judgement: judgement,
            evidence: evidence,
            recordedOn: environment.today(),
            recordedBy: principal.id
        )
        return try await records.save(record, version: 0, by: principal).value
    }

    /// Closes a recommendation on evidence that practice changed.
    ///
    /// - Throws: `DomainError.Code.invalidTransition` when no impact record judges the change
    ///   embedded or progressing: completing its actions is not enough.
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
        )
        .map(\.value).filter { $0.judgement == .embedded || $0.judgement == .progressing }
        guard let latest = impact.max(by: { $0.recordedOn < $1.recordedOn }) else {
            throw DomainError(
                .invalidTransition,
                "recommendation \(recommendation) has no evidence that practice changed; record its impact before closing it"
            )
        }
        var closed = held.value
        closed.status = .closed
        closed.closedOn = environment.today()
        closed.closingNote = "Impact \(latest.judgement): " + latest.evidence.map(\.summary).joined(separator: "; ")
        return try await records.save(closed, version: held.version, by: principal).value
    }

    // MARK: Dissemination

    /// Stores a learning product.
    @discardableResult
    public func publish(_ product: LearningProduct, by principal: Principal) async throws -> LearningProduct {
        let held = try await records.load(LearningProduct.self, id: product.id, as: principal)
        return try await records.save(product, version: held?.version ?? 0, by: principal).value
    }
}
