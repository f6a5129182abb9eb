public import Domain

/// A year's safeguarding learning and development programme: commissioned by the Practice
/// Development Group on the Workforce Development Group's strategy.
///
/// Fact: the Practice Development Group commissions "an annual safeguarding learning and development
/// programme through the strategy developed by the Workforce Development Group". Source: the starter profile's framework
/// document, "The Role of the Practice Development Group".
public struct DevelopmentProgramme: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "learning and development programme" }
    /// The type of the programme's identifier.
    public typealias ID = Identifier<DevelopmentProgramme>
    /// `learning.programme`.
    public static var recordType: RecordType { "learning.programme" }

    /// The programme's id.
    public var id: DevelopmentProgramme.ID
    /// The financial year it covers.
    public var year: ReportingPeriod
    /// The Workforce Development Group's strategy it follows, by title.
    public var strategy: String
    /// The themes it sets out to cover.
    public var themes: [Theme]
    /// The day the Practice Development Group commissioned it, once it has.
    public var commissionedOn: Day?
    /// Who recorded the commissioning.
    public var commissionedBy: Principal.ID?

    /// Creates a programme, not yet commissioned.
    public init(id: DevelopmentProgramme.ID, year: ReportingPeriod, strategy: String, themes: [Theme] = []) {
        self.id = id
        self.year = year
        self.strategy = strategy
        self.themes = themes
    }

    /// Indexed by year.
    public var index: RecordIndex { RecordIndex(period: year) }
    /// Learning, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
