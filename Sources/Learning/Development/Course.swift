public import Domain

/// A course, briefing or learning event of the programme, and what it answers.
public struct Course: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "course" }
    /// The type of the course's identifier.
    public typealias ID = Identifier<Course>
    /// `learning.course`.
    public static var recordType: RecordType { "learning.course" }

    /// The kind of offer.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// A course of the partnership's multi-agency training programme.
        case multiAgencyCourse = "multi-agency-course"
        /// An agency's own course, offered through the programme.
        case singleAgencyCourse = "single-agency-course"
        /// A briefing, such as a seven-minute briefing delivered in person.
        case briefing
        /// A learning event: a conference, a learning review's feedback, a practice week.
        case learningEvent = "learning-event"

        /// The kind as a report names it.
        public var description: String {
            switch self {
            case .multiAgencyCourse: "Multi-agency course"
            case .singleAgencyCourse: "Single-agency course"
            case .briefing: "Briefing"
            case .learningEvent: "Learning event"
            }
        }
    }

    /// The course's id.
    public var id: Course.ID
    /// The programme it belongs to.
    public var programme: DevelopmentProgramme.ID
    /// Its title.
    public var title: String
    /// Its kind.
    public var kind: Kind
    /// The agency that runs it, for a single-agency course.
    public var provider: Agency.ID?
    /// The themes it answers.
    public var themes: [Theme]
    /// The partnership's priorities it serves.
    public var priorities: [Priority.ID]
    /// The recommendations of reviews and audits it answers: its evaluated impact is evidence on them.
    public var answers: [Recommendation.ID]

    /// Creates a course.
    public init(
        id: Course.ID,
        programme: DevelopmentProgramme.ID,
        title: String,
        kind: Kind,
        provider: Agency.ID? = nil,
        themes: [Theme],
        priorities: [Priority.ID] = [],
        answers: [Recommendation.ID] = []
    ) {
        self.id = id
        self.programme = programme
        self.title = title
        self.kind = kind
        self.provider = provider
        self.themes = themes
        self.priorities = priorities
        self.answers = answers
    }

    /// Indexed by programme.
    public var index: RecordIndex { RecordIndex(parent: programme.retyped(), key: kind.rawValue) }
    /// Learning, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
