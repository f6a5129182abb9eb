public import Domain

/// The partnership's judgement of an agency's workforce for a period: recruitment and retention, use
/// of agency staff, training offered and taken up, and the quality and quantity of supervision.
public struct WorkforceJudgement: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "workforce judgement" }
    /// The type of the judgement's identifier.
    public typealias ID = Identifier<WorkforceJudgement>
    /// `section11.workforce-judgement`.
    public static var recordType: RecordType { "section11.workforce-judgement" }

    /// The judgement's id.
    public var id: WorkforceJudgement.ID
    /// The agency.
    public var agency: Agency.ID
    /// The period judged.
    public var period: ReportingPeriod
    /// Recruitment and retention.
    public var recruitmentAndRetention: RAG
    /// Use of agency staff.
    public var agencyStaff: RAG
    /// In-house training offered and taken up.
    public var training: RAG
    /// Quality and quantity of supervision.
    public var supervision: RAG
    /// The agency's narrative.
    public var narrative: String

    /// Creates a judgement.
    public init(
        id: WorkforceJudgement.ID,
        agency: Agency.ID,
        period: ReportingPeriod,
        recruitmentAndRetention: RAG,
        agencyStaff: RAG,
        training: RAG,
        supervision: RAG,
        narrative: String
    ) {
        self.id = id
        self.agency = agency
        self.period = period
        self.recruitmentAndRetention = recruitmentAndRetention
        self.agencyStaff = agencyStaff
        self.training = training
        self.supervision = supervision
        self.narrative = narrative
    }

    /// Indexed by agency and period.
    public var index: RecordIndex { RecordIndex(agency: agency, period: period) }
    /// Section 11 evidence, scoped to the agency.
    public var accessScope: AccessScope { AccessScope(.section11Assessment, agency: agency) }
}

/// A walkabout: a professionally curious visit to an agency, speaking with practitioners, managers
/// and families directly.
public struct Walkabout: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "walkabout" }
    /// The type of the walkabout's identifier.
    public typealias ID = Identifier<Walkabout>
    /// `section11.walkabout`.
    public static var recordType: RecordType { "section11.walkabout" }

    /// The walkabout's id.
    public var id: Walkabout.ID
    /// The agency visited.
    public var agency: Agency.ID
    /// The day of the visit.
    public var day: Day
    /// Who visited.
    public var visitors: [Principal.ID]
    /// What was seen.
    public var seen: String
    /// How many practitioners were spoken to.
    public var practitionersSpokenTo: Int
    /// How many families were spoken to.
    public var familiesSpokenTo: Int
    /// What was found.
    public var findings: [String]

    /// Creates a walkabout.
    public init(
        id: Walkabout.ID,
        agency: Agency.ID,
        day: Day,
        visitors: [Principal.ID],
        seen: String,
        practitionersSpokenTo: Int,
        familiesSpokenTo: Int,
        findings: [String]
    ) {
        self.id = id
        self.agency = agency
        self.day = day
        self.visitors = visitors
        self.seen = seen
        self.practitionersSpokenTo = practitionersSpokenTo
        self.familiesSpokenTo = familiesSpokenTo
        self.findings = findings
    }

    /// Indexed by agency and month.
    public var index: RecordIndex { RecordIndex(agency: agency, period: .containing(day, kind: .month)) }
    /// Section 11 evidence, scoped to the agency.
    public var accessScope: AccessScope { AccessScope(.section11Assessment, agency: agency) }
}
