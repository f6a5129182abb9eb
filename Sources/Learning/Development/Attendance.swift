public import Domain

/// An agency's places at a session: committed, and attended once the session is held, so that
/// places not taken up show.
///
/// Fact: the framework measures an agency's commitment to safeguarding by "training courses
/// committed to and attended". Source: the starter profile's framework document, "Continuous Learning".
public struct Attendance: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "attendance" }
    /// The type of the record's identifier.
    public typealias ID = Identifier<Attendance>
    /// `learning.attendance`.
    public static var recordType: RecordType { "learning.attendance" }

    /// The record's id: the session's and the agency's.
    public var id: Attendance.ID
    /// The session.
    public var session: CourseSession.ID
    /// The session's course.
    public var course: Course.ID
    /// The session's day.
    public var day: Day
    /// The agency.
    public var agency: Agency.ID
    /// The places it committed to.
    public var committed: Int
    /// The places it took up, once recorded.
    public var attended: Int?

    /// Creates an agency's commitment to a session.
    public init(session: CourseSession, agency: Agency.ID, committed: Int) {
        self.id = Self.id(session: session.id, agency: agency)
        self.session = session.id
        self.course = session.course
        self.day = session.day
        self.agency = agency
        self.committed = committed
    }

    /// The id of an agency's places at a session.
    public static func id(session: CourseSession.ID, agency: Agency.ID) -> Attendance.ID {
        Identifier(unchecked: "\(session)-\(agency)")
    }

    /// Places committed but not taken up: the "did not attend".
    public var didNotAttend: Int? { attended.map { max(0, committed - $0) } }

    /// Indexed by agency, session and month.
    public var index: RecordIndex {
        RecordIndex(agency: agency, period: .containing(day, kind: .month), parent: session.retyped())
    }
    /// The agency's own: its lead reads its own attendance, and no other agency's.
    public var accessScope: AccessScope { AccessScope(.learning, agency: agency) }
}
