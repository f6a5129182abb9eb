public import Domain
import Foundation

/// The learning and development programme: commissioned each year, its courses and sessions, the
/// places each agency commits to and takes up, evaluations at the end of a session and some months
/// after, and agencies' own learning activity.
///
/// A follow-up evaluation is evidence of impact on the recommendations its course answers, in the
/// one action tracker.
///
/// ```swift
/// let development = LearningAndDevelopment(environment: environment)
/// try await development.commit(places: 4, of: police, to: session.id, by: policeLead)
/// try await development.recordAttendance(3, of: police, at: session.id, by: trainer)
/// ```
public struct LearningAndDevelopment: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment

    /// Creates the service.
    public init(environment: AssuranceEnvironment) {
        self.environment = environment
    }

    var records: Records { environment.records }

    // MARK: The programme

    /// Stores a year's programme (a new one at version 0, or a change at the version held).
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a period that is not a year.
    @discardableResult
    public func save(
        _ programme: DevelopmentProgramme,
        version: Int = 0,
        by principal: Principal
    ) async throws -> Versioned<DevelopmentProgramme> {
        guard programme.year.kind == .year else {
            throw DomainError(
                .invalidInput,
                "programme \(programme.id) covers \(programme.year), a \(programme.year.kind.rawValue); a programme covers a year"
            )
        }
        return try await records.save(programme, version: version, by: principal)
    }

    /// Records that the Practice Development Group commissioned a programme, today.
    @discardableResult
    public func commission(
        _ programme: DevelopmentProgramme.ID,
        by principal: Principal
    ) async throws
        -> DevelopmentProgramme
    {
        let day = environment.today()
        return try await records.modify(DevelopmentProgramme.self, id: programme, by: principal) {
            $0.commissionedOn = day
            $0.commissionedBy = principal.id
        }.value
    }

    /// Adds a course to a programme.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a course with no theme (it could answer no
    ///   work stream); `DomainError.Code.notFound` for an unknown programme or recommendation.
    @discardableResult
    public func add(_ course: Course, by principal: Principal) async throws -> Course {
        guard !course.themes.isEmpty else {
            throw DomainError(.invalidInput, "course \(course.id) has no theme; name the themes it answers")
        }
        _ = try await records.require(DevelopmentProgramme.self, id: course.programme, as: principal)
        for recommendation in course.answers {
            _ = try await records.require(Recommendation.self, id: recommendation, as: principal)
        }
        return try await records.save(course, version: 0, by: principal).value
    }

    /// Schedules a session of a course, in its programme's year.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for no places, or a day outside the programme's year.
    @discardableResult
    public func schedule(_ session: CourseSession, by principal: Principal) async throws -> CourseSession {
        guard session.placesOffered > 0 else {
            throw DomainError(
                .invalidInput,
                "session \(session.id) offers \(session.placesOffered) places; expected at least 1"
            )
        }
        let course = try await records.require(Course.self, id: session.course, as: principal).value
        let programme = try await records.require(DevelopmentProgramme.self, id: course.programme, as: principal).value
        guard programme.year.contains(session.day) else {
            throw DomainError(
                .invalidInput,
                "session \(session.id) is on \(session.day), outside its programme's year \(programme.year.label)"
            )
        }
        return try await records.save(session, version: 0, by: principal).value
    }

    /// Cancels a session, with the reason.
    @discardableResult
    public func cancel(
        _ session: CourseSession.ID,
        because reason: String,
        by principal: Principal
    ) async throws
        -> CourseSession
    {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "cancelling session \(session) needs a reason")
        }
        return try await records.modify(CourseSession.self, id: session, by: principal) {
            $0.cancelledBecause = reason
        }.value
    }

    // MARK: Places and attendance

    /// Commits an agency to places at a session, or changes its commitment.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for fewer than one place, a cancelled session, or
    ///   more places than the session has left; `DomainError.Code.accessDenied` for another
    ///   agency's places.
    @discardableResult
    public func commit(
        places: Int,
        of agency: Agency.ID,
        to sessionID: CourseSession.ID,
        by principal: Principal
    ) async throws -> Attendance {
        guard places > 0 else {
            throw DomainError(
                .invalidInput,
                "\(agency) commits \(places) places to session \(sessionID); expected at least 1"
            )
        }
        let session = try await records.require(CourseSession.self, id: sessionID, as: .system).value
        if let reason = session.cancelledBecause {
            throw DomainError(
                .invalidInput,
                "session \(sessionID) was cancelled (\(reason)); no places can be committed"
            )
        }
        let others = try await records.all(Attendance.self, RecordFilter(parent: sessionID.retyped()), as: .system)
            .map(\.value).filter { $0.agency != agency }
        let taken = others.reduce(0) { $0 + $1.committed }
        guard taken + places <= session.placesOffered else {
            throw DomainError(
                .invalidInput,
                "session \(sessionID) has \(session.placesOffered - taken) of \(session.placesOffered) places left; \(agency) asked for \(places)"
            )
        }
        let id = Attendance.id(session: sessionID, agency: agency)
        let held = try await records.load(Attendance.self, id: id, as: principal)
        var attendance = held?.value ?? Attendance(session: session, agency: agency, committed: places)
        attendance.committed = places
        return try await records.save(attendance, version: held?.version ?? 0, by: principal).value
    }

    /// Records how many of an agency's committed places were taken up at a session held.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a session not yet held or cancelled, or a number
    ///   outside 0 to the places committed; `DomainError.Code.notFound` when the agency committed none.
    @discardableResult
    public func recordAttendance(
        _ attended: Int,
        of agency: Agency.ID,
        at sessionID: CourseSession.ID,
        by principal: Principal
    ) async throws -> Attendance {
        let session = try await records.require(CourseSession.self, id: sessionID, as: .system).value
        guard !session.isCancelled, session.day <= environment.today() else {
            throw DomainError(
                .invalidInput,
                "session \(sessionID) \(session.isCancelled ? "was cancelled" : "is not held until \(session.day)"); attendance is recorded once it is held"
            )
        }
        return try await records.modify(
            Attendance.self,
            id: Attendance.id(session: sessionID, agency: agency),
            by: principal
        ) { attendance in
            guard (0...attendance.committed).contains(attended) else {
                throw DomainError(
                    .invalidInput,
                    "\(agency) attended \(attended) places at session \(sessionID); it committed \(attendance.committed)"
                )
            }
            attendance.attended = attended
        }.value
    }

    // MARK: Evaluation and impact

    /// Records an evaluation of a session that was held.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for no respondents, more saying practice changed than
    ///   answered, an empty summary, a cancelled session, or an evaluation before the session.
    @discardableResult
    public func record(_ evaluation: Evaluation, by principal: Principal) async throws -> Evaluation {
        guard evaluation.respondents > 0, (0...evaluation.respondents).contains(evaluation.practiceChanged) else {
            throw DomainError(
                .invalidInput,
                "evaluation \(evaluation.id): \(evaluation.practiceChanged) of \(evaluation.respondents) respondents; expected at least 1 respondent and no more saying practice changed than answered"
            )
        }
        guard !evaluation.summary.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "evaluation \(evaluation.id) has no summary; say what practitioners said")
        }
        let session = try await records.require(CourseSession.self, id: evaluation.session, as: principal).value
        guard !session.isCancelled, evaluation.on >= session.day, session.course == evaluation.course else {
            throw DomainError(
                .invalidInput,
                "evaluation \(evaluation.id) is of session \(session.id) of course \(session.course)"
                    + (session.isCancelled ? ", which was cancelled" : ", held on \(session.day)")
                    + "; an evaluation follows a session held, of its own course"
            )
        }
        return try await records.save(evaluation, version: 0, by: principal).value
    }

    /// Records a follow-up evaluation as evidence of impact on each recommendation its course answers.
    ///
    /// The judgement follows the share of practitioners who said practice changed: three in four or
    /// more is `embedded`, half or more `progressing`, fewer `notYetEvident` (thresholds that are the
    /// package's local defaults, as `embeddedShare` and `progressingShare`).
    ///
    /// - Throws: `DomainError.Code.invalidInput` for an end-of-session evaluation (it says what
    ///   practitioners mean to do, not what changed), or a course that answers no recommendation.
    @discardableResult
    public func recordImpact(
        of evaluation: Evaluation.ID,
        embeddedShare: Double = 0.75,
        progressingShare: Double = 0.5,
        by principal: Principal
    ) async throws -> [ImpactRecord] {
        let held = try await records.require(Evaluation.self, id: evaluation, as: principal).value
        guard held.stage == .followUp else {
            throw DomainError(
                .invalidInput,
                "evaluation \(evaluation) was made at the end of its session; impact on practice is evidenced by a follow-up"
            )
        }
        let course = try await records.require(Course.self, id: held.course, as: principal).value
        guard !course.answers.isEmpty else {
            throw DomainError(.invalidInput, "course \(course.id) answers no recommendation; name those it answers")
        }
        let judgement: ImpactRecord.Judgement =
            held.share >= embeddedShare ? .embedded : held.share >= progressingShare ? .progressing : .notYetEvident
        let summary =
            "\(course.title): \(held.practiceChanged) of \(held.respondents) practitioners said their practice changed "
            + "(follow-up of \(held.on)). \(held.summary)"
        let tracker = ActionTracker(environment: environment)
        var batch = RecordBatch()
        var written: [ImpactRecord] = []
        for recommendation in course.answers {
            written.append(
                try await tracker.stageImpact(
                    of: recommendation,
                    judgement: judgement,
                    evidence: [
                        ImpactRecord.Evidence(kind: .trainingEvaluation, summary: summary, reference: held.reference)
                    ],
                    source: held.reference,
                    in: &batch,
                    by: principal
                )
            )
        }
        try await records.commit(batch, by: principal)
        return written
    }

    /// Records an agency's own learning activity.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for no participants or no summary;
    ///   `DomainError.Code.accessDenied` for another agency's activity.
    @discardableResult
    public func record(
        _ activity: AgencyLearningActivity,
        by principal: Principal
    ) async throws
        -> AgencyLearningActivity
    {
        guard activity.participants > 0, !activity.summary.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "agency activity \(activity.id) needs at least 1 participant and a summary of what it did"
            )
        }
        return try await records.save(activity, version: 0, by: principal).value
    }
}
