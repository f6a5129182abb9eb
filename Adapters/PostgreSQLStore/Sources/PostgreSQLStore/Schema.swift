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
        Migration(
            version: 3,
            summary: "the change log chained and written by the store's own functions",
            statements: """
                ALTER TABLE change_log ADD COLUMN content_digest bytea, ADD COLUMN hash bytea;
                CREATE FUNCTION qaf_text(value text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN value IS NULL THEN int4send(-1)
                        ELSE int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') END
                $$;
                CREATE FUNCTION qaf_number(value double precision) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN value IS NULL THEN decode('00', 'hex') ELSE decode('01', 'hex') || float8send(value) END
                $$;
                CREATE FUNCTION qaf_record_content(
                    p_schema_version integer, p_agency text, p_grp text, p_period text, p_status text,
                    p_due_day integer, p_parent text, p_key text, p_payload bytea
                ) RETURNS bytea LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
                    SELECT sha256(decode('52', 'hex') || int8send(p_schema_version::bigint) || qaf_text(p_agency)
                        || qaf_text(p_grp) || qaf_text(p_period) || qaf_text(p_status)
                        || CASE WHEN p_due_day IS NULL THEN decode('00', 'hex')
                            ELSE decode('01', 'hex') || int8send(p_due_day::bigint) END
                        || qaf_text(p_parent) || qaf_text(p_key) || int8send(octet_length(p_payload)::bigint)
                        || p_payload)
                $$;
                CREATE FUNCTION qaf_series_content(p_series bigint) RETURNS bytea LANGUAGE sql STABLE
                SET search_path FROM CURRENT AS $$
                    SELECT sha256(decode('53', 'hex') || int8send(count(*)) || coalesce(string_agg(
                        int8send(period) || qaf_number(value) || qaf_number(numerator) || qaf_number(denominator)
                            || int8send(status::bigint), ''::bytea ORDER BY period), ''::bytea))
                    FROM observations WHERE series = p_series
                $$;
                CREATE FUNCTION qaf_entry_hash(
                    p_previous bytea, p_sequence bigint, p_at double precision, p_principal text, p_kind text,
                    p_record_type text, p_record_id text, p_version bigint, p_summary text, p_content bytea
                ) RETURNS bytea LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
                    SELECT sha256(p_previous || int8send(p_sequence) || float8send(p_at) || qaf_text(p_principal)
                        || qaf_text(p_kind) || qaf_text(p_record_type) || qaf_text(p_record_id)
                        || int8send(p_version) || qaf_text(p_summary)
                        || CASE WHEN p_content IS NULL THEN decode('00', 'hex') ELSE decode('01', 'hex') || p_content END)
                $$;
                CREATE FUNCTION qaf_lock_log() RETURNS void LANGUAGE sql SET search_path FROM CURRENT AS $$
                    SELECT pg_advisory_xact_lock(\(logLockClass), 'change_log'::regclass::oid::integer)
                $$;
                CREATE FUNCTION qaf_append_log(
                    p_at double precision, p_principal text, p_kind text, p_record_type text, p_record_id text,
                    p_version bigint, p_summary text, p_content bytea
                ) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
                    DECLARE
                        head_sequence bigint;
                        head_hash bytea;
                    BEGIN
                        PERFORM qaf_lock_log();
                        SELECT sequence, hash INTO head_sequence, head_hash FROM change_log ORDER BY sequence DESC LIMIT 1;
                        head_sequence := coalesce(head_sequence, 0) + 1;
                        head_hash := coalesce(head_hash, decode(repeat('00', 32), 'hex'));
                        INSERT INTO change_log (
                            sequence, at, principal, kind, record_type, record_id, version, summary, content_digest, hash)
                        VALUES (
                            head_sequence, p_at, p_principal, p_kind, p_record_type, p_record_id, p_version, p_summary,
                            p_content, qaf_entry_hash(head_hash, head_sequence, p_at, p_principal, p_kind,
                                p_record_type, p_record_id, p_version, p_summary, p_content));
                    END
                $$;
                CREATE FUNCTION qaf_save_record(
                    p_at double precision, p_principal text, p_type text, p_id text, p_read bigint,
                    p_schema_version integer, p_agency text, p_grp text, p_period text, p_status text,
                    p_due_day integer, p_parent text, p_key text, p_payload bytea
                ) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
                    DECLARE
                        written bigint;
                    BEGIN
                        PERFORM qaf_lock_log();
                        IF p_read = 0 THEN
                            INSERT INTO records (
                                type, id, version, schema_version, agency, grp, period, status, due_day, parent, key,
                                payload)
                            VALUES (p_type, p_id, 1, p_schema_version, p_agency, p_grp, p_period, p_status, p_due_day,
                                p_parent, p_key, p_payload)
                            ON CONFLICT (type, id) DO NOTHING RETURNING records.version INTO written;
                        ELSE
                            UPDATE records SET version = records.version + 1, schema_version = p_schema_version,
                                agency = p_agency, grp = p_grp, period = p_period, status = p_status,
                                due_day = p_due_day, parent = p_parent, key = p_key, payload = p_payload
                            WHERE type = p_type AND id = p_id AND records.version = p_read
                            RETURNING records.version INTO written;
                        END IF;
                        IF written IS NULL THEN
                            RETURN NULL;
                        END IF;
                        PERFORM qaf_append_log(p_at, p_principal, CASE WHEN p_read = 0 THEN 'created' ELSE 'updated' END,
                            p_type, p_id, written, NULL, qaf_record_content(p_schema_version, p_agency, p_grp,
                                p_period, p_status, p_due_day, p_parent, p_key, p_payload));
                        RETURN written;
                    END
                $$;
                CREATE FUNCTION qaf_delete_record(
                    p_at double precision, p_principal text, p_type text, p_id text, p_version bigint
                ) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
                    BEGIN
                        PERFORM qaf_lock_log();
                        DELETE FROM records WHERE type = p_type AND id = p_id AND version = p_version;
                        IF NOT FOUND THEN
                            RETURN false;
                        END IF;
                        PERFORM qaf_append_log(p_at, p_principal, 'deleted', p_type, p_id, p_version, NULL,
                            sha256(decode('44', 'hex')));
                        RETURN true;
                    END
                $$;
                CREATE FUNCTION qaf_append_observations(
                    p_at double precision, p_principal text, p_replace boolean, p_measures text[], p_scopes text[],
                    p_log_ids text[], p_points integer[], p_periods bigint[], p_values double precision[],
                    p_numerators double precision[], p_denominators double precision[], p_statuses smallint[]
                ) RETURNS TABLE (inserted bigint, replaced bigint)
                LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
                    DECLARE
                        ids bigint[];
                        held bigint := 0;
                        written bigint;
                        n_series integer;
                    BEGIN
                        PERFORM qaf_lock_log();
                        INSERT INTO series (measure, scope) SELECT * FROM unnest(p_measures, p_scopes)
                            ON CONFLICT DO NOTHING;
                        SELECT array_agg(s.id ORDER BY given.n) INTO ids
                        FROM unnest(p_measures, p_scopes) WITH ORDINALITY AS given (measure, scope, n)
                        JOIN series s ON s.measure = given.measure AND s.scope = given.scope;
                        IF p_replace THEN
                            SELECT count(*) INTO held
                            FROM unnest(p_points, p_periods) AS point (series_index, period)
                            JOIN observations o ON o.series = ids[point.series_index] AND o.period = point.period;
                            INSERT INTO observations (series, period, value, numerator, denominator, status)
                            SELECT ids[point.series_index], point.period, point.value, point.numerator,
                                point.denominator, point.status
                            FROM unnest(p_points, p_periods, p_values, p_numerators, p_denominators, p_statuses)
                                AS point (series_index, period, value, numerator, denominator, status)
                            ON CONFLICT (series, period) DO UPDATE SET value = excluded.value,
                                numerator = excluded.numerator, denominator = excluded.denominator,
                                status = excluded.status;
                        ELSE
                            INSERT INTO observations (series, period, value, numerator, denominator, status)
                            SELECT ids[point.series_index], point.period, point.value, point.numerator,
                                point.denominator, point.status
                            FROM unnest(p_points, p_periods, p_values, p_numerators, p_denominators, p_statuses)
                                AS point (series_index, period, value, numerator, denominator, status);
                        END IF;
                        FOR n_series IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
                            UPDATE series SET version = series.version + 1 WHERE id = ids[n_series]
                                RETURNING series.version INTO written;
                            PERFORM qaf_append_log(p_at, p_principal, 'appended', 'domain.observation-series',
                                p_log_ids[n_series], written,
                                (SELECT count(*) FROM unnest(p_points) AS point (series_index)
                                    WHERE point.series_index = n_series)::text || ' observations appended',
                                qaf_series_content(ids[n_series]));
                        END LOOP;
                        inserted := coalesce(array_length(p_periods, 1), 0) - held;
                        replaced := held;
                        RETURN NEXT;
                    END
                $$;
                REVOKE EXECUTE ON FUNCTION qaf_append_log(double precision, text, text, text, text, bigint, text, bytea)
                    FROM PUBLIC;
                ALTER TABLE change_log DISABLE TRIGGER change_log_no_update;
                DO $$
                    DECLARE
                        entry record;
                        previous bytea := decode(repeat('00', 32), 'hex');
                    BEGIN
                        FOR entry IN SELECT * FROM change_log ORDER BY sequence LOOP
                            previous := qaf_entry_hash(previous, entry.sequence, entry.at, entry.principal, entry.kind,
                                entry.record_type, entry.record_id, entry.version, entry.summary, NULL);
                            UPDATE change_log SET hash = previous WHERE sequence = entry.sequence;
                        END LOOP;
                    END
                $$;
                ALTER TABLE change_log ENABLE TRIGGER change_log_no_update;
                DO $$
                    DECLARE
                        holder text;
                    BEGIN
                        FOR holder IN
                            SELECT DISTINCT grants.grantee FROM information_schema.role_table_grants grants
                            WHERE grants.table_schema = current_schema()
                                AND grants.table_name IN ('records', 'series', 'observations', 'change_log')
                                AND grants.privilege_type IN ('INSERT', 'UPDATE', 'DELETE')
                                AND grants.grantee <> current_user AND grants.grantee <> 'PUBLIC'
                        LOOP
                            EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON records, series, observations, '
                                || 'change_log FROM %I', holder);
                            EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', '\(writeFunctions)', holder);
                        END LOOP;
                    END
                $$;
                """
        ),
        // A SQL function with a search path of its own is called through the configuration machinery
        // and never inlined: the hashing helpers cost 97 µs a record where inlined they cost 2, and a
        // record's save 500 µs where it now costs 290. They run inside the store's own functions,
        // which keep their search path, and are not security definers, so nothing is lost by it.
        Migration(
            version: 4,
            summary: "the change log's hashing helpers inlined into the store's functions",
            statements: """
                ALTER FUNCTION qaf_record_content(integer, text, text, text, text, integer, text, text, bytea)
                    RESET search_path;
                ALTER FUNCTION qaf_series_content(bigint) RESET search_path;
                ALTER FUNCTION qaf_entry_hash(bytea, bigint, double precision, text, text, text, text, bigint, text, bytea)
                    RESET search_path;
                ALTER FUNCTION qaf_lock_log() RESET search_path;
                """
        ),
        // A schema named in a function's search path is searched after the session's temporary
        // tables unless `pg_temp` is named too: a role could otherwise make a temporary `change_log`
        // and have the store's own functions write the log's entries into it.
        Migration(
            version: 5,
            summary: "the store's functions search the session's temporary tables last",
            statements: """
                DO $$
                    DECLARE
                        signature text;
                    BEGIN
                        FOREACH signature IN ARRAY ARRAY[
                            'qaf_append_log(double precision, text, text, text, text, bigint, text, bytea)',
                            'qaf_save_record(double precision, text, text, text, bigint, integer, text, text, text, '
                                || 'text, integer, text, text, bytea)',
                            'qaf_delete_record(double precision, text, text, text, bigint)',
                            'qaf_append_observations(double precision, text, boolean, text[], text[], text[], '
                                || 'integer[], bigint[], double precision[], double precision[], double precision[], '
                                || 'smallint[])'
                        ] LOOP
                            EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', signature, current_schema());
                        END LOOP;
                    END
                $$;
                """
        ),
    ]

    /// The first key of the change log's advisory lock; the second is the table's own oid, so that
    /// stores in different schemas of one database do not wait on each other.
    static let logLockClass = 0x5141_4632

    /// The functions through which an application's role writes: each takes the change log's lock
    /// first, writes, and seals its entry into the chain (``ChangeLogChain``, computed here in SQL).
    static let writeFunctions =
        "qaf_save_record(double precision, text, text, text, bigint, integer, text, text, text, text, integer, "
        + "text, text, bytea), qaf_delete_record(double precision, text, text, text, bigint), "
        + "qaf_append_observations(double precision, text, boolean, text[], text[], text[], integer[], bigint[], "
        + "double precision[], double precision[], double precision[], smallint[])"

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
            let foreign = names.contains("qaf_store") ? [] : try objects(connection)
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
            } else if !foreign.isEmpty {
                let more = foreign.count > 5 ? " and \(foreign.count - 5) more" : ""
                throw StoreRules.notOurDatabase(place, found: foreign.prefix(5).joined(separator: ", ") + more)
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

    /// Everything in the schema that a store did not make, by kind and name (`view records`,
    /// `sequence invoice_numbers`, `function tidy()`), when there is no store there: anything at all
    /// means the schema is someone else's.
    private static func objects(_ connection: Connection) throws -> [String] {
        let found = try connection.execute(
            """
            SELECT kind || ' ' || name FROM (
                SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                        WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table'
                        WHEN 'c' THEN 'type' END AS kind, c.relname::text AS name
                FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
                UNION ALL
                SELECT 'function', p.proname::text || '()' FROM pg_proc p
                WHERE p.pronamespace = current_schema()::regnamespace
                UNION ALL
                SELECT 'type', t.typname::text FROM pg_type t
                WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('d', 'e', 'r', 'm')
            ) found WHERE kind IS NOT NULL ORDER BY 1
            """,
            while: "listing what the schema holds"
        )
        return (0..<found.count).compactMap { found.text($0, 0) }
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
