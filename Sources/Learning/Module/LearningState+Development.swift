public import Domain

/// The learning and development programme's records, loaded once per view.
public struct DevelopmentState: Sendable {
    /// Every programme.
    public var programmes: [DevelopmentProgramme]
    /// Every course.
    public var courses: [Course]
    /// Every session.
    public var sessions: [CourseSession]
    /// Every agency's places at every session.
    public var attendance: [Attendance]
    /// Every evaluation.
    public var evaluations: [Evaluation]
    /// Every agency's own learning activity.
    public var activities: [AgencyLearningActivity]

    /// The records a view sees, loaded once per view.
    public static func load(_ view: AssuranceView) async throws -> DevelopmentState {
        try await view.memoized("learning.development") {
            DevelopmentState(
                programmes: try await view.all(DevelopmentProgramme.self),
                courses: try await view.all(Course.self),
                sessions: try await view.all(CourseSession.self),
                attendance: try await view.all(Attendance.self),
                evaluations: try await view.all(Evaluation.self),
                activities: try await view.all(AgencyLearningActivity.self)
            )
        }
    }

    /// The programme of the year containing a day, if there is one.
    public func programme(on day: Day) -> DevelopmentProgramme? {
        programmes.first { $0.year.contains(day) }
    }

    /// The sessions held by a day (not cancelled), in day order.
    public func held(by day: Day) -> [CourseSession] {
        sessions.filter { !$0.isCancelled && $0.day <= day }.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
    }
}
