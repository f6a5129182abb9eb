/// Everything a store holds: records, observations and the change log, for backups.
public struct StoreSnapshot: Hashable, Sendable {
    /// Every record, ordered by type and id.
    public var records: [StoredRecord]
    /// Every observation series, ordered by measure and scope, with the number of writes to each.
    public var series: [SnapshotSeries]
    /// The whole change log, oldest first.
    public var changeLog: [ChangeLogEntry]

    /// Creates a snapshot.
    public init(records: [StoredRecord], series: [SnapshotSeries], changeLog: [ChangeLogEntry]) {
        self.records = records
        self.series = series
        self.changeLog = changeLog
    }

    /// Whether the snapshot holds nothing.
    public var isEmpty: Bool { records.isEmpty && series.isEmpty && changeLog.isEmpty }
}

/// An observation series in a snapshot, with its version (the number of appends that touched it).
public struct SnapshotSeries: Hashable, Sendable {
    /// The series.
    public var series: ObservationSeries
    /// The number of appends that touched it.
    public var version: Int

    /// Creates a snapshot series.
    public init(series: ObservationSeries, version: Int) {
        self.series = series
        self.version = version
    }
}
