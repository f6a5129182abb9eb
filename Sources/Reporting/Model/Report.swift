public import Domain

/// A report: a kind, a period, an audience, and its sections in order.
///
/// Reports are values: ``StandardReports`` assembles them from the composed modules and the open
/// findings, ``Disclosure`` fits them to their audience, and the renderers write them as Markdown,
/// HTML, JSON or CSV. The same records and day give the same report, byte for byte.
public struct Report: Hashable, Sendable {
    /// The kind of report.
    public var kind: ReportKind
    /// The title.
    public var title: String
    /// The partnership's name.
    public var partnership: String
    /// The period covered.
    public var period: ReportingPeriod
    /// Who it is for.
    public var audience: Audience
    /// The day it was made.
    public var day: Day
    /// The group it is about, for a sub-group report or scrutiny pack; the agency, for an agency's feedback.
    public var group: String?
    /// The modules whose sections the report would include but that the host did not compose.
    public var absentModules: [String]
    /// The sections, in order.
    public var sections: [ReportSection]

    /// Creates a report.
    public init(
        kind: ReportKind,
        title: String,
        partnership: String,
        period: ReportingPeriod,
        audience: Audience,
        day: Day,
        group: String? = nil,
        absentModules: [String] = [],
        sections: [ReportSection]
    ) {
        self.kind = kind
        self.title = title
        self.partnership = partnership
        self.period = period
        self.audience = audience
        self.day = day
        self.group = group
        self.absentModules = absentModules
        self.sections = sections
    }

    /// A file-name stem for the report, such as `pdg-assurance-FY2025-26-Q4-internal`.
    public var fileStem: String {
        let about = group.map { "-" + Formatting.slug($0) } ?? ""
        return "\(kind.rawValue)-\(period)\(about)-\(audience)"
    }
}

/// A report published to its audience: a viewer may read it.
public struct PublishedReport: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "published report" }
    /// The type of the report's identifier.
    public typealias ID = Identifier<PublishedReport>
    /// `reporting.published-report`.
    public static var recordType: RecordType { "reporting.published-report" }

    /// The report's id.
    public var id: PublishedReport.ID
    /// The kind of report.
    public var kind: ReportKind
    /// Its title.
    public var title: String
    /// The period covered.
    public var period: ReportingPeriod
    /// Who it is for.
    public var audience: Audience
    /// The day it was published.
    public var publishedOn: Day
    /// The report as JSON (``JSONRenderer``'s schema).
    public var json: String

    /// Creates a published report.
    public init(
        id: PublishedReport.ID,
        kind: ReportKind,
        title: String,
        period: ReportingPeriod,
        audience: Audience,
        publishedOn: Day,
        json: String
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.period = period
        self.audience = audience
        self.publishedOn = publishedOn
        self.json = json
    }

    /// Indexed by period and audience.
    public var index: RecordIndex { RecordIndex(period: period, status: RecordStatus(audience), key: kind.rawValue) }
    /// A published report.
    public var accessScope: AccessScope { AccessScope(.publishedReport) }
}
