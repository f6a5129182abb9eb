import CSQLite
public import Domain
public import Foundation

extension SQLiteStore {

    static let recordColumns =
        "type, id, version, schema_version, agency, grp, period, status, due_day, parent, key, payload"

    /// The texts of the row before, which the next row's share where they hold the same bytes.
    struct RepeatedTexts {
        var type: String?
        var agency: String?
        var status: String?
        var parent: String?
        var key: String?
    }

    func readRecord(_ statement: Statement) -> StoredRecord {
        var texts = RepeatedTexts()
        return readRecord(statement, sharing: &texts)
    }

    func readRecord(_ statement: Statement, sharing texts: inout RepeatedTexts) -> StoredRecord {
        var index = RecordIndex()
        index.agency = statement.text(4, sameAs: &texts.agency).map { Agency.ID(unchecked: $0) }
        index.group = statement.text(5).map { Group.ID(unchecked: $0) }
        index.period = statement.text(6).flatMap { ReportingPeriod($0) }
        index.status = statement.text(7, sameAs: &texts.status).map(RecordStatus.init(rawValue:))
        index.dueDay = statement.isNull(8) ? nil : Day(unchecked: statement.int(8))
        index.parent = statement.text(9, sameAs: &texts.parent).map { Identifier(unchecked: $0) }
        index.key = statement.text(10, sameAs: &texts.key)
        return StoredRecord(
            type: RecordType(rawValue: statement.text(0, sameAs: &texts.type) ?? ""),
            id: Identifier(unchecked: statement.text(1) ?? ""),
            version: statement.int(2),
            schemaVersion: statement.int(3),
            index: index,
            payload: statement.blob(11)
        )
    }

    /// The record with a type and id, or `nil`.
    public func record(_ reference: RecordReference) async throws -> StoredRecord? {
        let statement = try connection.statement("SELECT \(Self.recordColumns) FROM records WHERE type = ? AND id = ?")
        statement.bind(1, reference.type.rawValue)
        statement.bind(2, reference.id.rawValue)
        defer { statement.reset() }
        return try statement.step(while: "reading \(reference)") ? readRecord(statement) : nil
    }

    /// The records that match a query, in id order.
    public func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        try read(query, after: nil, limit: nil)
    }

    /// The records that match a query whose ids come after an id, in id order, at most `limit` (none
    /// for a limit below 1): a range of the primary key for a whole type.
    public func records(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws -> [StoredRecord] {
        try read(query, after: id, limit: max(limit, 0))
    }

    private func read(_ query: RecordQuery, after id: Identifier<AnyRecordKind>?, limit: Int?) throws -> [StoredRecord]
    {
        let statement = try prepare(query, columns: Self.recordColumns, after: id, limit: limit)
        defer { statement.reset() }
        var result: [StoredRecord] = []
        if let limit { result.reserveCapacity(min(limit, 65_536)) }
        var repeated = RepeatedTexts()
        while try statement.step(while: "querying \(query.type)") {
            result.append(readRecord(statement, sharing: &repeated))
        }
        return result
    }

    /// Fills a page with the ids, versions and payloads of a query's rows after an id, in id order,
    /// at most `limit` (none for a limit below 1): the rows of ``records(matching:after:limit:)``,
    /// copied from SQLite's row buffers into the page's with no value made for any of them.
    package func readPayloads(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int,
        into page: RecordPayloadPage
    ) async throws {
        let statement = try prepare(
            query,
            columns: "id, version, schema_version, payload",
            after: id,
            limit: max(limit, 0)
        )
        defer { statement.reset() }
        page.removeAll(type: query.type)
        while try statement.step(while: "querying \(query.type)") {
            page.append(
                id: statement.textBytes(0),
                version: statement.int(1),
                schemaVersion: statement.int(2),
                payload: statement.blobBytes(3)
            )
        }
    }

    /// The prepared statement that selects columns of a query's records after an id, its parameters bound.
    private func prepare(
        _ query: RecordQuery,
        columns: String,
        after id: Identifier<AnyRecordKind>?,
        limit: Int?
    ) throws -> Statement {
        let (sql, texts) = Self.selection(query, columns: columns, after: id)
        let statement = try connection.statement(limit == nil ? sql : sql + " LIMIT ?")
        for (offset, text) in texts.enumerated() { statement.bind(Int32(offset + 1), text) }
        var next = Int32(texts.count + 1)
        if let due = query.filter.dueOnOrBefore {
            statement.bind(next, due.daysSinceEpoch)
            next += 1
        }
        if let limit { statement.bind(next, limit) }
        return statement
    }

    /// The statement that selects a query's records, with its text parameters in order (a due day,
    /// when the filter has one, is the parameter after them).
    static func selection(
        _ query: RecordQuery,
        columns: String = recordColumns,
        after id: Identifier<AnyRecordKind>? = nil
    ) -> (sql: String, texts: [String]) {
        var clauses = ["type = ?"]
        var texts: [String] = [query.type.rawValue]
        let filter = query.filter
        func add(_ column: String, _ value: String?) {
            guard let value else { return }
            clauses.append("\(column) = ?")
            texts.append(value)
        }
        add("agency", filter.agency?.rawValue)
        add("grp", filter.group?.rawValue)
        add("period", filter.period?.description)
        add("status", filter.status?.rawValue)
        add("parent", filter.parent?.rawValue)
        add("key", filter.key)
        if let id {
            clauses.append("id > ?")
            texts.append(id.rawValue)
        }
        var sql = "SELECT \(columns) FROM records\(indexHint(filter)) WHERE "
        sql += clauses.joined(separator: " AND ")
        if filter.dueOnOrBefore != nil { sql += " AND due_day IS NOT NULL AND due_day <= ?" }
        sql += " ORDER BY id"
        return (sql, texts)
    }

    /// The index a filter's query reads through, named outright.
    ///
    /// Without statistics SQLite's planner prefers walking every record of the type in id order (the
    /// primary key, which gives the order asked for) to an index search and a sort, even when a parent,
    /// key or agency picks out a few hundred records of ninety thousand; it then reads every payload of
    /// the type for each query. A parent, key or agency names one owner's records, so its index is
    /// the better path whatever the statistics; a status alone usually matches a large share, and is
    /// left to the planner.
    static func indexHint(_ filter: RecordFilter) -> String {
        if filter.parent != nil { return " INDEXED BY records_parent" }
        if filter.key != nil { return " INDEXED BY records_key" }
        if filter.agency != nil { return " INDEXED BY records_agency" }
        return ""
    }

    /// Makes a transaction's record writes and observation appends in one SQLite transaction; any
    /// refusal rolls the whole transaction back.
    @discardableResult
    public func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        try StoreRules.validate(changes)
        guard !changes.isEmpty else { return AppliedChanges() }
        let doing = changes.records.isEmpty ? "appending observations" : "writing records"
        return try connection.transaction(doing) {
            chainHead = try readChainHead()
            let saved = try writeRecords(changes.records, context: context)
            let summary = try appendObservations(changes.observations, mode: changes.observationMode, context: context)
            return AppliedChanges(records: saved, observations: summary)
        }
    }

    /// Writes records inside the caller's transaction.
    private func writeRecords(_ writes: [RecordWrite], context: ChangeContext) throws -> [StoredRecord] {
        var saved: [StoredRecord] = []
        for write in writes {
            let reference = write.reference
            let held = try heldVersion(reference)
            switch write {
            case .save(var record):
                guard (held ?? 0) == record.version else {
                    throw StoreRules.stale(reference, expected: record.version, held: held)
                }
                let kind: ChangeKind = record.version == 0 ? .created : .updated
                record.version += 1
                try upsert(record)
                try appendLog(
                    context,
                    kind,
                    reference,
                    record.version,
                    nil,
                    content: ChangeLogChain.contentDigest(of: record)
                )
                saved.append(record)
            case .delete(_, let version):
                guard let held, held == version else {
                    throw StoreRules.stale(reference, expected: version, held: held)
                }
                let statement = try connection.statement("DELETE FROM records WHERE type = ? AND id = ?")
                statement.bind(1, reference.type.rawValue)
                statement.bind(2, reference.id.rawValue)
                try check(statement.run(), "deleting \(reference)")
                try appendLog(context, .deleted, reference, version, nil, content: ChangeLogChain.deletion)
            }
        }
        return saved
    }

    func heldVersion(_ reference: RecordReference) throws -> Int? {
        let statement = try connection.statement("SELECT version FROM records WHERE type = ? AND id = ?")
        statement.bind(1, reference.type.rawValue)
        statement.bind(2, reference.id.rawValue)
        defer { statement.reset() }
        return try statement.step(while: "reading the version of \(reference)") ? statement.int(0) : nil
    }

    func upsert(_ record: StoredRecord) throws {
        let statement = try connection.statement(
            """
            INSERT INTO records (\(Self.recordColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, schema_version = excluded.schema_version,
                agency = excluded.agency, grp = excluded.grp, period = excluded.period, status = excluded.status,
                due_day = excluded.due_day, parent = excluded.parent, key = excluded.key, payload = excluded.payload
            """
        )
        statement.bind(1, record.type.rawValue)
        statement.bind(2, record.id.rawValue)
        statement.bind(3, record.version)
        statement.bind(4, record.schemaVersion)
        statement.bind(5, record.index.agency?.rawValue)
        statement.bind(6, record.index.group?.rawValue)
        statement.bind(7, record.index.period?.description)
        statement.bind(8, record.index.status?.rawValue)
        statement.bind(9, record.index.dueDay.map { Int64($0.daysSinceEpoch) })
        statement.bind(10, record.index.parent?.rawValue)
        statement.bind(11, record.index.key)
        statement.bind(12, record.payload)
        try check(statement.run(), "writing \(record.reference)")
    }

    /// Appends an entry sealed after the chain's head, and moves the head to it.
    func appendLog(
        _ context: ChangeContext,
        _ kind: ChangeKind,
        _ reference: RecordReference,
        _ version: Int,
        _ summary: String?,
        content: ChangeLogDigest
    ) throws {
        let entry = ChangeLogChain.sealed(
            ChangeLogEntry(
                sequence: chainHead.sequence + 1,
                at: context.at,
                principal: context.principal,
                kind: kind,
                record: reference,
                version: version,
                summary: summary
            ),
            content: content,
            after: chainHead.hash
        )
        try insertLog(entry)
        chainHead = ChainHead(sequence: entry.sequence, hash: entry.hash ?? chainHead.hash)
    }

    /// Writes an entry as it is, sealed already.
    func insertLog(_ entry: ChangeLogEntry) throws {
        let statement = try connection.statement(
            "INSERT INTO change_log (\(Self.logColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        statement.bind(1, Int64(entry.sequence))
        statement.bind(2, entry.at.timeIntervalSinceReferenceDate)
        statement.bind(3, entry.principal.rawValue)
        statement.bind(4, entry.kind.rawValue)
        statement.bind(5, entry.record.type.rawValue)
        statement.bind(6, entry.record.id.rawValue)
        statement.bind(7, entry.version)
        statement.bind(8, entry.summary)
        statement.bind(9, entry.contentDigest.map { Data($0.bytes) })
        statement.bind(10, entry.hash.map { Data($0.bytes) })
        try check(statement.run(), "appending to the change log")
    }

    /// The last entry's sequence and hash, read inside a write's transaction.
    func readChainHead() throws -> ChainHead {
        let statement = try connection.statement("SELECT sequence, hash FROM change_log ORDER BY sequence DESC LIMIT 1")
        defer { statement.reset() }
        guard try statement.step(while: "reading the change log's head") else {
            return ChainHead(sequence: 0, hash: ChangeLogChain.origin)
        }
        guard let hash = ChangeLogDigest(bytes: [UInt8](statement.blob(1))) else {
            throw DomainError(
                .corruptDatabase,
                "\(path): change log entry \(statement.int(0)) carries no valid hash; run qaf verify, and restore "
                    + "from a backup"
            )
        }
        return ChainHead(sequence: statement.int(0), hash: hash)
    }

    func check(_ status: Int32, _ doing: String) throws {
        guard status == SQLITE_DONE || status == SQLITE_ROW else { throw connection.failure(status, while: doing) }
    }

    // MARK: Change log

    static func readLog(_ statement: Statement) -> ChangeLogEntry {
        ChangeLogEntry(
            sequence: statement.int(0),
            at: Date(timeIntervalSinceReferenceDate: statement.double(1) ?? 0),
            principal: Principal.ID(unchecked: statement.text(2) ?? ""),
            kind: ChangeKind(rawValue: statement.text(3) ?? "") ?? .updated,
            record: RecordReference(
                type: RecordType(rawValue: statement.text(4) ?? ""),
                id: Identifier(unchecked: statement.text(5) ?? "")
            ),
            version: statement.int(6),
            summary: statement.text(7),
            contentDigest: statement.isNull(8) ? nil : ChangeLogDigest(bytes: [UInt8](statement.blob(8))),
            hash: statement.isNull(9) ? nil : ChangeLogDigest(bytes: [UInt8](statement.blob(9)))
        )
    }

    static let logColumns =
        "sequence, at, principal, kind, record_type, record_id, version, summary, content_digest, hash"

    /// The change log of one record, oldest first.
    public func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        let statement = try connection.statement(
            "SELECT \(Self.logColumns) FROM change_log WHERE record_type = ? AND record_id = ? ORDER BY sequence"
        )
        statement.bind(1, reference.type.rawValue)
        statement.bind(2, reference.id.rawValue)
        defer { statement.reset() }
        var entries: [ChangeLogEntry] = []
        while try statement.step(while: "reading the change log") { entries.append(Self.readLog(statement)) }
        return entries
    }

    /// The change log from `start` up to, not including, `end`, oldest first.
    public func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        let statement = try connection.statement(
            "SELECT \(Self.logColumns) FROM change_log WHERE at >= ? AND at < ? ORDER BY sequence"
        )
        statement.bind(1, start.timeIntervalSinceReferenceDate)
        statement.bind(2, end.timeIntervalSinceReferenceDate)
        defer { statement.reset() }
        var entries: [ChangeLogEntry] = []
        while try statement.step(while: "reading the change log") { entries.append(Self.readLog(statement)) }
        return entries
    }

    /// The highest schema version stored for each record type.
    public func storedSchemaVersions() async throws -> [RecordType: Int] {
        try Self.schemaVersions(connection)
    }
}
