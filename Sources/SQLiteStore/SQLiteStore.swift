import CSQLite
public import Domain
import Foundation

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
public actor SQLiteStore: PayloadPagedRecordStore {
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
    public static let formatVersion = 2

    /// The change log's last entry, read at the start of each write.
    struct ChainHead {
        var sequence: Int
        var hash: ChangeLogDigest
    }

    /// The database file's path.
    public nonisolated let path: String
    let connection: Connection
    var periodCache: [Int64: ReportingPeriod] = [:]
    var chainHead = ChainHead(sequence: 0, hash: ChangeLogChain.origin)

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
            try StoreRules.checkSchema(try Self.schemaVersions(connection), supported: schema)
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
            throw StoreRules.notOurDatabase(connection.path, found: "application id \(application) and \(listed)")
        }
        let format = Int(try connection.integer("PRAGMA user_version", while: "reading the format version") ?? 0)
        guard format <= formatVersion else {
            throw StoreRules.formatTooNew(
                connection.path,
                kind: "database format",
                found: format,
                supported: formatVersion
            )
        }
        for required in ["change_log", "observations", "records", "series"] where !tables.contains(required) {
            throw StoreRules.missingTable(required, in: connection.path)
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
        if format < 2 { try chainChangeLog(connection) }
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
                record_type TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL, summary TEXT,
                content_digest BLOB, hash BLOB);
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

    static func schemaVersions(_ connection: Connection) throws -> [RecordType: Int] {
        let statement = try connection.statement("SELECT type, MAX(schema_version) FROM records GROUP BY type")
        var versions: [RecordType: Int] = [:]
        while try statement.step(while: "reading schema versions") {
            versions[RecordType(rawValue: statement.text(0) ?? "")] = statement.int(1)
        }
        return versions
    }

}
