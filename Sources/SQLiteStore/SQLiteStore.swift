import CSQLite
public import Domain
public import Foundation

/// A `RecordStore` on the system SQLite: one database file, WAL journal, foreign keys on, every
/// batch in one transaction, prepared statements reused, the change log made append-only by triggers.
///
/// ```swift
/// let store = try SQLiteStore(path: "qaf-demo/partnership.sqlite")
/// let environment = AssuranceEnvironment(store: store)
/// ```
///
/// Opening a file that is not one of ours, or is damaged, throws `DomainError.Code.notOurDatabase`
/// or `DomainError.Code.corruptDatabase` and changes nothing. Opening a database written by a newer
/// version of the package throws `DomainError.Code.schemaTooNew`.
public actor SQLiteStore: RecordStore {
    /// How the store trades durability for speed and checks the file it opens.
    public struct Options: Hashable, Sendable {
        /// SQLite's `synchronous` setting.
        public enum Synchronous: String, Hashable, Sendable {
            /// Safe against a crash of the process; the last commits may be lost if the machine loses power.
            case normal = "NORMAL"
            /// Safe against power loss too, at the cost of a sync on every commit.
            case full = "FULL"
        }

        /// SQLite's `synchronous` setting; ``Synchronous/normal`` by default, as SQLite recommends with WAL.
        public var synchronous: Synchronous
        /// Whether to run SQLite's quick integrity check when an existing file is opened.
        public var checkIntegrityOnOpen: Bool
        /// How long a writer waits for another process's lock, in milliseconds.
        public var busyTimeoutMilliseconds: Int

        /// Creates options.
        public init(
            synchronous: Synchronous = .normal,
            checkIntegrityOnOpen: Bool = true,
            busyTimeoutMilliseconds: Int = 5000
        ) {
            self.synchronous = synchronous
            self.checkIntegrityOnOpen = checkIntegrityOnOpen
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        }
    }

    /// The application id written in the file's header: `QAF1`.
    public static let applicationID: Int32 = 0x5141_4631
    /// The layout version of the database this build writes.
    public static let formatVersion = 1

    /// The database file's path.
    public nonisolated let path: String
    private let connection: Connection
    private var periodCache: [Int64: ReportingPeriod] = [:]

    /// Opens the database at a path, creating it when there is no file (or an empty one).
    ///
    /// - Parameters:
    ///   - path: The database file, or `:memory:` for a private in-memory database.
    ///   - options: Durability and checks.
    ///   - schema: The schema version this build writes for each record type; a type stored at a newer
    ///     version is refused. Pass `AssuranceFramework.schemaVersions`.
    /// - Throws: `DomainError.Code.notOurDatabase`, `DomainError.Code.corruptDatabase`,
    ///   `DomainError.Code.schemaTooNew` or `DomainError.Code.storeFailed`; the file is not changed.
    public init(path: String, options: Options = Options(), schema: [RecordType: Int] = [:]) throws {
        self.path = path
        let existing =
            path != ":memory:" && ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        if existing {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw DomainError(.storeFailed, "cannot read the database \(path); check its permissions")
            }
            let connection = try Connection(path: path, flags: SQLITE_OPEN_READWRITE)
            try Self.verify(connection, options: options)
            self.connection = connection
        } else {
            let connection = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            try Self.create(connection)
            self.connection = connection
        }
        try connection.execute("PRAGMA journal_mode = WAL", while: "setting the WAL journal")
        try connection.execute("PRAGMA synchronous = \(options.synchronous.rawValue)", while: "setting synchronous")
        try connection.execute("PRAGMA foreign_keys = ON", while: "enabling foreign keys")
        try connection.execute(
            "PRAGMA busy_timeout = \(options.busyTimeoutMilliseconds)",
            while: "setting the busy timeout"
        )
        if !schema.isEmpty {
            let stored = try Self.schemaVersions(connection)
            for (type, version) in stored.sorted(by: { $0.key < $1.key }) {
                if let supported = schema[type], version > supported {
                    throw DomainError(
                        .schemaTooNew,
                        "\(type) records were written with schema version \(version), but this build reads up to "
                            + "version \(supported); update the package before opening this data"
                    )
                }
            }
        }
    }

    /// A private in-memory SQLite database, for tests.
    public static func inMemory() throws -> SQLiteStore { try SQLiteStore(path: ":memory:") }

    private static func verify(_ connection: Connection, options: Options) throws {
        let application = try connection.integer("PRAGMA application_id", while: "reading the file's header") ?? 0
        let tables = try connection.texts(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            while: "listing the tables"
        )
        if application == 0 && tables.isEmpty {
            try create(connection)
            return
        }
        guard application == Int64(applicationID) else {
            let listed = tables.isEmpty ? "no tables" : "tables " + tables.prefix(5).joined(separator: ", ")
            throw DomainError(
                .notOurDatabase,
                "\(connection.path) is a SQLite database but not a safeguarding QA database (application id "
                    + "\(application), \(listed)); open a database made by this package"
            )
        }
        let format = Int(try connection.integer("PRAGMA user_version", while: "reading the format version") ?? 0)
        guard format <= formatVersion else {
            throw DomainError(
                .schemaTooNew,
                "\(connection.path) has database format version \(format), but this build reads up to version "
                    + "\(formatVersion); update the package before opening it"
            )
        }
        for required in ["change_log", "observations", "records", "series"] where !tables.contains(required) {
            throw DomainError(
                .corruptDatabase,
                "\(connection.path) has no \(required) table; restore it from a backup"
            )
        }
        if options.checkIntegrityOnOpen {
            let result = try connection.texts("PRAGMA quick_check", while: "checking the file's integrity")
            guard result == ["ok"] else {
                throw DomainError(
                    .corruptDatabase,
                    "\(connection.path) is damaged: \(result.prefix(3).joined(separator: "; ")); restore it from a backup"
                )
            }
        }
    }

    private static func create(_ connection: Connection) throws {
        try connection.execute(
            """
            BEGIN;
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(formatVersion);
            CREATE TABLE records (
                type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, schema_version INTEGER NOT NULL,
                agency TEXT, grp TEXT, period TEXT, status TEXT, due_day INTEGER, parent TEXT, key TEXT,
                payload BLOB NOT NULL, PRIMARY KEY (type, id)) WITHOUT ROWID;
            CREATE INDEX records_agency ON records (type, agency);
            CREATE INDEX records_status ON records (type, status);
            CREATE INDEX records_parent ON records (type, parent);
            CREATE INDEX records_key ON records (type, key);
            CREATE TABLE change_log (
                sequence INTEGER PRIMARY KEY, at REAL NOT NULL, principal TEXT NOT NULL, kind TEXT NOT NULL,
                record_type TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL, summary TEXT);
            CREATE INDEX change_log_record ON change_log (record_type, record_id);
            CREATE INDEX change_log_at ON change_log (at);
            CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
                BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
            CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
                BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
            CREATE TABLE series (
                id INTEGER PRIMARY KEY, measure TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0,
                UNIQUE (measure, scope));
            CREATE TABLE observations (
                series INTEGER NOT NULL REFERENCES series (id), period INTEGER NOT NULL,
                value REAL, numerator REAL, denominator REAL, status INTEGER NOT NULL,
                PRIMARY KEY (series, period)) WITHOUT ROWID;
            COMMIT;
            """,
            while: "creating the database"
        )
    }

    private static func schemaVersions(_ connection: Connection) throws -> [RecordType: Int] {
        let statement = try connection.statement("SELECT type, MAX(schema_version) FROM records GROUP BY type")
        var versions: [RecordType: Int] = [:]
        while try statement.step(while: "reading schema versions") {
            versions[RecordType(rawValue: statement.text(0) ?? "")] = statement.int(1)
        }
        return versions
    }

    // MARK: Records

    private static let recordColumns =
        "type, id, version, schema_version, agency, grp, period, status, due_day, parent, key, payload"

    private func readRecord(_ statement: Statement) -> StoredRecord {
        var index = RecordIndex()
        index.agency = statement.text(4).map { Agency.ID(unchecked: $0) }
        index.group = statement.text(5).map { Group.ID(unchecked: $0) }
        index.period = statement.text(6).flatMap { ReportingPeriod($0) }
        index.status = statement.text(7)
        index.dueDay = statement.isNull(8) ? nil : Day(unchecked: statement.int(8))
        index.parent = statement.text(9).map { Identifier(unchecked: $0) }
        index.key = statement.text(10)
        return StoredRecord(
            type: RecordType(rawValue: statement.text(0) ?? ""),
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
        add("status", filter.status)
        add("parent", filter.parent?.rawValue)
        add("key", filter.key)
        var sql = "SELECT \(Self.recordColumns) FROM records WHERE " + clauses.joined(separator: " AND ")
        if filter.dueOnOrBefore != nil { sql += " AND due_day IS NOT NULL AND due_day <= ?" }
        sql += " ORDER BY id"
        let statement = try connection.statement(sql)
        for (offset, text) in texts.enumerated() { statement.bind(Int32(offset + 1), text) }
        if let due = filter.dueOnOrBefore { statement.bind(Int32(texts.count + 1), due.daysSinceEpoch) }
        defer { statement.reset() }
        var result: [StoredRecord] = []
        while try statement.step(while: "querying \(query.type)") { result.append(readRecord(statement)) }
        return result
    }

    /// Applies a batch in one transaction; any stale write rolls the whole batch back.
    @discardableResult
    public func write(_ writes: [RecordWrite], context: ChangeContext) async throws -> [StoredRecord] {
        for write in writes { if case .save(let record) = write { try StoreRules.validate(record) } }
        return try connection.transaction("writing records") {
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
                    try appendLog(context, kind, reference, record.version, nil)
                    saved.append(record)
                case .delete(_, let version):
                    guard let held, held == version else {
                        throw StoreRules.stale(reference, expected: version, held: held)
                    }
                    let statement = try connection.statement("DELETE FROM records WHERE type = ? AND id = ?")
                    statement.bind(1, reference.type.rawValue)
                    statement.bind(2, reference.id.rawValue)
                    try check(statement.run(), "deleting \(reference)")
                    try appendLog(context, .deleted, reference, version, nil)
                }
            }
            return saved
        }
    }

    private func heldVersion(_ reference: RecordReference) throws -> Int? {
        let statement = try connection.statement("SELECT version FROM records WHERE type = ? AND id = ?")
        statement.bind(1, reference.type.rawValue)
        statement.bind(2, reference.id.rawValue)
        defer { statement.reset() }
        return try statement.step(while: "reading the version of \(reference)") ? statement.int(0) : nil
    }

    private func upsert(_ record: StoredRecord) throws {
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
        statement.bind(8, record.index.status)
        statement.bind(9, record.index.dueDay.map { Int64($0.daysSinceEpoch) })
        statement.bind(10, record.index.parent?.rawValue)
        statement.bind(11, record.index.key)
        statement.bind(12, record.payload)
        try check(statement.run(), "writing \(record.reference)")
    }

    private func appendLog(
        _ context: ChangeContext,
        _ kind: ChangeKind,
        _ reference: RecordReference,
        _ version: Int,
        _ summary: String?,
        sequence: Int? = nil
    ) throws {
        let statement = try connection.statement(
            "INSERT INTO change_log (sequence, at, principal, kind, record_type, record_id, version, summary) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        statement.bind(1, sequence.map(Int64.init))
        statement.bind(2, context.at.timeIntervalSinceReferenceDate)
        statement.bind(3, context.principal.rawValue)
        statement.bind(4, kind.rawValue)
        statement.bind(5, reference.type.rawValue)
        statement.bind(6, reference.id.rawValue)
        statement.bind(7, version)
        statement.bind(8, summary)
        try check(statement.run(), "appending to the change log")
    }

    private func check(_ status: Int32, _ doing: String) throws {
        guard status == SQLITE_DONE || status == SQLITE_ROW else { throw connection.failure(status, while: doing) }
    }

    // MARK: Change log

    private func readLog(_ statement: Statement) -> ChangeLogEntry {
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
            summary: statement.text(7)
        )
    }

    private static let logColumns = "sequence, at, principal, kind, record_type, record_id, version, summary"

    /// The change log of one record, oldest first.
    public func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        let statement = try connection.statement(
            "SELECT \(Self.logColumns) FROM change_log WHERE record_type = ? AND record_id = ? ORDER BY sequence"
        )
        statement.bind(1, reference.type.rawValue)
        statement.bind(2, reference.id.rawValue)
        defer { statement.reset() }
        var entries: [ChangeLogEntry] = []
        while try statement.step(while: "reading the change log") { entries.append(readLog(statement)) }
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
        while try statement.step(while: "reading the change log") { entries.append(readLog(statement)) }
        return entries
    }

    /// The highest schema version stored for each record type.
    public func storedSchemaVersions() async throws -> [RecordType: Int] {
        try Self.schemaVersions(connection)
    }

    // MARK: Observations

    private func seriesID(_ measure: MeasureID, _ scope: SeriesScope, create: Bool) throws -> (id: Int64, version: Int)?
    {
        let select = try connection.statement("SELECT id, version FROM series WHERE measure = ? AND scope = ?")
        select.bind(1, measure.rawValue)
        select.bind(2, scope.description)
        if try select.step(while: "reading a series") {
            defer { select.reset() }
            return (select.int64(0), select.int(1))
        }
        select.reset()
        guard create else { return nil }
        let insert = try connection.statement("INSERT INTO series (measure, scope, version) VALUES (?, ?, 0)")
        insert.bind(1, measure.rawValue)
        insert.bind(2, scope.description)
        try check(insert.run(), "creating a series")
        return (sqlite3_last_insert_rowid(connection.handle), 0)
    }

    /// Appends observations in one transaction: one prepared insert, reused for every row.
    @discardableResult
    public func append(
        _ batch: [ObservationSeries],
        mode: ObservationWriteMode,
        context: ChangeContext
    ) async throws -> ObservationWriteSummary {
        for series in batch {
            var seen = Set<Int64>()
            for point in series.points {
                try StoreRules.validate(point, in: series)
                guard seen.insert(point.period.code).inserted else {
                    throw StoreRules.repeatedPeriod(series, point.period)
                }
            }
        }
        return try connection.transaction("appending observations") {
            var inserted = 0
            var replaced = 0
            var touched: [String: (reference: RecordReference, id: Int64, count: Int)] = [:]
            var order: [String] = []
            let sql =
                mode == .insertOnly
                ? "INSERT INTO observations (series, period, value, numerator, denominator, status) VALUES (?, ?, ?, ?, ?, ?)"
                : """
                INSERT INTO observations (series, period, value, numerator, denominator, status) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (series, period) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
                    denominator = excluded.denominator, status = excluded.status
                """
            for series in batch {
                let key = "\(series.measure.rawValue) \(series.scope)"
                let id: Int64
                if let known = touched[key] {
                    id = known.id
                } else {
                    id = try seriesID(series.measure, series.scope, create: true)!.id
                    touched[key] = (RecordReference(type: .observationSeries, id: series.changeLogID), id, 0)
                    order.append(key)
                }
                touched[key]!.count += series.points.count
                var held = Set<Int64>()
                if mode == .replaceExisting {
                    let existing = try connection.statement("SELECT period FROM observations WHERE series = ?")
                    existing.bind(1, id)
                    while try existing.step(while: "reading held observations") { held.insert(existing.int64(0)) }
                    existing.reset()
                }
                let insert = try connection.statement(sql)
                for point in series.points {
                    let code = point.period.code
                    sqlite3_bind_int64(insert.handle, 1, id)
                    sqlite3_bind_int64(insert.handle, 2, code)
                    insert.bind(3, point.value)
                    insert.bind(4, point.numerator)
                    insert.bind(5, point.denominator)
                    sqlite3_bind_int64(insert.handle, 6, Int64(point.status.code))
                    let status = sqlite3_step(insert.handle)
                    sqlite3_reset(insert.handle)
                    if status & 0xFF == SQLITE_CONSTRAINT {
                        throw StoreRules.duplicateObservation(series, point.period)
                    }
                    try check(status, "appending observations")
                    if held.contains(code) { replaced += 1 } else { inserted += 1 }
                }
            }
            let bump = try connection.statement(
                "UPDATE series SET version = version + 1 WHERE id = ? RETURNING version"
            )
            for key in order {
                let entry = touched[key]!
                bump.bind(1, entry.id)
                guard try bump.step(while: "counting a series' appends") else {
                    throw DomainError(.storeFailed, "series \(entry.reference.id) vanished while appending")
                }
                let version = bump.int(0)
                bump.reset()
                try appendLog(context, .appended, entry.reference, version, "\(entry.count) observations appended")
            }
            return ObservationWriteSummary(inserted: inserted, replaced: replaced, series: order.count)
        }
    }

    private func period(_ code: Int64) -> ReportingPeriod? {
        if let cached = periodCache[code] { return cached }
        let period = ReportingPeriod(code: code)
        periodCache[code] = period
        return period
    }

    /// The series that match a query, ordered by measure and scope, each in period order.
    public func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        var series: [Int64: ObservationSeries] = [:]
        let list = try connection.statement("SELECT id, measure, scope FROM series")
        while try list.step(while: "listing series") {
            guard let measure = list.text(1).flatMap(MeasureID.init(rawValue:)),
                let scope = list.text(2).flatMap(SeriesScope.init)
            else { continue }
            if let measures = query.measures, !measures.contains(measure) { continue }
            if let scopes = query.scopes, !scopes.contains(scope) { continue }
            series[list.int64(0)] = ObservationSeries(measure: measure, scope: scope, points: [])
        }
        list.reset()
        guard !series.isEmpty else { return [] }
        let rows = try connection.statement(
            "SELECT series, period, value, numerator, denominator, status FROM observations ORDER BY series, period"
        )
        let handle = rows.handle
        var currentID: Int64 = -1
        var points: [SeriesPoint] = []
        func flush() {
            if currentID >= 0, !points.isEmpty, series[currentID] != nil {
                series[currentID]!.points = points
            }
            points = []
        }
        while try rows.step(while: "reading observations") {
            let id = sqlite3_column_int64(handle, 0)
            if id != currentID {
                flush()
                currentID = id
            }
            guard series[id] != nil, let period = period(sqlite3_column_int64(handle, 1)), query.includes(period) else {
                continue
            }
            points.append(
                SeriesPoint(
                    period: period,
                    value: rows.double(2),
                    numerator: rows.double(3),
                    denominator: rows.double(4),
                    status: ObservationStatus(code: Int(sqlite3_column_int64(handle, 5))) ?? .actual
                )
            )
        }
        flush()
        rows.reset()
        return series.values.filter { !$0.points.isEmpty }.map { held in
            var sorted = held
            if Set(held.points.map(\.period.kind)).count > 1 { sorted.points.sort { $0.period < $1.period } }
            return sorted
        }.sorted { ($0.measure, $0.scope) < ($1.measure, $1.scope) }
    }

    // MARK: Backups

    /// Everything held.
    public func snapshot() async throws -> StoreSnapshot {
        let recordsStatement = try connection.statement("SELECT \(Self.recordColumns) FROM records ORDER BY type, id")
        var records: [StoredRecord] = []
        while try recordsStatement.step(while: "reading records") { records.append(readRecord(recordsStatement)) }
        recordsStatement.reset()
        let versions = try connection.statement("SELECT measure, scope, version FROM series")
        var seriesVersions: [String: Int] = [:]
        while try versions.step(while: "reading series") {
            seriesVersions["\(versions.text(0) ?? "") \(versions.text(1) ?? "")"] = versions.int(2)
        }
        versions.reset()
        let series = try await observationSeries(matching: .all).map {
            SnapshotSeries(series: $0, version: seriesVersions["\($0.measure.rawValue) \($0.scope)"] ?? 0)
        }
        let log = try await changeLog(from: .distantPast, to: .distantFuture)
        return StoreSnapshot(records: records, series: series, changeLog: log)
    }

    /// Fills the empty store from a backup in one transaction.
    public func restore(_ snapshot: StoreSnapshot) async throws {
        let counts = (
            try connection.integer("SELECT COUNT(*) FROM records", while: "counting records") ?? 0,
            try connection.integer("SELECT COUNT(*) FROM series", while: "counting series") ?? 0,
            try connection.integer("SELECT COUNT(*) FROM change_log", while: "counting the change log") ?? 0
        )
        guard counts == (0, 0, 0) else {
            throw StoreRules.notEmpty(records: Int(counts.0), series: Int(counts.1), changes: Int(counts.2))
        }
        try StoreRules.validate(snapshot)
        try connection.transaction("restoring a backup") {
            for record in snapshot.records { try upsert(record) }
            for entry in snapshot.changeLog {
                try appendLog(
                    ChangeContext(principal: entry.principal, at: entry.at),
                    entry.kind,
                    entry.record,
                    entry.version,
                    entry.summary,
                    sequence: entry.sequence
                )
            }
            let insert = try connection.statement(
                "INSERT INTO observations (series, period, value, numerator, denominator, status) VALUES (?, ?, ?, ?, ?, ?)"
            )
            let setVersion = try connection.statement("UPDATE series SET version = ? WHERE id = ?")
            for held in snapshot.series {
                let id = try seriesID(held.series.measure, held.series.scope, create: true)!.id
                setVersion.bind(1, held.version)
                setVersion.bind(2, id)
                try check(setVersion.run(), "restoring a series")
                for point in held.series.points {
                    insert.bind(1, id)
                    insert.bind(2, point.period.code)
                    insert.bind(3, point.value)
                    insert.bind(4, point.numerator)
                    insert.bind(5, point.denominator)
                    insert.bind(6, Int64(point.status.code))
                    try check(insert.run(), "restoring observations")
                }
            }
        }
    }

    // MARK: Maintenance

    /// SQLite's full integrity check: `["ok"]` when the file is sound.
    public func integrityCheck() async throws -> [String] {
        try connection.texts("PRAGMA integrity_check", while: "checking integrity")
    }

    /// Writes the WAL back into the database file.
    public func checkpoint() async throws {
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)", while: "checkpointing")
    }
}
