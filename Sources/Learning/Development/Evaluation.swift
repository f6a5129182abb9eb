public import Domain

/// What a session's practitioners said: at its end, and in a follow-up some months later asking
/// whether practice changed.
///
/// Fact: the framework "uses evaluations to assess impact on practice", and surveys practitioners
/// and line managers on the impact on practice of learning and development activity. Source: the starter profile's
/// framework document, "Continuous Learning" and "Monitoring the Impact of Change".
public struct Evaluation: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "evaluation" }
    /// The type of the evaluation's identifier.
    public typealias ID = Identifier<Evaluation>
    /// `learning.evaluation`.
    public static var recordType: RecordType { "learning.evaluation" }

    /// When the evaluation was made.
    public enum Stage: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// At the end of the session.
        case endOfSession = "end-of-session"
        /// Some months later: has practice changed?
        case followUp = "follow-up"

        /// The stage's name.
        public var description: String { self == .endOfSession ? "end of session" : "follow-up" }
    }

    /// The evaluation's id.
    public var id: Evaluation.ID
    /// The session evaluated.
    public var session: CourseSession.ID
    /// The session's course.
    public var course: Course.ID
    /// When it was made.
    public var stage: Stage
    /// The day it closed.
    public var on: Day
    /// How many answered.
    public var respondents: Int
    /// How many said their practice had changed (a follow-up), or would (the end of a session).
    public var practiceChanged: Int
    /// What they said, in a sentence.
    public var summary: String

    /// Creates an evaluation.
    public init(
        id: Evaluation.ID,
        session: CourseSession.ID,
        course: Course.ID,
        stage: Stage,
        on: Day,
        respondents: Int,
        practiceChanged: Int,
        summary: String
    ) {
        self.id = id
        self.session = session
        self.course = course
        self.stage = stage
        self.on = on
        self.respondents = respondents
        self.practiceChanged = practiceChanged
        self.summary = summary
    }

    /// The share who said practice changed, from 0 to 1.
    public var share: Double { respondents == 0 ? 0 : Double(practiceChanged) / Double(respondents) }

    /// Indexed by session and stage.
    public var index: RecordIndex { RecordIndex(parent: session.retyped(), key: stage.rawValue) }
    /// Learning, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
