/// An external inspection's report: its recommendations enter the one action tracker like any other.
public struct Inspection: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "inspection" }
    /// The type of the inspection's identifier.
    public typealias ID = Identifier<Inspection>
    /// `domain.inspection`.
    public static var recordType: RecordType { "domain.inspection" }

    /// The record's id.
    public var id: Inspection.ID
    /// Who inspected, such as `Ofsted`, `CQC`, `HMICFRS`, or a joint targeted area inspection.
    public var inspectorate: String
    /// The inspection's title.
    public var title: String
    /// The day its report was published.
    public var reportedOn: Day
    /// Its overall judgement, in the inspectorate's words, if it gave one.
    public var judgement: String?
    /// The recommendations it made, as recorded in the tracker.
    public var recommendations: [Recommendation.ID]

    /// Creates an inspection's record.
    public init(
        id: Inspection.ID,
        inspectorate: String,
        title: String,
        reportedOn: Day,
        judgement: String? = nil,
        recommendations: [Recommendation.ID] = []
    ) {
        self.id = id
        self.inspectorate = inspectorate
        self.title = title
        self.reportedOn = reportedOn
        self.judgement = judgement
        self.recommendations = recommendations
    }

    /// Indexed by the month of the report.
    public var index: RecordIndex { RecordIndex(period: .containing(reportedOn, kind: .month)) }
    /// The partnership's, readable by everyone.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}
