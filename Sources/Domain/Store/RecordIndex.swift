/// The fields of a record that a store indexes, so that queries need not decode every record.
public struct RecordIndex: Hashable, Sendable, Codable {
    /// The agency the record belongs to.
    public var agency: Agency.ID?
    /// The group the record belongs to.
    public var group: Group.ID?
    /// The reporting period the record is about.
    public var period: ReportingPeriod?
    /// The record's lifecycle status.
    public var status: RecordStatus?
    /// The day the record falls due.
    public var dueDay: Day?
    /// The id of the record this one belongs to (an assessment's cycle, an action's recommendation).
    public var parent: Identifier<AnyRecordKind>?
    /// A further key that a module looks records up by (a finding's key, a notification's key).
    public var key: String?

    /// Creates an index from the fields that apply.
    public init(
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        period: ReportingPeriod? = nil,
        status: RecordStatus? = nil,
        dueDay: Day? = nil,
        parent: Identifier<AnyRecordKind>? = nil,
        key: String? = nil
    ) {
        self.agency = agency
        self.group = group
        self.period = period
        self.status = status
        self.dueDay = dueDay
        self.parent = parent
        self.key = key
    }
}

/// A record's lifecycle status as its index holds it, such as `open` or `submitted`: the record
/// type's own status value, typed so that a status is never mistaken for other text.
public typealias RecordStatus = Code<CodeKinds.RecordStatus>

extension CodeKinds {
    /// What a record's indexed status names.
    public enum RecordStatus: CodeKind {}
}

extension Code where Kind == CodeKinds.RecordStatus {
    /// The indexed status of a record type's own status value.
    public init<Status: RawRepresentable>(_ status: Status) where Status.RawValue == String {
        self.init(rawValue: status.rawValue)
    }
}
