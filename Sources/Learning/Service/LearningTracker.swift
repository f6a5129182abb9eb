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

    var records: Records { environment.records }

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
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a review with no title, a milestone after today
    ///   or before one it follows (`Review.check(today:)`); `accessDenied`; `staleWrite` for an id
    ///   already held.
    @discardableResult
    public func open(_ review: Review, by principal: Principal) async throws -> Review {
        try review.check(today: environment.today())
        return try await records.save(review, version: 0, by: principal).value
    }

    /// Records a key day of a review.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a day after today, or before a milestone it
    ///   follows, naming the milestone, the day and the day expected; `unchanged` when the review
    ///   already holds that day.
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

    /// Changes a review, checking it after the change: every day recorded no later than today and
    /// in order, and every name a name.
    private func change(
        _ id: Review.ID,
        by principal: Principal,
        _ edit: (inout Review) throws -> Void
    ) async throws -> Review {
        let today = environment.today()
        return try await records.modify(Review.self, id: id, by: principal) { review in
            try edit(&review)
            try review.check(today: today)
        }.value
    }

    /// The one action tracker, which Learning writes through like every module: raise a
    /// recommendation, add and update its actions, record impact and close it there.
    ///
    /// ```swift
    /// let (recommendation, stream) = try await learning.tracker.raise(recommendation, by: lead)
    /// ```
    public var tracker: ActionTracker { ActionTracker(environment: environment) }

    // MARK: Recommendations and work streams

    /// Places every open recommendation with a theme that is not yet in a work stream: those raised
    /// by audits, Section 11 and others, in one transaction.
    ///
    /// - Returns: The work streams changed.
    @discardableResult
    public func placeNewRecommendations(by principal: Principal) async throws -> [WorkStream] {
        var streams = try await records.all(WorkStream.self, as: principal)
        let placed = Set(streams.flatMap(\.value.recommendations))
        var changed = Set<Int>()
        for recommendation in try await records.all(Recommendation.self, as: principal).map(\.value)
        where !placed.contains(recommendation.id) && recommendation.status == .open {
            if let index = WorkStream.place(recommendation, in: &streams, ids: environment.ids) {
                changed.insert(index)
            }
        }
        var batch = RecordBatch()
        for index in changed.sorted() {
            try batch.save(streams[index].value, version: streams[index].version)
        }
        try await records.commit(batch, by: principal)
        return changed.sorted().map { streams[$0].value }.sorted { $0.id < $1.id }
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

    // MARK: Dissemination

    /// Stores a learning product.
    @discardableResult
    public func publish(_ product: LearningProduct, by principal: Principal) async throws -> LearningProduct {
        let held = try await records.load(LearningProduct.self, id: product.id, as: principal)
        return try await records.save(product, version: held?.version ?? 0, by: principal).value
    }
}
