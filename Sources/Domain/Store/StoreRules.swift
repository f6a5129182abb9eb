/// The checks every ``RecordStore`` applies and the errors it throws, so that every store refuses
/// the same writes in the same words, whoever wrote it.
///
/// A store written in another package calls these rather than writing its own messages, and
/// `StoreConformance` (in AssuranceTesting) expects exactly these errors:
///
/// ```swift
/// for case .save(let record) in writes {
///     try StoreRules.validate(record)
///     let held = try versionHeld(of: record.reference)
///     if held ?? 0 != record.version {
///         throw StoreRules.stale(record.reference, expected: record.version, held: held)
///     }
/// }
/// ```
public enum StoreRules: Sendable {
    /// Checks a record before it is written: a version of 0 or more and a schema version of 1 or more.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the record and the bad number.
    public static func validate(_ record: StoredRecord) throws(DomainError) {
        guard record.version >= 0 else {
            throw DomainError(.invalidInput, "\(record.reference) has version \(record.version); expected 0 or more")
        }
        guard record.schemaVersion >= 1 else {
            throw DomainError(
                .invalidInput,
                "\(record.reference) has schema version \(record.schemaVersion); expected 1 or more"
            )
        }
    }

    /// The error for a save or delete against a version the store no longer holds.
    public static func stale(_ reference: RecordReference, expected: Int, held: Int?) -> DomainError {
        let read = expected == 0 ? "was saved as a new record" : "was written against version \(expected)"
        let holds = held.map { "the store holds version \($0)" } ?? "the store holds no such record"
        return DomainError(
            .staleWrite,
            "\(reference) \(read) but \(holds); reload it and apply the change again"
        )
    }

    /// The error for an observation already held, in insert-only mode.
    public static func duplicateObservation(_ series: ObservationSeries, _ period: ReportingPeriod) -> DomainError {
        DomainError(
            .duplicate,
            "observation of \(series.measure) for \(series.scope) in \(period) is already held; "
                + "append with replaceExisting to replace it"
        )
    }

    /// The error for the same period twice in one series of a batch.
    public static func repeatedPeriod(_ series: ObservationSeries, _ period: ReportingPeriod) -> DomainError {
        DomainError(
            .duplicate,
            "observation of \(series.measure) for \(series.scope) in \(period) appears twice in one batch"
        )
    }

    /// Checks an observation: finite numbers, and no value beside a statistics symbol.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the series, the period and the field.
    public static func validate(_ point: SeriesPoint, in series: ObservationSeries) throws(DomainError) {
        for (name, number) in [
            ("value", point.value), ("numerator", point.numerator), ("denominator", point.denominator),
        ] {
            if let number, !number.isFinite {
                throw DomainError(
                    .invalidInput,
                    "observation of \(series.measure) for \(series.scope) in \(point.period) has \(name) \(number); "
                        + "expected a finite number"
                )
            }
        }
        if !point.status.hasValue, point.value != nil {
            throw DomainError(
                .invalidInput,
                "observation of \(series.measure) for \(series.scope) in \(point.period) has the symbol "
                    + "\(point.status) and a value; a symbol stands in place of the value"
            )
        }
    }

    /// Checks a batch of observations before it is appended: every point (``validate(_:in:)``), and no
    /// period twice in one series.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` for a bad value, or ``DomainError/Code/duplicate``
    ///   (``repeatedPeriod(_:_:)``) for a period given twice.
    public static func validate(_ batch: [ObservationSeries]) throws(DomainError) {
        for series in batch {
            var seen = Set<Int64>()
            for point in series.points {
                try validate(point, in: series)
                guard seen.insert(point.period.code).inserted else { throw repeatedPeriod(series, point.period) }
            }
        }
    }

    /// The error for a restore into a store that already holds data.
    public static func notEmpty(records: Int, series: Int, changes: Int) -> DomainError {
        DomainError(
            .invalidInput,
            "the store is not empty (\(records) records, \(series) observation series, \(changes) change-log "
                + "entries); restore only into an empty store"
        )
    }

    /// Checks a snapshot before it is restored: a change log in increasing order, and each record
    /// once, at version 1 or more.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming what is wrong.
    public static func validate(_ snapshot: StoreSnapshot) throws(DomainError) {
        var previous = 0
        for entry in snapshot.changeLog {
            guard entry.sequence > previous else {
                throw DomainError(
                    .invalidInput,
                    "the backup's change log is out of order at entry \(entry.sequence) (after \(previous)); "
                        + "expected increasing sequence numbers"
                )
            }
            previous = entry.sequence
        }
        var seen = Set<RecordReference>()
        for record in snapshot.records {
            try validate(record)
            guard record.version >= 1 else {
                throw DomainError(
                    .invalidInput,
                    "the backup holds \(record.reference) at version 0; expected 1 or more"
                )
            }
            guard seen.insert(record.reference).inserted else {
                throw DomainError(.invalidInput, "the backup holds \(record.reference) twice")
            }
        }
    }
}
