public import Domain

/// One session of a course: its day and the places it offers, or its cancellation.
public struct CourseSession: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "course session" }
    /// The type of the session's identifier.
    public typealias ID = Identifier<CourseSession>
    /// `learning.course-session`.
    public static var recordType: RecordType { "learning.course-session" }

    /// The session's id.
    public var id: CourseSession.ID
    /// Its course.
    public var course: Course.ID
    /// The day it is held.
    public var day: Day
    /// The places it offers.
    public var placesOffered: Int
    /// Why it was cancelled, if it was.
    public var cancelledBecause: String?

    /// Creates a session.
    public init(id: CourseSession.ID, course: Course.ID, day: Day, placesOffered: Int) {
        self.id = id
        self.course = course
        self.day = day
        self.placesOffered = placesOffered
    }

    /// Whether it went ahead.
    public var isCancelled: Bool { cancelledBecause != nil }

    /// Indexed by course and month.
    public var index: RecordIndex { RecordIndex(period: .containing(day, kind: .month), parent: course.retyped()) }
    /// Learning, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
