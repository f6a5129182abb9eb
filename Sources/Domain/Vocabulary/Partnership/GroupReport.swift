/// A sub-group's or project's report to the Executive: impact and outcomes, barriers, escalations.
public struct GroupReport: StorableRecord, IdentifierKind, Hashable {
    /// The type of the group report's identifier.
    public typealias ID = Identifier<GroupReport>
    /// The noun used in messages.
    public static var noun: String { "group report" }
    /// `domain.group-report`.
    public static var recordType: RecordType { "domain.group-report" }
    /// Version 2: each escalation names the level it is raised to.
    public static var schemaVersion: Int { 2 }
    /// Version 1's escalations were text, raised to the Executive, to whom sub-groups report.
    public static var migrations: [RecordMigration] {
        [
            RecordMigration(from: 1) { json in
                var json = json
                if case .array(let items)? = json["escalations"] {
                    json["escalations"] = .array(
                        items.map { item in
                            guard case .string = item else { return item }
                            return .object(["text": item, "level": .string(EscalationLevel.executive.rawValue)])
                        }
                    )
                }
                return json
            }
        ]
    }

    /// A matter a group formally raises with a level of the partnership, for a decision or for help.
    public struct Escalation: Hashable, Sendable, Codable {
        /// What is raised.
        public var text: String
        /// The level it is raised to: the Executive unless the group says otherwise.
        public var level: EscalationLevel

        /// Creates an escalation.
        public init(_ text: String, to level: EscalationLevel = .executive) {
            self.text = text
            self.level = level
        }
    }

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
    /// Escalations the group formally raises, each to the level it names.
    ///
    /// The assurance cycle raises
    /// each as a finding at that level, with the report as its evidence, while the group's latest
    /// report keeps it.
    public var escalations: [Escalation]

    /// Creates a group report.
    public init(
        id: GroupReport.ID,
        group: Group.ID,
        to: Group.ID? = nil,
        submittedOn: Day,
        impactAndOutcomes: String,
        barriers: [String] = [],
        escalations: [Escalation] = []
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
