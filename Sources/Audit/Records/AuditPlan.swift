public import Domain

/// The audit forward plan of a year: the planned audits with why each theme was chosen, revised as
/// the year goes on, every revision kept.
public struct AuditPlan: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "audit plan" }
    /// The type of the plan's identifier.
    public typealias ID = Identifier<AuditPlan>
    /// `audit.plan`.
    public static var recordType: RecordType { "audit.plan" }

    /// A revision of the plan.
    public struct Revision: Hashable, Sendable, Codable {
        /// When.
        public var on: Day
        /// Who.
        public var by: Principal.ID
        /// What changed and why.
        public var note: String
        /// The planned audits before the revision.
        public var before: [Audit.ID]
    }

    /// The plan's id.
    public var id: AuditPlan.ID
    /// The year it covers, by default the financial year.
    public var year: ReportingPeriod
    /// The audits planned, in order.
    public var audits: [Audit.ID]
    /// Every revision, oldest first.
    public var revisions: [Revision]

    /// Creates a plan.
    public init(id: AuditPlan.ID, year: ReportingPeriod, audits: [Audit.ID]) {
        self.id = id
        self.year = year
        self.audits = audits
        self.revisions = []
    }

    /// Indexed by year.
    public var index: RecordIndex { RecordIndex(period: year) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}
