public import Domain
import Foundation

extension RecordTables {
    /// Imports table files into a partnership's records, all or nothing.
    ///
    /// Every file is read and every row checked before anything is written: each row's record
    /// decodes, each record it names exists (in the tables or the store), and no row would overwrite
    /// a newer version than the one it was exported at. Rows are matched by id: a row the store
    /// holds as it is changes nothing; a changed row writes a new version with its change-log entry;
    /// a new row adds its record. Everything is written in one transaction.
    ///
    /// - Parameters:
    ///   - files: The tables, such as those `qaf export --tables` writes.
    ///   - records: The partnership's records.
    ///   - principal: Who imports.
    ///   - dryRun: Whether to check and count without writing.
    /// - Returns: What was (or would be) written.
    /// - Throws: `DomainError/Code/invalidInput` naming every problem by file, line, column and
    ///   field; `DomainError/Code/staleWrite` for rows exported from versions the store has since
    ///   replaced; `DomainError/Code/accessDenied` when the principal may not write a record.
    ///   Nothing is written on any error.
    @discardableResult
    public func importFiles(
        _ files: [TableFile],
        into records: Records,
        by principal: Principal,
        dryRun: Bool = false
    ) async throws -> TableImport {
        let read = read(files)
        guard read.problems.isEmpty else { throw Self.error(read.problems, code: .invalidInput) }
        var held: [RecordReference: StoredRecord] = [:]
        var heldIDs: [RecordType: [String]] = [:]
        for type in Set(
            read.rows.map { $0.record.reference.type } + read.rows.flatMap { $0.references.map(\.reference.type) }
        ) {
            let stored = try await records.store.records(matching: RecordQuery(type))
            for record in stored { held[record.reference] = record }
            heldIDs[type] = stored.map(\.id.rawValue)
        }
        var problems = checkReferences(read.rows, held: held, heldIDs: heldIDs)
        guard problems.isEmpty else { throw Self.error(problems, code: .invalidInput) }
        var batch = RecordBatch()
        var result = TableImport()
        var stale: [TableProblem] = []
        for row in read.rows {
            try stage(row, held: held[row.record.reference], batch: &batch, result: &result, stale: &stale)
        }
        problems += stale
        guard problems.isEmpty else { throw Self.error(problems, code: .staleWrite) }
        let changed = try await changedSeries(read.series, in: records)
        if !changed.isEmpty {
            try batch.append(changed, mode: .replaceExisting)
            result.observations = changed.reduce(0) { $0 + $1.points.count }
        }
        if !dryRun, !result.isEmpty { try await records.commit(batch, by: principal) }
        return result
    }

    private func stage(
        _ row: TableRow,
        held: StoredRecord?,
        batch: inout RecordBatch,
        result: inout TableImport,
        stale: inout [TableProblem]
    ) throws {
        let reference = row.record.reference
        guard let held else {
            try Self.save(row.record, version: 0, into: &batch)
            result.added.append(reference)
            return
        }
        if try Self.same(row.record, as: held) {
            result.unchanged += 1
            return
        }
        guard row.storedVersion == held.version else {
            let exported = row.storedVersion.map { "version \($0)" } ?? "a new record"
            stale.append(
                TableProblem(
                    file: row.file,
                    line: row.line,
                    field: Self.versionColumn,
                    value: row.storedVersion.map(String.init),
                    message: "\(reference.id) is \(exported) in the table, but the database holds version "
                        + "\(held.version), changed since; export the tables again and make the change there"
                )
            )
            return
        }
        try Self.save(row.record, version: held.version, into: &batch)
        result.changed.append(reference)
    }

    private static func save<Record: StorableRecord>(
        _ record: Record,
        version: Int,
        into batch: inout RecordBatch
    ) throws {
        try batch.save(record, version: version)
    }

    /// Whether a record is what the store holds: the two coded the same way.
    static func same<Record: StorableRecord>(_ record: Record, as held: StoredRecord) throws -> Bool {
        let stored = try RecordCoder.decode(Record.self, from: held).value
        return try RecordCoder.encode(stored, version: 0).payload == RecordCoder.encode(record, version: 0).payload
    }

    /// Every record a row names exists, in the tables or the store.
    func checkReferences(
        _ rows: [TableRow],
        held: [RecordReference: StoredRecord],
        heldIDs: [RecordType: [String]]
    ) -> [TableProblem] {
        let given = Set(rows.map(\.record.reference))
        // A kind nothing holds, such as an audit tool a module supplies without storing, is not
        // the tables' to check.
        let kept = Set(given.map(\.type)).union(heldIDs.filter { !$0.value.isEmpty }.keys)
        var problems: [TableProblem] = []
        for row in rows {
            for (column, reference) in row.references {
                guard !given.contains(reference), held[reference] == nil, kept.contains(reference.type) else {
                    continue
                }
                let ids =
                    (Set(heldIDs[reference.type] ?? []).union(
                        given.filter { $0.type == reference.type }.map(\.id.rawValue)
                    )).sorted()
                problems.append(
                    TableProblem(
                        file: row.file,
                        line: row.line,
                        column: row.columnNames.firstIndex(of: column).map { $0 + 1 },
                        field: column,
                        value: reference.id.rawValue,
                        message: "\(reference.type) \(DomainError.quote(reference.id.rawValue)) does not exist; "
                            + "expected one of " + ids.prefix(20).joined(separator: ", ")
                            + (ids.count > 20 ? ", … (\(ids.count) in all)" : "")
                    )
                )
            }
        }
        return problems
    }

    /// The observations that differ from the store's: new periods and changed values.
    private func changedSeries(_ series: [ObservationSeries], in records: Records) async throws -> [ObservationSeries] {
        guard !series.isEmpty else { return [] }
        let stored = try await records.store.observationSeries(matching: .all).keyed(by: \.key)
        return series.compactMap { given in
            let points = stored[given.key]?.points.keyed(by: \.period) ?? [:]
            let changed = given.points.filter { points[$0.period] != $0 }
            return changed.isEmpty
                ? nil : ObservationSeries(measure: given.measure, scope: given.scope, points: changed)
        }
    }

    static func error(_ problems: [TableProblem], code: DomainError.Code) -> DomainError {
        let first = problems[0]
        return DomainError(
            code,
            "the tables have \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written:\n"
                + problems.map { "  \($0)" }.joined(separator: "\n"),
            context: .init(
                field: first.field,
                file: first.file,
                line: first.line,
                column: first.column,
                value: first.value
            )
        )
    }
}
