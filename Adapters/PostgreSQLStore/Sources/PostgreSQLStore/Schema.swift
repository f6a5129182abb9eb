import Domain
import Foundation

/// The store's tables, built by applying migrations in order: a new database and one migrated from an
/// earlier format are the same by construction.
enum Schema {
    /// What the `qaf_store` table names as the application, so that a database of another
    /// application's is never taken for ours.
    static let application = "swift-safeguarding-qa"

    /// One step of the schema, applied in a transaction with the others still to apply.
    struct Migration {
        var version: Int
        var summary: String
        var statements: String
    }

    static let migrations: [Migration] = [
        Migration(
            version: 1,
            summary: "the store's tables",
            statements: """
                CREATE TABLE qaf_store (
                    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                    application text NOT NULL,
                    format_version integer NOT NULL);
                CREATE TABLE records (
                    type text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, version bigint NOT NULL,
                    schema_version integer NOT NULL, agency text COLLATE "C", grp text COLLATE "C",
                    period text COLLATE "C", status text COLLATE "C", due_day integer, parent text COLLATE "C",
                    key text COLLATE "C", payload bytea NOT NULL, PRIMARY KEY (type, id));
                CREATE INDEX records_agency ON records (type, agency);
                CREATE INDEX records_status ON records (type, status);
                CREATE INDEX records_parent ON records (type, parent);
                CREATE INDEX records_key ON records (type, key);
                CREATE TABLE change_log (
                    sequence bigint PRIMARY KEY, at double precision NOT NULL, principal text COLLATE "C" NOT NULL,
                    kind text NOT NULL, record_type text COLLATE "C" NOT NULL, record_id text COLLATE "C" NOT NULL,
                    version bigint NOT NULL, summary text);
                CREATE INDEX change_log_record ON change_log (record_type, record_id, sequence);
                CREATE TABLE series (
                    id bigserial PRIMARY KEY, measure text COLLATE "C" NOT NULL, scope text COLLATE "C" NOT NULL,
                    version bigint NOT NULL DEFAULT 0, UNIQUE (measure, scope));
                CREATE TABLE observations (
                    series bigint NOT NULL REFERENCES series (id), period bigint NOT NULL,
                    value double precision, numerator double precision, denominator double precision,
                    status smallint NOT NULL, PRIMARY KEY (series, period));
                """
        ),
        Migration(
            version: 2,
            summary: "the change log append-only in the database itself, and read by time through an index",
            statements: """
                CREATE FUNCTION qaf_change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'the change log is append-only' USING ERRCODE = 'insufficient_privilege'; END
                $$;
                CREATE TRIGGER change_log_no_update BEFORE UPDATE OR DELETE ON change_log
                    FOR EACH ROW EXECUTE FUNCTION qaf_change_log_append_only();
                CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
                    FOR EACH STATEMENT EXECUTE FUNCTION qaf_change_log_append_only();
                CREATE INDEX change_log_at ON change_log (at);
                """
        ),
    ]

    /// The format version this build writes.
    static var formatVersion: Int { migrations.last!.version }

    static let requiredTables = ["change_log", "observations", "qaf_store", "records", "series"]

    /// Checks the database, creating the store in an empty one and migrating an older one, in one
    /// transaction under a lock so that two processes opening one database at once do not both build it.
    static func prepare(
        _ connection: Connection,
        upTo target: Int,
        schema: [RecordType: Int],
        create: Bool,
        namespace: String?
    ) throws {
        try connection.transaction("opening the store") {
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [.integer(lockKey)], while: "locking the schema")
            if let namespace, create {
                try connection.execute(
                    plain: "CREATE SCHEMA IF NOT EXISTS \(try connection.quoted(identifier: namespace))",
                    while: "creating the schema \(namespace)"
                )
            }
            let location = try connection.execute(
                "SELECT current_database(), current_schema()",
                while: "naming the database"
            )
            let place = "database \(location.text(0, 0) ?? "?")" + (location.text(0, 1).map { ", schema \($0)" } ?? "")
            guard location.text(0, 1) != nil else {
                if !create {
                    throw DomainError(
                        .notFound,
                        "database \(location.text(0, 0) ?? "?")" + (namespace.map { ", schema \($0)," } ?? "")
                            + " holds no store; create one first"
                    )
                }
                throw DomainError(
                    .storeFailed,
                    "\(place) has no schema on the search path to keep the store in; create one or name it in the options"
                )
            }
            let tables = try connection.execute(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
                while: "listing the tables"
            )
            let names = (0..<tables.count).compactMap { tables.text($0, 0) }
            var format = 0
            if names.contains("qaf_store") {
                let held = try connection.execute(
                    "SELECT application, format_version FROM qaf_store",
                    while: "reading the store's format"
                )
                guard held.count == 1, held.text(0, 0) == application, let version = held.integer(0, 1) else {
                    throw StoreRules.notOurDatabase(place, found: "a qaf_store table that does not name this package")
                }
                format = version
            } else if !names.isEmpty {
                throw StoreRules.notOurDatabase(place, found: "tables " + names.prefix(5).joined(separator: ", "))
            } else if !create {
                throw DomainError(.notFound, "\(place) holds no store; create one first")
            }
            guard format <= formatVersion else {
                throw StoreRules.formatTooNew(place, kind: "store format", found: format, supported: formatVersion)
            }
            if format < target {
                try migrate(connection, from: format, to: target, place: place)
            }
            for required in requiredTables where format > 0 && !names.contains(required) {
                throw StoreRules.missingTable(required, in: place)
            }
            guard !schema.isEmpty else { return }
            let stored = try connection.execute(
                "SELECT type, MAX(schema_version) FROM records GROUP BY type ORDER BY type",
                while: "reading schema versions"
            )
            var versions: [RecordType: Int] = [:]
            for row in 0..<stored.count {
                versions[RecordType(rawValue: stored.text(row, 0) ?? "")] = stored.integer(row, 1)
            }
            try StoreRules.checkSchema(versions, supported: schema)
        }
    }

    private static func migrate(_ connection: Connection, from format: Int, to target: Int, place: String) throws {
        for migration in migrations where migration.version > format && migration.version <= target {
            do {
                try connection.execute(plain: migration.statements, while: "migrating to format \(migration.version)")
            } catch let error as DomainError {
                throw DomainError(
                    .storeFailed,
                    "\(place) needs migrating from store format \(format) to \(target) (\(migration.summary)), "
                        + "which failed: \(error.message); open it once as the role that owns it",
                    underlying: error
                )
            }
        }
        if format == 0 {
            try connection.execute(
                "INSERT INTO qaf_store (application, format_version) VALUES ($1, $2)",
                [.text(application), .integer(Int64(target))],
                while: "recording the store's format"
            )
        } else {
            try connection.execute(
                "UPDATE qaf_store SET format_version = $1",
                [.integer(Int64(target))],
                while: "recording the store's format"
            )
        }
    }

    /// The advisory lock that serialises opening (and so creating or migrating) a store.
    static let lockKey: Int64 = 0x5141_4631_0001
}
