/// Conditions on a record's indexed fields; a field left `nil` matches anything.
public struct RecordFilter: Hashable, Sendable {
    /// The agency.
    public var agency: Agency.ID?
    /// The group.
    public var group: Group.ID?
    /// The period.
    public var period: ReportingPeriod?
    /// The lifecycle status.
    public var status: RecordStatus?
    /// Records due on or before this day.
    public var dueOnOrBefore: Day?
    /// The parent record's id.
    public var parent: Identifier<AnyRecordKind>?
    /// The key.
    public var key: String?

    /// Creates a filter.
    public init(
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        period: ReportingPeriod? = nil,
        status: RecordStatus? = nil,
        dueOnOrBefore: Day? = nil,
        parent: Identifier<AnyRecordKind>? = nil,
        key: String? = nil
    ) {
        self.agency = agency
        self.group = group
        self.period = period
        self.status = status
        self.dueOnOrBefore = dueOnOrBefore
        self.parent = parent
        self.key = key
    }

    /// Whether an index matches.
    public func matches(_ index: RecordIndex) -> Bool {
        if let agency, index.agency != agency { return false }
        if let group, index.group != group { return false }
        if let period, index.period != period { return false }
        if let status, index.status != status { return false }
        if let dueOnOrBefore {
            guard let due = index.dueDay, due <= dueOnOrBefore else { return false }
        }
        if let parent, index.parent != parent { return false }
        if let key, index.key != key { return false }
        return true
    }
}
