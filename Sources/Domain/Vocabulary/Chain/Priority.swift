/// One of the partnership's priorities for a year, as its annual report sets them out: what it
/// seeks to change, and the measures that show whether it is.
///
/// The framework is built on "locally agreed priorities set out in the Annual Report" to which every
/// group and project links: groups, work streams and audits name the priorities they serve
/// (``Group/priorities``, ``WorkStream/priorities``), and a priority names its measures.
public struct Priority: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "priority" }
    /// The type of the priority's identifier.
    public typealias ID = Identifier<Priority>
    /// `domain.priority`.
    public static var recordType: RecordType { "domain.priority" }

    /// The priority's id.
    public var id: Priority.ID
    /// Its title, such as `Neglect: earlier help`.
    public var title: String
    /// The financial year it is a priority for.
    public var year: ReportingPeriod
    /// The outcome it seeks, as the annual report puts it.
    public var outcome: String
    /// The measures that show whether it is achieved.
    public var measures: [MeasureID]
    /// The themes it bears on, which link the learning on those themes to it.
    public var themes: [Theme]

    /// Creates a priority.
    public init(
        id: Priority.ID,
        title: String,
        year: ReportingPeriod,
        outcome: String,
        measures: [MeasureID] = [],
        themes: [Theme] = []
    ) {
        self.id = id
        self.title = title
        self.year = year
        self.outcome = outcome
        self.measures = measures
        self.themes = themes
    }

    /// Indexed by year.
    public var index: RecordIndex { RecordIndex(period: year) }
    /// Part of the partnership's structure, read by everyone.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}
