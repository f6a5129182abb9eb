/// The independent scrutineer's judgements of the partnership's arrangements for a year, in the
/// framework's three areas, each with its evidence.
///
/// Fact: independent scrutiny provides assurance of the arrangements' effectiveness through
/// judgements in three key areas: the leadership and governance of the arrangements, the extent to
/// which they protect and safeguard children, and their capacity to improve and develop services.
/// Source: the starter profile's framework document, "Independent Scrutiny".
public struct ScrutinyJudgement: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "scrutiny judgement" }
    /// The type of the judgement's identifier.
    public typealias ID = Identifier<ScrutinyJudgement>
    /// `domain.scrutiny-judgement`.
    public static var recordType: RecordType { "domain.scrutiny-judgement" }

    /// One of the framework's three areas of independent scrutiny.
    public enum Area: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// The leadership and governance of the arrangements.
        case leadershipAndGovernance = "leadership-and-governance"
        /// The extent to which the arrangements protect and safeguard children.
        case protectingChildren = "protecting-children"
        /// The capacity of the arrangements to improve and develop services.
        case capacityToImprove = "capacity-to-improve"

        /// The area as the framework names it.
        public var description: String {
            switch self {
            case .leadershipAndGovernance: "Leadership and governance"
            case .protectingChildren: "Protecting and safeguarding children"
            case .capacityToImprove: "Capacity to improve and develop services"
            }
        }
    }

    /// The judgement of one area.
    public struct AreaJudgement: Hashable, Sendable, Codable {
        /// The area.
        public var area: Area
        /// The rating, on the scale of the judgement (by default Outstanding, Good, Requires
        /// improvement, Inadequate).
        public var rating: RatingCode
        /// The evidence the scrutineer rests it on.
        public var evidence: String

        /// Creates an area's judgement.
        public init(area: Area, rating: RatingCode, evidence: String) {
            self.area = area
            self.rating = rating
            self.evidence = evidence
        }
    }

    /// The record's id.
    public var id: ScrutinyJudgement.ID
    /// The year judged.
    public var year: ReportingPeriod
    /// The scrutineer, by name or organisation.
    public var scrutineer: String
    /// The day the judgements were made.
    public var judgedOn: Day
    /// The scale the ratings are on.
    public var scale: RatingScale
    /// The judgement of each of the three areas.
    public var areas: [AreaJudgement]

    /// Creates the judgements, checking each of the three areas is judged once, on the scale, with
    /// evidence.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the area judged twice or not at all, a rating
    ///   not on the scale, or a judgement without evidence.
    public init(
        id: ScrutinyJudgement.ID,
        year: ReportingPeriod,
        scrutineer: String,
        judgedOn: Day,
        scale: RatingScale = .fourPoint,
        areas: [AreaJudgement]
    ) throws(DomainError) {
        let judged = areas.map(\.area)
        let missing = Area.allCases.filter { !judged.contains($0) }
        guard missing.isEmpty, Set(judged).count == judged.count else {
            throw DomainError(
                .invalidInput,
                "the scrutiny judgement \(id) must judge each of the three areas once; "
                    + (missing.isEmpty
                        ? "an area is judged twice"
                        : "not judged: "
                            + missing.map(\.description).joined(separator: ", "))
            )
        }
        for area in areas {
            guard scale.level(area.rating) != nil else {
                throw DomainError(
                    .invalidInput,
                    "the scrutiny judgement \(id): \(area.area) is rated \(DomainError.quote(area.rating.rawValue)), "
                        + "not on the scale \(scale.name); expected one of "
                        + scale.levels.map(\.code.rawValue).joined(separator: ", ")
                )
            }
            guard !area.evidence.allSatisfy(\.isWhitespace) else {
                throw DomainError(.invalidInput, "the scrutiny judgement \(id): \(area.area) has no evidence")
            }
        }
        self.id = id
        self.year = year
        self.scrutineer = scrutineer
        self.judgedOn = judgedOn
        self.scale = scale
        self.areas = areas.sorted { Area.allCases.firstIndex(of: $0.area)! < Area.allCases.firstIndex(of: $1.area)! }
    }

    /// Indexed by year.
    public var index: RecordIndex { RecordIndex(period: year) }
    /// The scrutineer's, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.scrutiny) }
}
