extension RecordFilter {
    /// A filter on a record's lifecycle status, given as the record type's own status value.
    ///
    /// ```swift
    /// let open = try await records.all(Finding.self, .status(Finding.Status.open), as: qaLead)
    /// ```
    public static func status<Status: RawRepresentable>(_ status: Status) -> RecordFilter
    where Status.RawValue == String {
        RecordFilter(status: RecordStatus(status))
    }

    /// This filter, also requiring a lifecycle status.
    public func with<Status: RawRepresentable>(status: Status) -> RecordFilter where Status.RawValue == String {
        var filter = self
        filter.status = RecordStatus(status)
        return filter
    }
}

extension RecordIndex {
    /// An index with a lifecycle status given as the record type's own status value, and the other
    /// fields that apply.
    public init<Status: RawRepresentable>(
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        period: ReportingPeriod? = nil,
        status: Status,
        dueDay: Day? = nil,
        parent: Identifier<AnyRecordKind>? = nil,
        key: String? = nil
    ) where Status.RawValue == String {
        self.init(agency: agency, group: group, period: period, dueDay: dueDay, parent: parent, key: key)
        self.status = RecordStatus(rawValue: status.rawValue)
    }
}
