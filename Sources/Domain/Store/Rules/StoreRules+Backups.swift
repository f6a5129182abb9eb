extension StoreRules {
    /// The error for a restore into a store that already holds data.
    public static func notEmpty(records: Int, series: Int, changes: Int) -> DomainError {
        DomainError(
            .invalidInput,
            "the store is not empty (\(records) records, \(series) observation series, \(changes) change-log "
                + "entries); restore only into an empty store"
        )
    }

    /// Checks a snapshot before it is restored: a change log in increasing order, each record once at
    /// version 1 or more, and each series once with valid points, each period once.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming what is wrong and where.
    public static func validate(_ snapshot: StoreSnapshot) throws(DomainError) {
        var previous = 0
        for (index, entry) in snapshot.changeLog.enumerated() {
            guard entry.sequence > previous else {
                throw DomainError(
                    .invalidInput,
                    "the backup's change log is out of order at entry \(entry.sequence) (after \(previous)); "
                        + "expected increasing sequence numbers",
                    context: .init(field: "changeLog[\(index)].sequence", index: index, value: "\(entry.sequence)")
                )
            }
            previous = entry.sequence
        }
        var seen = Set<RecordReference>()
        for (index, record) in snapshot.records.enumerated() {
            try validate(record)
            guard record.version >= 1 else {
                throw DomainError(
                    .invalidInput,
                    "the backup holds \(record.reference) at version 0; expected 1 or more",
                    context: .init(record: record.reference, field: "records[\(index)].version", index: index)
                )
            }
            guard seen.insert(record.reference).inserted else {
                throw DomainError(
                    .invalidInput,
                    "the backup holds \(record.reference) twice",
                    context: .init(record: record.reference, field: "records[\(index)]", index: index)
                )
            }
        }
        try validateSeries(snapshot.series)
    }

    private static func validateSeries(_ series: [SnapshotSeries]) throws(DomainError) {
        var keys = Set<SeriesKey>()
        for (index, held) in series.enumerated() {
            guard keys.insert(held.series.key).inserted else {
                throw DomainError(
                    .invalidInput,
                    "the backup holds the series of \(held.series.measure) for \(held.series.scope) twice",
                    context: .init(field: "series[\(index)]", index: index, value: held.series.key.description)
                )
            }
            try validateIndexedText(held.series.measure.rawValue, field: "series[\(index)].measure")
            try validateIndexedText(held.series.scope.description, field: "series[\(index)].scope")
            var periods = Set<Int64>()
            for point in held.series.points {
                do {
                    try validate(point, in: held.series)
                } catch {
                    throw DomainError(.invalidInput, "the backup: \(error.message)", context: error.context)
                }
                guard periods.insert(point.period.code).inserted else {
                    throw DomainError(
                        .invalidInput,
                        "the backup holds the observation of \(held.series.measure) for \(held.series.scope) in "
                            + "\(point.period) twice",
                        context: .init(field: "series[\(index)].points", index: index, value: point.period.description)
                    )
                }
            }
        }
    }
}
