/// A group of the partnership, with its chair, the bodies it is accountable to and its cadences.
///
/// The initialiser's default cadences are the starter framework's: the group that holds
/// assurance meets monthly; sub-groups report bi-monthly and are scrutinised six-monthly. A
/// profile states its groups' cadences, and a group it gives none has none.
public struct Group: StorableRecord, IdentifierKind, Hashable {
    /// The type of the group's identifier.
    public typealias ID = Identifier<Group>
    /// The noun used in messages.
    public static var noun: String { "group" }
    /// `domain.group`.
    public static var recordType: RecordType { "domain.group" }
    /// Version 3: a group may be accountable to more than one body.
    ///
    /// Version 3 has `accountableTo`, where version 2 had one `reportsTo`; version 2 named the
    /// partnership's priorities a group serves.
    public static var schemaVersion: Int { 3 }
    /// Version 1 reads unchanged, with no priorities; version 2's `reportsTo` becomes a list of one.
    public static var migrations: [RecordMigration] {
        [
            RecordMigration(from: 1) { $0 },
            RecordMigration(from: 2) { json in
                var json = json.renamingKey("reportsTo", to: "accountableTo")
                if case .string(let parent) = json["accountableTo"] {
                    json["accountableTo"] = .array([.string(parent)])
                }
                return json
            },
        ]
    }

    /// The group's id.
    public var id: Group.ID
    /// The group's name.
    public var name: String
    /// The group's kind.
    public var kind: GroupKind
    /// The principal who chairs the group.
    public var chair: Principal.ID?
    /// The bodies the group is accountable to and reports to, first the one it reports to most.
    public var accountableTo: [Group.ID]?
    /// How often the group meets.
    public var meetingCadence: Cadence?
    /// How often the group reports to the Executive.
    public var reportingCadence: Cadence?
    /// How often the QA lead holds a scrutiny session with the group.
    public var scrutinyCadence: Cadence?
    /// The day the group was set up.
    public var established: Day?
    /// The day the group ended, if it has.
    public var ended: Day?
    /// The partnership's priorities the group serves; `nil` in records from before priorities.
    public var priorities: [Priority.ID]?

    /// Creates a group; cadences left out take the framework's defaults for its kind.
    public init(
        id: Group.ID,
        name: String,
        kind: GroupKind,
        chair: Principal.ID? = nil,
        reportsTo: Group.ID? = nil,
        meetingCadence: Cadence? = nil,
        reportingCadence: Cadence? = nil,
        scrutinyCadence: Cadence? = nil,
        established: Day? = nil,
        ended: Day? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.chair = chair
        self.accountableTo = reportsTo.map { [$0] }
        self.meetingCadence = meetingCadence ?? (kind == .practiceDevelopmentGroup ? .monthly : nil)
        self.reportingCadence = reportingCadence ?? (kind.isSubGroup ? .biMonthly : nil)
        self.scrutinyCadence = scrutinyCadence ?? (kind.isSubGroup ? .sixMonthly : nil)
        self.established = established
        self.ended = ended
    }

    /// The body the group reports to first, if it reports to any.
    public var reportsTo: Group.ID? {
        get { accountableTo?.first }
        set { accountableTo = newValue.map { [$0] } }
    }

    /// The bodies the group reports to, or none.
    public var reportsToAll: [Group.ID] { accountableTo ?? [] }

    /// Whether the group is active on a day: established (if known) and not yet ended.
    public func isActive(on day: Day) -> Bool {
        if let established, established > day { return false }
        if let ended, ended <= day { return false }
        return true
    }

    /// Indexed by the group itself.
    public var index: RecordIndex { RecordIndex(group: id) }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: id) }
}
