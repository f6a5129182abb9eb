extension StoreRules {
    /// The error for an observation already held, in insert-only mode.
    public static func duplicateObservation(_ series: ObservationSeries, _ period: ReportingPeriod) -> DomainError {
        DomainError(
            .duplicate,
            "observation of \(series.measure) for \(series.scope) in \(period) is already held; "
                + "append with replaceExisting to replace it",
            context: .init(record: reference(series), field: "period", value: period.description)
        )
    }

    /// The error for the same period twice in one series of a batch.
    public static func repeatedPeriod(_ series: ObservationSeries, _ period: ReportingPeriod) -> DomainError {
        DomainError(
            .duplicate,
            "observation of \(series.measure) for \(series.scope) in \(period) appears twice in one batch",
            context: .init(record: reference(series), field: "period", value: period.description)
        )
    }

    /// The error for the same series (measure and scope) twice in one batch: give each series once,
    /// with all its points.
    public static func repeatedSeries(_ series: ObservationSeries, at index: Int) -> DomainError {
        DomainError(
            .duplicate,
            "series of \(series.measure) for \(series.scope) appears twice in one batch (again at position "
                + "\(index + 1)); give each series once, with all its points",
            context: .init(record: reference(series), index: index, value: series.key.description)
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
                        + "expected a finite number",
                    context: .init(
                        record: reference(series),
                        field: name,
                        value: "\(number)",
                        expected: "a finite number"
                    )
                )
            }
        }
        if !point.status.hasValue, point.value != nil {
            throw DomainError(
                .invalidInput,
                "observation of \(series.measure) for \(series.scope) in \(point.period) has the symbol "
                    + "\(point.status) and a value; a symbol stands in place of the value",
                context: .init(record: reference(series), field: "status", value: "\(point.status)")
            )
        }
    }

    /// Checks a batch of observations before it is appended: every point (``validate(_:in:)``), no
    /// period twice in one series, and no series twice in the batch.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` for a bad value, or ``DomainError/Code/duplicate``
    ///   (``repeatedPeriod(_:_:)``, ``repeatedSeries(_:at:)``) for a period or series given twice.
    public static func validate(_ batch: [ObservationSeries]) throws(DomainError) {
        var keys = Set<SeriesKey>()
        for (index, series) in batch.enumerated() {
            guard keys.insert(series.key).inserted else { throw repeatedSeries(series, at: index) }
            try validateIndexedText(series.measure.rawValue, field: "measure", of: reference(series))
            try validateIndexedText(series.scope.description, field: "scope", of: reference(series))
            var seen = Set<Int64>()
            for point in series.points {
                try validate(point, in: series)
                guard seen.insert(point.period.code).inserted else { throw repeatedPeriod(series, point.period) }
            }
        }
    }

    private static func reference(_ series: ObservationSeries) -> RecordReference {
        RecordReference(type: .observationSeries, id: series.changeLogID)
    }
}

extension StoreRules {
    /// A stored series row whose measure or scope does not decode: the store is damaged, and its
    /// observations are not left out of a read as though the series did not exist.
    ///
    /// - Parameters:
    ///   - row: The series row's key in the store.
    ///   - measure: The measure text held, if any.
    ///   - scope: The scope text held, if any.
    /// - Returns: A `corruptDatabase` error naming the row and what it holds.
    public static func malformedSeries(row: Int64, measure: String?, scope: String?) -> DomainError {
        DomainError(
            .corruptDatabase,
            "the series table's row \(row) holds measure \(DomainError.quote(measure ?? "(none)")) and scope "
                + "\(DomainError.quote(scope ?? "(none)")); expected a measure id and a scope such as partnership",
            context: .init(field: "series", value: String(row))
        )
    }

    /// A stored observation whose status code the package does not know: read as "actual" it would
    /// publish a suppressed or estimated figure as a plain one.
    ///
    /// - Parameters:
    ///   - code: The status code held.
    ///   - series: The series row's key.
    ///   - period: The period's code.
    /// - Returns: A `corruptDatabase` error naming the observation.
    public static func unknownObservationStatus(_ code: Int, series: Int64, period: Int64) -> DomainError {
        DomainError(
            .corruptDatabase,
            "the observations table holds status code \(code) for series row \(series), period code \(period); "
                + "expected one of the codes of ObservationStatus",
            context: .init(field: "status", value: String(code))
        )
    }

    /// A stored observation whose period code does not decode.
    ///
    /// - Parameters:
    ///   - code: The period code held.
    ///   - series: The series row's key.
    /// - Returns: A `corruptDatabase` error naming the observation.
    public static func malformedPeriod(_ code: Int64, series: Int64) -> DomainError {
        DomainError(
            .corruptDatabase,
            "the observations table holds an unknown period code \(code) for series row \(series)",
            context: .init(field: "period", value: String(code))
        )
    }
}
