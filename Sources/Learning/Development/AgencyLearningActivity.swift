public import Domain

/// An agency's own learning activity: how it embeds learning beyond the programme.
public struct AgencyLearningActivity: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "agency learning activity" }
    /// The type of the record's identifier.
    public typealias ID = Identifier<AgencyLearningActivity>
    /// `learning.agency-activity`.
    public static var recordType: RecordType { "learning.agency-activity" }

    /// The framework's kinds of agency activity that embed learning.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// A learning circle.
        case learningCircle = "learning-circle"
        /// A single-agency briefing.
        case singleAgencyBriefing = "single-agency-briefing"
        /// Mentoring or shadowing.
        case mentoringAndShadowing = "mentoring-and-shadowing"
        /// An audit of supervision.
        case supervisionAudit = "supervision-audit"

        /// The kind as a report names it.
        public var description: String {
            switch self {
            case .learningCircle: "Learning circle"
            case .singleAgencyBriefing: "Single-agency briefing"
            case .mentoringAndShadowing: "Mentoring and shadowing"
            case .supervisionAudit: "Supervision audit"
            }
        }
    }

    /// The record's id.
    public var id: AgencyLearningActivity.ID
    /// The agency.
    public var agency: Agency.ID
    /// Its kind.
    public var kind: Kind
    /// The day it took place.
    public var day: Day
    /// How many practitioners took part.
    public var participants: Int
    /// What it did, in a sentence.
    public var summary: String
    /// The themes it bears on.
    public var themes: [Theme]

    /// Creates an activity.
    public init(
        id: AgencyLearningActivity.ID,
        agency: Agency.ID,
        kind: Kind,
        day: Day,
        participants: Int,
        summary: String,
        themes: [Theme] = []
    ) {
        self.id = id
        self.agency = agency
        self.kind = kind
        self.day = day
        self.participants = participants
        self.summary = summary
        self.themes = themes
    }

    /// Indexed by agency and month.
    public var index: RecordIndex { RecordIndex(agency: agency, period: .containing(day, kind: .month)) }
    /// The agency's own.
    public var accessScope: AccessScope { AccessScope(.learning, agency: agency) }
}
