/// A sub-group's or project's report to the Executive: impact and outcomes, barriers, escalations.
public struct GroupReport: StorableRecord, IdentifierKind, Hashable {
    /// The type of the groupreport's identifier.
    public typealias ID = Identifier<GroupReport>
    /// The noun used in messages.
    public static var noun: String { "group report" }
    /// `domain.group-report`.
    public static var recordType: RecordType { "domain.group-report" }

    /// The report's id.
    public var id: GroupReport.ID
    /// The group that reported.
    public var group: Group.ID
    /// The group reported to, usually the Executive.
    public var to: Group.ID?
    /// The day the report was submitted.
    public var submittedOn: Day
    /// The impact and outcomes the group reports.
    public var impactAndOutcomes: String
    /// Barriers the group formally raises.
    public var barriers: [String]
    /// Escalations the group formally raises.
    public var escalations: [String]

    /// Creates a group report.
    public init(
        id: GroupReport.ID,
        group: Group.ID,
        to: Group.ID? = nil,
        submittedOn: Day,
        impactAndOutcomes: String,
        barriers: [String] = [],
        escalations: [String] = []
    ) {
        self.id = id
        self.group = group
        self.to = to
        self.submittedOn = submittedOn
        self.impactAndOutcomes = impactAndOutcomes
        self.barriers = barriers
        self.escalations = escalations
    }

    /// Indexed by group and month.
    public var index: RecordIndex { RecordIndex(group: group, period: .containing(submittedOn, kind: .month)) }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: group) }
}
