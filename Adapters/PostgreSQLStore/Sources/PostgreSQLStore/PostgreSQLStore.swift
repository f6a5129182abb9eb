public import Domain
import Foundation

/// A `RecordStore` on a PostgreSQL server, through libpq: for a partner tool that a whole
/// partnership uses at once, with several application servers, and a database team's backups and
/// replicas.
///
/// ```swift
/// let store = try await PostgreSQLStore(
///     connectingTo: "host=/var/run/postgresql dbname=partnership",
///     schema: try AssuranceFramework(modules: modules).schemaVersions
/// )
/// let environment = AssuranceEnvironment(store: store, clock: .system, ids: .random)
/// ```
///
/// It keeps every promise of the store seam, as `StoreConformance` checks:
/// - A batch is one transaction. A save names the version it read; the store updates the row only
///   where that version is still held (`UPDATE … WHERE version = $n`), so of two writers racing on
///   one record, in one process or many, one wins and the other is refused with
///   `DomainError.Code.staleWrite`.
/// - The change log is appended in the same transaction, numbered without gaps in commit order; a
///   trigger refuses any update, delete or truncation of it, and ``grantAccess(to:)`` gives an
///   application's role no `UPDATE` or `DELETE` on it.
/// - Observations travel through `COPY` in PostgreSQL's binary format, and are read back the same way.
/// - A whole type is handed over a page at a time (`PagedRecordStore`), each page a scan of the
///   primary key's range from the id the last one ended on.
/// - Every value travels as a parameter of a prepared statement; no value is spliced into SQL.
/// - libpq blocks its caller, so every call runs on a connection's own dispatch queue, never on
///   Swift's cooperative pool. The store is safe to share between tasks: a small pool lends each
///   connection to one task at a time.
///
/// Opening checks the database first: one that holds other tables and no store is refused with
/// `DomainError.Code.notOurDatabase`; one written by a newer release with
/// `DomainError.Code.schemaTooNew`; an empty one gets the store's tables; an older one is migrated
/// in place, in one transaction.
public final class PostgreSQLStore: PagedRecordStore {
    /// How the store connects and where it keeps its tables.
    public struct Options: Hashable, Sendable {
        /// The most connections the store holds open at once.
        public var maximumConnections: Int
        /// The PostgreSQL schema (namespace) that holds the store's tables, created when missing;
        /// `nil` for the connection's own search path (normally `public`).
        public var namespace: String?
        /// Whether to build the store in an empty database or schema; when `false`, opening one
        /// without a store fails with `DomainError.Code.notFound`.
        public var createIfEmpty: Bool

        /// Creates options.
        public init(maximumConnections: Int = 4, namespace: String? = nil, createIfEmpty: Bool = true) {
            self.maximumConnections = maximumConnections
            self.namespace = namespace
            self.createIfEmpty = createIfEmpty
        }
    }

    /// The store format version this build writes.
    public static var formatVersion: Int { Schema.formatVersion }

    /// The libpq connection string (`host=/path dbname=name` or `postgresql://…`).
    public let conninfo: String
    /// The options the store was opened with.
    public let options: Options
    let pool: ConnectionPool

    /// Connects to a database and checks, creates or migrates the store in it.
    ///
    /// - Parameters:
    ///   - conninfo: A libpq connection string or URI. Prefer a Unix socket (`host=/path`) or
    ///     `sslmode=verify-full` over a network.
    ///   - options: The pool's size and the namespace.
    ///   - schema: The schema version this build writes for each record type; a type stored at a newer
    ///     version is refused. Pass `AssuranceFramework.schemaVersions`.
    /// - Throws: `DomainError.Code.notOurDatabase`, `DomainError.Code.schemaTooNew`,
    ///   `DomainError.Code.corruptDatabase` or `DomainError.Code.storeFailed` (the server could not
    ///   be reached, or refused a statement); nothing is changed.
    public convenience init(
        connectingTo conninfo: String,
        options: Options = Options(),
        schema: [RecordType: Int] = [:]
    ) async throws {
        try await self.init(connectingTo: conninfo, options: options, schema: schema, format: Schema.formatVersion)
    }

    /// Opens a store migrated no further than a format: for the tests of migration alone.
    init(connectingTo conninfo: String, options: Options, schema: [RecordType: Int], format: Int) async throws {
        self.conninfo = conninfo
        self.options = options
        let namespace = options.namespace
        pool = ConnectionPool(conninfo: conninfo, maximum: options.maximumConnections) { connection in
            guard let namespace else { return }
            let quoted = try connection.quoted(identifier: namespace)
            try connection.execute(plain: "SET search_path TO \(quoted)", while: "choosing the schema \(namespace)")
        }
        let create = options.createIfEmpty
        try await pool.with { connection in
            try Schema.prepare(connection, upTo: format, schema: schema, create: create, namespace: namespace)
        }
    }

    /// Closes the idle connections; the store opens new ones if it is used again.
    public func close() async {
        await pool.drain()
    }

    /// Gives a database role what an application needs and no more.
    ///
    /// The role reads every table, and writes only through the store's own functions, which write a
    /// record or observations and seal the change-log entry for it together. It may not insert,
    /// update or delete a row of any table itself, so it can neither forge nor skip a log entry.
    ///
    /// Run it as the role that owns the store (which also runs migrations); the application then
    /// connects as `role`.
    ///
    /// - Throws: `DomainError.Code.storeFailed` when the server refuses (no such role, or the
    ///   connection's role does not own the store).
    public func grantAccess(to role: String) async throws {
        try await pool.with { connection in
            let grantee = try connection.quoted(identifier: role)
            let schema = try connection.execute("SELECT current_schema()", while: "naming the schema")
            let namespace = try connection.quoted(identifier: schema.text(0, 0) ?? "public")
            try connection.transaction("granting access to \(role)") {
                try connection.execute(
                    plain: """
                        GRANT USAGE ON SCHEMA \(namespace) TO \(grantee);
                        GRANT SELECT ON qaf_store, records, series, observations, change_log TO \(grantee);
                        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON qaf_store, records, series, observations,
                            change_log FROM \(grantee);
                        REVOKE USAGE ON SEQUENCE series_id_seq FROM \(grantee);
                        GRANT EXECUTE ON FUNCTION \(Schema.writeFunctions) TO \(grantee);
                        """,
                    while: "granting access to \(role)"
                )
            }
        }
    }

    /// Checks the whole store: the change log's chain, each record and series against its last entry,
    /// and every stored value read back (`StoreVerification`).
    ///
    /// - Returns: What was found; `isSound` when nothing is wrong.
    public func verify() async -> StoreVerification {
        await StoreVerification.of(self)
    }

    /// The store's format version in the database.
    public func storedFormatVersion() async throws -> Int {
        try await pool.with { connection in
            try connection.execute("SELECT format_version FROM qaf_store", while: "reading the format").integer(0, 0)
                ?? 0
        }
    }
}
