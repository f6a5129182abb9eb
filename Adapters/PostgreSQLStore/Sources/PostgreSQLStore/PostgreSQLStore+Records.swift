public import Domain
public import Foundation

extension PostgreSQLStore {
    static let recordColumns =
        "type, id, version, schema_version, agency, grp, period, status, due_day, parent, key, payload"
    static let logColumns =
        "sequence, at, principal, kind, record_type, record_id, version, summary, content_digest, hash"

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
        try await read(query, after: nil, limit: nil)
    }

    /// The records that match a query whose ids come after an id, in id order, at most `limit` (none
    /// for a limit below 1): for a whole type, a scan of the primary key's range from the id.
    public func records(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws -> [StoredRecord] {
        try await read(query, after: id, limit: max(limit, 0))
    }

    private func read(
        _ query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int?
    ) async throws -> [StoredRecord] {
        let (sql, values) = Self.selection(query, after: id, limit: limit)
        return try await pool.with { connection in
            let result = try connection.execute(sql, values, while: "querying \(query.type)")
            return try (0..<result.count).map { try Self.readRecord(result, $0) }
        }
    }

    /// The statement that selects a query's records after an id, at most `limit` of them, with its
    /// parameters in order.
    static func selection(
        _ query: RecordQuery,
        after id: Identifier<AnyRecordKind>? = nil,
        limit: Int? = nil
    ) -> (sql: String, values: [SQLValue]) {
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
        if let id {
            values.append(.text(id.rawValue))
            clauses.append("id > $\(values.count)")
        }
        var sql =
            "SELECT \(Self.recordColumns) FROM records WHERE " + clauses.joined(separator: " AND ") + " ORDER BY id"
        if let limit {
            values.append(.integer(Int64(limit)))
            sql += " LIMIT $\(values.count)"
        }
        return (sql, values)
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
                        let saved = try Self.writeRecords(changes.records, context: context, connection)
                        let summary = try Self.appendObservations(
                            changes.observations,
                            mode: changes.observationMode,
                            context: context,
                            connection
                        )
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

    /// Writes records inside the caller's transaction through the store's own functions, which take
    /// the change log's lock, write only where the version read is still held, and seal each entry
    /// into the chain (``Schema/writeFunctions``): an application's role writes nothing else.
    static func writeRecords(
        _ writes: [RecordWrite],
        context: ChangeContext,
        _ connection: Connection
    ) throws -> [StoredRecord] {
        var saved: [StoredRecord] = []
        let at = SQLValue.double(context.at.timeIntervalSinceReferenceDate)
        let principal = SQLValue.text(context.principal.rawValue)
        for write in writes {
            let reference = write.reference
            switch write {
            case .save(var record):
                let read = record.version
                let values = Self.values(of: record)
                let written = try connection.execute(
                    "SELECT qaf_save_record($1::float8, $2, $3, $4, $5::bigint, $6::integer, $7, $8, $9, $10, "
                        + "$11::integer, $12, $13, $14::bytea)",
                    [at, principal, values[0], values[1], .integer(Int64(read))] + values[3...],
                    while: "writing \(reference)"
                )
                guard let version = written.integer(0, 0) else {
                    throw StoreRules.stale(reference, expected: read, held: try Self.held(reference, connection))
                }
                record.version = version
                saved.append(record)
            case .delete(_, let version):
                let deleted = try connection.execute(
                    "SELECT qaf_delete_record($1::float8, $2, $3, $4, $5::bigint)::integer",
                    [
                        at, principal, .text(reference.type.rawValue), .text(reference.id.rawValue),
                        .integer(Int64(version)),
                    ],
                    while: "deleting \(reference)"
                )
                guard deleted.integer(0, 0) == 1 else {
                    throw StoreRules.stale(reference, expected: version, held: try Self.held(reference, connection))
                }
            }
        }
        return saved
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
            summary: result.text(row, 7),
            contentDigest: result.isNull(row, 8) ? nil : ChangeLogDigest(bytes: [UInt8](result.data(row, 8))),
            hash: result.isNull(row, 9) ? nil : ChangeLogDigest(bytes: [UInt8](result.data(row, 9)))
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

    /// Numbers as Swift writes them, the shortest text that reads back to the same bits, which the
    /// server's parser reads back exactly.
    static func doubles(_ values: [Double?]) -> String {
        "{" + values.map { $0.map { "\($0)" } ?? "NULL" }.joined(separator: ",") + "}"
    }
}
