public import Domain
public import Foundation

extension PostgreSQLStore {
    static let recordColumns =
        "type, id, version, schema_version, agency, grp, period, status, due_day, parent, key, payload"
    static let logColumns = "sequence, at, principal, kind, record_type, record_id, version, summary"

    static func readRecord(_ result: QueryResult, _ row: Int) throws -> StoredRecord {
        func identifier<Kind>(_ column: Int, _: Kind.Type) throws -> Identifier<Kind>? {
            guard let text = result.text(row, column) else { return nil }
            guard let id = Identifier<Kind>(rawValue: text) else {
                throw DomainError(.corruptDatabase, "the records table holds a malformed id \(DomainError.quote(text))")
            }
            return id
        }
        var index = RecordIndex()
        index.agency = try identifier(4, Agency.self)
        index.group = try identifier(5, Group.self)
        index.period = result.text(row, 6).flatMap { ReportingPeriod($0) }
        index.status = result.text(row, 7).map(RecordStatus.init(rawValue:))
        index.dueDay = try result.integer(row, 8).map { try Day(daysSinceEpoch: $0) }
        index.parent = try identifier(9, AnyRecordKind.self)
        index.key = result.text(row, 10)
        guard let id = try identifier(1, AnyRecordKind.self) else {
            throw DomainError(.corruptDatabase, "the records table holds a record without an id")
        }
        return StoredRecord(
            type: RecordType(rawValue: result.text(row, 0) ?? ""),
            id: id,
            version: result.integer(row, 2) ?? 0,
            schemaVersion: result.integer(row, 3) ?? 0,
            index: index,
            payload: result.data(row, 11)
        )
    }

    static func values(of record: StoredRecord) -> [SQLValue] {
        [
            .text(record.type.rawValue), .text(record.id.rawValue), .integer(Int64(record.version)),
            .integer(Int64(record.schemaVersion)), SQLValue(record.index.agency?.rawValue),
            SQLValue(record.index.group?.rawValue), SQLValue(record.index.period?.description),
            SQLValue(record.index.status?.rawValue), SQLValue(record.index.dueDay?.daysSinceEpoch),
            SQLValue(record.index.parent?.rawValue), SQLValue(record.index.key), .bytes(record.payload),
        ]
    }

    /// The record with a type and id, or `nil`.
    public func record(_ reference: RecordReference) async throws -> StoredRecord? {
        try await pool.with { connection in
            let result = try connection.execute(
                "SELECT \(Self.recordColumns) FROM records WHERE type = $1 AND id = $2",
                [.text(reference.type.rawValue), .text(reference.id.rawValue)],
                while: "reading \(reference)"
            )
            return result.count == 0 ? nil : try Self.readRecord(result, 0)
        }
    }

    /// The records that match a query, in id order.
    public func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        var clauses = ["type = $1"]
        var values: [SQLValue] = [.text(query.type.rawValue)]
        let filter = query.filter
        func add(_ column: String, _ value: String?) {
            guard let value else { return }
            values.append(.text(value))
            clauses.append("\(column) = $\(values.count)")
        }
        add("agency", filter.agency?.rawValue)
        add("grp", filter.group?.rawValue)
        add("period", filter.period?.description)
        add("status", filter.status?.rawValue)
        add("parent", filter.parent?.rawValue)
        add("key", filter.key)
        if let due = filter.dueOnOrBefore {
            values.append(.integer(Int64(due.daysSinceEpoch)))
            clauses.append("due_day IS NOT NULL AND due_day <= $\(values.count)")
        }
        let sql =
            "SELECT \(Self.recordColumns) FROM records WHERE " + clauses.joined(separator: " AND ") + " ORDER BY id"
        let bound = values
        return try await pool.with { connection in
            let result = try connection.execute(sql, bound, while: "querying \(query.type)")
            return try (0..<result.count).map { try Self.readRecord(result, $0) }
        }
    }

    /// Makes a transaction's record writes and observation appends in one PostgreSQL transaction;
    /// any refusal rolls the whole transaction back.
    ///
    /// Each save and delete names the version it read, and the row changes only where that version is
    /// still held, so the check and the write are one statement and no other writer can come between.
    @discardableResult
    public func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        try StoreRules.validate(changes)
        guard !changes.isEmpty else { return AppliedChanges() }
        let doing = changes.records.isEmpty ? "appending observations" : "writing records"
        do {
            return try await pool.with { connection in
                try Self.retryingDeadlocks {
                    try connection.transaction(doing) {
                        let (saved, recordLog) = try Self.writeRecords(changes.records, connection)
                        let (summary, seriesLog) = try Self.appendObservations(
                            changes.observations,
                            mode: changes.observationMode,
                            connection
                        )
                        try Self.appendLog(recordLog + seriesLog, context: context, connection)
                        return AppliedChanges(records: saved, observations: summary)
                    }
                }
            }
        } catch let error as DomainError
            where (error.underlying as? ServerError)?.state == "23505" && !changes.observations.isEmpty
        {
            throw try await duplicate(in: changes.observations) ?? error
        }
    }

    /// Writes records inside the caller's transaction, returning them saved and their log entries.
    static func writeRecords(
        _ writes: [RecordWrite],
        _ connection: Connection
    ) throws -> ([StoredRecord], [LogEntry]) {
        var saved: [StoredRecord] = []
        var log: [LogEntry] = []
        for write in writes {
            let reference = write.reference
            switch write {
            case .save(var record):
                let kind: ChangeKind = record.version == 0 ? .created : .updated
                let read = record.version
                record.version += 1
                let written: QueryResult
                if read == 0 {
                    written = try connection.execute(
                        "INSERT INTO records (\(Self.recordColumns)) VALUES "
                            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                            + "ON CONFLICT (type, id) DO NOTHING RETURNING version",
                        Self.values(of: record),
                        while: "writing \(reference)"
                    )
                } else {
                    var values = Self.values(of: record)
                    values[2] = .integer(Int64(read))
                    written = try connection.execute(
                        """
                        UPDATE records SET version = version + 1, schema_version = $4, agency = $5, grp = $6,
                            period = $7, status = $8, due_day = $9, parent = $10, key = $11, payload = $12
                        WHERE type = $1 AND id = $2 AND version = $3 RETURNING version
                        """,
                        values,
                        while: "writing \(reference)"
                    )
                }
                guard written.count == 1 else {
                    throw StoreRules.stale(reference, expected: read, held: try Self.held(reference, connection))
                }
                log.append(LogEntry(kind: kind, reference: reference, version: record.version, summary: nil))
                saved.append(record)
            case .delete(_, let version):
                let deleted = try connection.execute(
                    "DELETE FROM records WHERE type = $1 AND id = $2 AND version = $3",
                    [.text(reference.type.rawValue), .text(reference.id.rawValue), .integer(Int64(version))],
                    while: "deleting \(reference)"
                )
                guard deleted.changed == 1 else {
                    throw StoreRules.stale(reference, expected: version, held: try Self.held(reference, connection))
                }
                log.append(LogEntry(kind: .deleted, reference: reference, version: version, summary: nil))
            }
        }
        return (saved, log)
    }

    static func held(_ reference: RecordReference, _ connection: Connection) throws -> Int? {
        try connection.execute(
            "SELECT version FROM records WHERE type = $1 AND id = $2",
            [.text(reference.type.rawValue), .text(reference.id.rawValue)],
            while: "reading the version of \(reference)"
        ).integer(0, 0)
    }

    /// Runs a transaction again when the server broke a deadlock by aborting it.
    ///
    /// Two batches that write the same records in opposite orders deadlock; the server aborts one,
    /// whose retry then meets the other's writes as stale.
    static func retryingDeadlocks<T>(_ body: () throws -> T) throws -> T {
        var attempts = 0
        while true {
            do {
                return try body()
            } catch let error as DomainError {
                guard let server = error.underlying as? ServerError, server.state == "40P01", attempts < 3 else {
                    throw error
                }
                attempts += 1
            }
        }
    }

    struct LogEntry {
        var kind: ChangeKind
        var reference: RecordReference
        var version: Int
        var summary: String?
    }

    /// Appends entries to the change log, numbered from the last entry without gaps.
    ///
    /// The numbering waits on a lock held to the end of the transaction, taken after every row lock
    /// of the batch so that it cannot deadlock with them; each transaction then reads the last number
    /// with the others' entries committed, so the log is numbered in commit order.
    static func appendLog(_ entries: [LogEntry], context: ChangeContext, _ connection: Connection) throws {
        guard !entries.isEmpty else { return }
        try connection.execute(
            "SELECT pg_advisory_xact_lock($1::integer, 'change_log'::regclass::oid::integer)",
            [.integer(Int64(logLockClass))],
            while: "numbering the change log"
        )
        try connection.execute(
            """
            INSERT INTO change_log (\(logColumns))
            SELECT (SELECT COALESCE(MAX(sequence), 0) FROM change_log) + entry.number, $1::float8, $2,
                entry.kind, entry.record_type, entry.record_id, entry.version, entry.summary
            FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[])
                WITH ORDINALITY AS entry (kind, record_type, record_id, version, summary, number)
            """,
            [
                .double(context.at.timeIntervalSinceReferenceDate), .text(context.principal.rawValue),
                .text(ArrayLiteral.texts(entries.map(\.kind.rawValue))),
                .text(ArrayLiteral.texts(entries.map(\.reference.type.rawValue))),
                .text(ArrayLiteral.texts(entries.map(\.reference.id.rawValue))),
                .text(ArrayLiteral.integers(entries.map(\.version))),
                .text(ArrayLiteral.texts(entries.map(\.summary))),
            ],
            while: "appending to the change log"
        )
    }

    /// The first key of the change log's advisory lock; the second is the table's own oid, so that
    /// stores in different schemas of one database do not wait on each other.
    static let logLockClass = 0x5141_4632

    static func readLog(_ result: QueryResult, _ row: Int) throws -> ChangeLogEntry {
        guard let principal = result.text(row, 2).flatMap(Principal.ID.init(rawValue:)),
            let kind = result.text(row, 3).flatMap(ChangeKind.init(rawValue:)),
            let id = result.text(row, 5).flatMap(Identifier<AnyRecordKind>.init(rawValue:))
        else {
            throw DomainError(.corruptDatabase, "change-log entry \(result.integer(row, 0) ?? 0) is malformed")
        }
        return ChangeLogEntry(
            sequence: result.integer(row, 0) ?? 0,
            at: Date(timeIntervalSinceReferenceDate: result.double(row, 1) ?? 0),
            principal: principal,
            kind: kind,
            record: RecordReference(type: RecordType(rawValue: result.text(row, 4) ?? ""), id: id),
            version: result.integer(row, 6) ?? 0,
            summary: result.text(row, 7)
        )
    }

    /// The change log of one record, oldest first.
    public func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        try await pool.with { connection in
            let result = try connection.execute(
                "SELECT \(Self.logColumns) FROM change_log WHERE record_type = $1 AND record_id = $2 ORDER BY sequence",
                [.text(reference.type.rawValue), .text(reference.id.rawValue)],
                while: "reading the change log of \(reference)"
            )
            return try (0..<result.count).map { try Self.readLog(result, $0) }
        }
    }

    /// The change log from `start` up to, not including, `end`, oldest first.
    public func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        try await pool.with { connection in
            try Self.changeLog(from: start, to: end, connection)
        }
    }

    static func changeLog(from start: Date, to end: Date, _ connection: Connection) throws -> [ChangeLogEntry] {
        let result = try connection.execute(
            "SELECT \(logColumns) FROM change_log WHERE at >= $1::float8 AND at < $2::float8 ORDER BY sequence",
            [.double(start.timeIntervalSinceReferenceDate), .double(end.timeIntervalSinceReferenceDate)],
            while: "reading the change log"
        )
        return try (0..<result.count).map { try readLog(result, $0) }
    }

    /// The highest schema version stored for each record type.
    public func storedSchemaVersions() async throws -> [RecordType: Int] {
        try await pool.with { connection in
            let result = try connection.execute(
                "SELECT type, MAX(schema_version) FROM records GROUP BY type",
                while: "reading schema versions"
            )
            var versions: [RecordType: Int] = [:]
            for row in 0..<result.count {
                versions[RecordType(rawValue: result.text(row, 0) ?? "")] = result.integer(row, 1)
            }
            return versions
        }
    }
}

/// PostgreSQL's array literals, sent as one text parameter and cast on the server.
enum ArrayLiteral {
    static func texts(_ values: [String?]) -> String {
        "{"
            + values.map { value in
                guard let value else { return "NULL" }
                var quoted = "\""
                for character in value.unicodeScalars {
                    if character == "\"" || character == "\\" { quoted.unicodeScalars.append("\\") }
                    quoted.unicodeScalars.append(character)
                }
                return quoted + "\""
            }.joined(separator: ",") + "}"
    }

    static func texts(_ values: [String]) -> String { texts(values.map(Optional.some)) }

    static func integers(_ values: [Int]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }
}
