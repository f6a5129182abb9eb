extension RecordType {
    /// The type named in change-log entries for observation appends.
    public static let observationSeries: RecordType = "domain.observation-series"
}

extension ObservationSeries {
    /// The id of the series in the change log: `measure:scope`.
    public var changeLogID: Identifier<AnyRecordKind> { key.changeLogID }
}
