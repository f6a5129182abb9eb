/// A group of the partnership, with its chair, the group it reports to and its cadences.
///
/// The default cadences are the framework's: the Practice Development Group meets monthly;
/// sub-group chairs and project leads report to the Executive bi-monthly; the QA lead holds a
/// scrutiny session with each sub-group six-monthly.
public struct Group: StorableRecord, IdentifierKind, Hashable {
    /// The type of the group's identifier.
    public typealias ID = Identifier<Group>
    /// The noun used in messages.
    public static var noun: String { "group" }
    /// `domain.group`.
    public static var recordType: RecordType { "domain.group" }
    /// Version 2: a group names the partnership's priorities it serves.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged, with no priorities.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// The group's id.
    public var id: Group.ID
    /// The group's name.
    public var name: String
    /// The group's kind.
    public var kind: GroupKind
    /// The principal who chairs the group.
    public var chair: Principal.ID?
    /// The group this one reports to.
    public var reportsTo: Group.ID?
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
        self.reportsTo = reportsTo
        self.meetingCadence = meetingCadence ?? (kind == .practiceDevelopmentGroup ? .monthly : nil)
        self.reportingCadence = reportingCadence ?? (kind.isSubGroup ? .biMonthly : nil)
        self.scrutinyCadence = scrutinyCadence ?? (kind.isSubGroup ? .sixMonthly : nil)
        self.established = established
        self.ended = ended
    }

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
