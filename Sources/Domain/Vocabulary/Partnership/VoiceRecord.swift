/// What children, young people, parents and carers told the partnership.
///
/// The framework calls their voices the most important measure of outcomes. A voice record holds
/// a consented summary, never a name, and what changed as a result when that is known.
public struct VoiceRecord: StorableRecord, IdentifierKind, Hashable {
    /// The type of the voicerecord's identifier.
    public typealias ID = Identifier<VoiceRecord>
    /// The noun used in messages.
    public static var noun: String { "voice record" }
    /// `domain.voice`.
    public static var recordType: RecordType { "domain.voice" }

    /// Who spoke.
    public enum Speaker: String, Hashable, Sendable, Codable, CaseIterable {
        /// A child.
        case child
        /// A young person.
        case youngPerson = "young-person"
        /// A parent.
        case parent
        /// A carer.
        case carer
        /// A family together.
        case family

        /// Who spoke, as a sentence begins: `A young person`.
        public var label: String {
            switch self {
            case .child: "A child"
            case .youngPerson: "A young person"
            case .parent: "A parent"
            case .carer: "A carer"
            case .family: "A family"
            }
        }

        /// Who spoke, as a table names them: `Young person`.
        public var name: String {
            switch self {
            case .child: "Child"
            case .youngPerson: "Young person"
            case .parent: "Parent"
            case .carer: "Carer"
            case .family: "Family"
            }
        }

        /// Who spoke, in the plural: `young people`.
        public var plural: String {
            switch self {
            case .child: "children"
            case .youngPerson: "young people"
            case .parent: "parents"
            case .carer: "carers"
            case .family: "families"
            }
        }
    }

    /// How the views were gathered.
    public enum Channel: String, Hashable, Sendable, Codable, CaseIterable {
        /// A survey.
        case survey
        /// A conversation during an audit.
        case auditConversation = "audit-conversation"
        /// A forum or participation group.
        case forum
        /// Feedback or a complaint.
        case feedback
        /// Through an advocate.
        case advocacy
        /// A walkabout or visit.
        case visit
        /// Any other way.
        case other
    }

    /// The record's id.
    public var id: VoiceRecord.ID
    /// Who spoke.
    public var speaker: Speaker
    /// How the views were gathered.
    public var channel: Channel
    /// The day they were gathered.
    public var day: Day
    /// Themes they bear on.
    public var themes: [Theme]
    /// A summary the speaker consented to share, with nothing that identifies them.
    public var consentedSummary: String
    /// What changed as a result, once known.
    public var whatChanged: String?
    /// The agency that gathered the views, if any.
    public var agency: Agency.ID?
    /// The record the views were gathered for (an audit, a review), if any.
    public var relatedTo: RecordReference?

    /// Creates a voice record.
    public init(
        id: VoiceRecord.ID,
        speaker: Speaker,
        channel: Channel,
        day: Day,
        themes: [Theme] = [],
        consentedSummary: String,
        whatChanged: String? = nil,
        agency: Agency.ID? = nil,
        relatedTo: RecordReference? = nil
    ) {
        self.id = id
        self.speaker = speaker
        self.channel = channel
        self.day = day
        self.themes = themes
        self.consentedSummary = consentedSummary
        self.whatChanged = whatChanged
        self.agency = agency
        self.relatedTo = relatedTo
    }

    /// Indexed by agency, month and the related record.
    public var index: RecordIndex {
        RecordIndex(agency: agency, period: .containing(day, kind: .month), parent: relatedTo?.id)
    }
    /// Voice, scoped to the agency.
    public var accessScope: AccessScope { AccessScope(.voice, agency: agency) }
}
