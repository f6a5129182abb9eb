public import Domain

/// A learning product: how the partnership feeds learning back to practitioners.
public struct LearningProduct: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "learning product" }
    /// The type of the product's identifier.
    public typealias ID = Identifier<LearningProduct>
    /// `learning.product`.
    public static var recordType: RecordType { "learning.product" }
    /// Version 2: a product says where to find it (``location``).
    public static var schemaVersion: Int { 2 }
    /// Version 1 had no location: such a product keeps none, and reports say it is not yet online.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// The kinds of learning product the framework names.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A learning briefing.
        case learningBriefing = "learning-briefing"
        /// A practice review summary.
        case practiceReviewSummary = "practice-review-summary"
        /// A case conversation.
        case caseConversation = "case-conversation"
        /// A storyboard.
        case storyboard
        /// A podcast.
        case podcast
        /// A video.
        case video
        /// A newsletter item.
        case newsletterItem = "newsletter-item"
        /// A practitioner workshop.
        case workshop
        /// A SafeFest conference session.
        case safeFestSession = "safefest-session"
        /// A training module.
        case trainingModule = "training-module"
    }

    /// Who a product is for.
    public enum Audience: Hashable, Sendable, Codable {
        /// An agency.
        case agency(Agency.ID)
        /// A locality.
        case locality(Locality.ID)
        /// A role, such as designated safeguarding leads.
        case role(String)
    }

    /// How far it reached, where the host knows.
    public struct Reach: Hashable, Sendable, Codable {
        /// Copies issued.
        public var issued: Int?
        /// Times opened.
        public var opened: Int?
        /// People who attended.
        public var attended: Int?

        /// Creates a reach.
        public init(issued: Int? = nil, opened: Int? = nil, attended: Int? = nil) {
            self.issued = issued
            self.opened = opened
            self.attended = attended
        }
    }

    /// The product's id.
    public var id: LearningProduct.ID
    /// Its kind.
    public var kind: Kind
    /// Its title.
    public var title: String
    /// The reviews and audits it draws on.
    public var drawsOn: [RecordReference]
    /// Who it is for.
    public var audiences: [Audience]
    /// The day it was issued, once it has been.
    public var issuedOn: Day?
    /// How far it reached.
    public var reach: Reach
    /// Where a practitioner finds it: a web address, or a place such as the partnership's training
    /// library; `nil` while it is not yet available.
    public var location: String?

    /// Creates a product.
    public init(
        id: LearningProduct.ID,
        kind: Kind,
        title: String,
        drawsOn: [RecordReference],
        audiences: [Audience],
        issuedOn: Day? = nil,
        reach: Reach = Reach(),
        location: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.drawsOn = drawsOn
        self.audiences = audiences
        self.issuedOn = issuedOn
        self.reach = reach
        self.location = location
    }

    /// Indexed by the month of issue.
    public var index: RecordIndex { RecordIndex(period: issuedOn.map { .containing($0, kind: .month) }) }
    /// Learning.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
