/// A recommendation from any source — a review, an audit, a Section 11 cycle, scrutiny or the
/// partnership's own plans — that the one action tracker follows until there is evidence of impact.
///
/// Modules create recommendations; Learning groups them into themed work streams, tracks their
/// actions and closes them only on evidence of impact.
public struct Recommendation: StorableRecord, IdentifierKind, Hashable {
    /// The type of the recommendation's identifier.
    public typealias ID = Identifier<Recommendation>
    /// The noun used in messages.
    public static var noun: String { "recommendation" }
    /// `domain.recommendation`.
    public static var recordType: RecordType { "domain.recommendation" }

    /// Where a recommendation came from.
    public struct Source: Hashable, Sendable, Codable {
        /// The kind of source.
        public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
            /// A rapid review or a practice review of any kind.
            case review
            /// An audit.
            case audit
            /// A Section 11 or s175 cycle.
            case section11
            /// A scrutiny session or the independent scrutineer.
            case scrutiny
            /// The partnership's own plans.
            case partnershipPlan = "partnership-plan"
            /// A measure's turn-the-curve plan, or a signal in its data.
            case measure
            /// An external inspection's report: Ofsted, CQC, HMICFRS or a joint targeted area inspection.
            case inspection
            /// Anything else.
            case other

            /// The kind in a sentence, as plural a report lists them: `reviews`, `Section 11 returns`.
            public var plural: String {
                switch self {
                case .review: "reviews"
                case .audit: "audits"
                case .section11: "Section 11 returns"
                case .scrutiny: "scrutiny"
                case .partnershipPlan: "the partnership's plans"
                case .measure: "measures"
                case .inspection: "inspections"
                case .other: "other sources"
                }
            }
        }

        /// The kind of source.
        public var kind: Kind
        /// The record it came from.
        public var record: RecordReference?
        /// The source's title, such as the review's name.
        public var title: String

        /// Creates a source.
        public init(_ kind: Kind, record: RecordReference? = nil, title: String) {
            self.kind = kind
            self.record = record
            self.title = title
        }
    }

    /// Where a recommendation stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Open: its actions are under way or yet to start.
        case open
        /// Closed on evidence of impact.
        case closed
        /// Not accepted by the partnership, with a reason.
        case declined
    }

    /// The recommendation's id.
    public var id: Recommendation.ID
    /// Where it came from.
    public var source: Source
    /// What it recommends.
    public var text: String
    /// The agency that owns it, if one does.
    public var ownerAgency: Agency.ID?
    /// Themes it bears on.
    public var themes: [Theme]
    /// The day it was made.
    public var raisedOn: Day
    /// The day it should be met by.
    public var dueOn: Day?
    /// Where it stands.
    public package(set) var status: Status
    /// The day it was closed or declined.
    public package(set) var closedOn: Day?
    /// Why it was closed or declined.
    public package(set) var closingNote: String?

    /// Creates an open recommendation.
    public init(
        id: Recommendation.ID,
        source: Source,
        text: String,
        ownerAgency: Agency.ID? = nil,
        themes: [Theme] = [],
        raisedOn: Day,
        dueOn: Day? = nil
    ) {
        self.id = id
        self.source = source
        self.text = text
        self.ownerAgency = ownerAgency
        self.themes = themes
        self.raisedOn = raisedOn
        self.dueOn = dueOn
        self.status = .open
    }

    /// Indexed by owner agency, status, due day and source record.
    public var index: RecordIndex {
        RecordIndex(agency: ownerAgency, status: RecordStatus(status), dueDay: dueOn, parent: source.record?.id)
    }
    /// Learning, scoped to the owner agency.
    public var accessScope: AccessScope { AccessScope(.learning, agency: ownerAgency) }
}
