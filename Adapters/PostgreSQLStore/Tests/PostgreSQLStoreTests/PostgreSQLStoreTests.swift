import AssuranceTesting
import Domain
import Foundation
import SQLiteStore
import Testing

@testable import PostgreSQLStore

@Suite(.serialized) struct PostgreSQLStoreTests {
    @Test func passesTheConformanceSuite() async throws {
        try await StoreConformance { try await TestServer.store() }.run()
    }

    @Test func theAssuranceCycleRunsOnIt() async throws {
        let day = Day.fixture("2025-09-15")
        let store = try await TestServer.store()
        try await PartnershipScenario.small(from: .fixture("2025-03-01"))
            .save(into: Records(store: store, clock: .fixed(day)))
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let framework = try AssuranceFramework(modules: [PartnershipModule()], environment: environment)
        let outcome = try await framework.runCycle(on: day, by: PartnershipScenario.qaLead)
        // The same findings as on every other store: the scenario's meetings ended in August.
        #expect(
            outcome.raised.map(\.rule) == [
                .partnershipGroupReportOverdue, .partnershipScrutinySessionOverdue, .partnershipMeetingCadence,
            ]
        )
        #expect(try await store.records(matching: RecordQuery(Finding.recordType)).count == 3)
    }

    @Test func valuesTravelAsParametersNeverAsSQL() async throws {
        let store = try await TestServer.store()
        let hostile = "x'); DROP TABLE records; --"
        try await store.write([.save(thing("a", key: hostile, body: #"{"quote":"'\"\\"}"#))], context: tester)
        let found = try await store.records(matching: RecordQuery("test.thing", RecordFilter(key: hostile)))
        #expect(found.map(\.id.rawValue) == ["a"])
        #expect(String(decoding: found[0].payload, as: UTF8.self) == #"{"quote":"'\"\\"}"#)
        #expect(try await store.records(matching: RecordQuery("test.thing")).count == 1)
    }

    @Test func theChangeLogIsNumberedWithoutGapsAfterRefusedBatches() async throws {
        let store = try await TestServer.store()
        try await store.write([.save(thing("a"))], context: tester)
        await #expect(throws: DomainError.self) {
            try await store.write([.save(thing("b")), .save(thing("a"))], context: tester)
        }
        try await store.write([.save(thing("c"))], context: tester)
        let log = try await store.changeLog(from: .distantPast, to: .distantFuture)
        #expect(log.map(\.sequence) == [1, 2])
        #expect(log.map(\.record.id.rawValue) == ["a", "c"])
    }

    // MARK: What the database itself enforces

    @Test func theChangeLogRefusesUpdateDeleteAndTruncateEvenToItsOwner() async throws {
        let namespace = TestServer.freshNamespace()
        let store = try await TestServer.store(namespace: namespace)
        try await store.write([.save(thing("a"))], context: tester)
        for statement in [
            "UPDATE change_log SET principal = 'someone-else'", "DELETE FROM change_log", "TRUNCATE change_log",
        ] {
            await #expect {
                try await TestServer.execute(statement, namespace: namespace)
            } throws: { error in
                "\(error)".contains("the change log is append-only")
            }
        }
        #expect(try await store.changeLog(from: .distantPast, to: .distantFuture).count == 1)
    }

    @Test func anApplicationRoleHasNoUpdateOrDeleteOnTheChangeLog() async throws {
        let namespace = TestServer.freshNamespace()
        let role = TestServer.freshNamespace("app")
        let owner = try await TestServer.store(namespace: namespace)
        try await TestServer.execute("CREATE ROLE \(role) LOGIN")
        try await owner.grantAccess(to: role)
        let conninfo = try TestServer.conninfo() + " user=\(role)"
        let application = try await PostgreSQLStore(
            connectingTo: conninfo,
            options: PostgreSQLStore.Options(namespace: namespace, createIfEmpty: false)
        )
        // The application does its work: records, observations, the log appended.
        try await application.write([.save(thing("a"))], context: tester)
        try await application.write([.save(thing("a", version: 1))], context: tester)
        try await application.append(
            [
                ObservationSeries(
                    measure: "m",
                    scope: .partnership,
                    points: [SeriesPoint(period: try ReportingPeriod(parsing: "2025-Q1"), value: 1)]
                )
            ],
            mode: .insertOnly,
            context: tester
        )
        // But the role itself may not touch a table: not the log, whatever the trigger says, and not
        // the records or observations, which change only through the store's functions.
        let forged =
            "INSERT INTO change_log (sequence, at, principal, kind, record_type, record_id, version) "
            + "VALUES (99, 0, 'x', 'deleted', 'test.thing', 'a', 2)"
        for statement in [
            "UPDATE change_log SET version = 9", "DELETE FROM change_log", forged,
            "UPDATE records SET payload = payload || 'x'::bytea", "DELETE FROM records",
            "INSERT INTO records (type, id, version, schema_version, payload) VALUES ('t', 'z', 1, 1, '')",
            "UPDATE observations SET value = 5", "DELETE FROM observations", "UPDATE series SET version = 9",
            "SELECT qaf_append_log(0, 'x', 'deleted', 'test.thing', 'a', 2, NULL, NULL)",
        ] {
            await #expect {
                try await TestServer.execute(statement, namespace: namespace, conninfo: conninfo)
            } throws: { error in
                "\(error)".contains("permission denied")
            }
        }
        #expect(try await owner.changeLog(from: .distantPast, to: .distantFuture).count == 3)
        #expect(await owner.verify().problems == [])
    }

    /// What the owner (or anyone who can switch the trigger off) changes behind the store's back,
    /// `verify` finds, each at its place.
    @Test(arguments: [
        (
            "ALTER TABLE change_log DISABLE TRIGGER change_log_no_update; "
                + "UPDATE change_log SET principal = 'someone' WHERE sequence = 1",
            "change log entry 1"
        ),
        (
            "ALTER TABLE change_log DISABLE TRIGGER change_log_no_update; DELETE FROM change_log WHERE sequence = 2",
            "change log entry 3"
        ),
        (
            "INSERT INTO change_log (sequence, at, principal, kind, record_type, record_id, version, hash) "
                + "VALUES (9, 0, 'x', 'deleted', 'test.thing', 'a', 2, sha256(''::bytea))",
            "change log entry 9"
        ),
        ("UPDATE records SET payload = convert_to('{\"v\":2}', 'UTF8') WHERE id = 'a'", "record test.thing/a"),
        ("UPDATE observations SET value = 7", "series of m for partnership"),
    ])
    func aChangeBehindTheStoresBackIsFound(sql: String, location: String) async throws {
        let namespace = TestServer.freshNamespace()
        let store = try await TestServer.store(namespace: namespace)
        try await store.write([.save(thing("a")), .save(thing("b"))], context: tester)
        try await store.append(
            [
                ObservationSeries(
                    measure: "m",
                    scope: .partnership,
                    points: [SeriesPoint(period: try ReportingPeriod(parsing: "2025-Q1"), value: 1)]
                )
            ],
            mode: .insertOnly,
            context: tester
        )
        #expect(await store.verify().problems == [])
        try await TestServer.execute(sql, namespace: namespace)
        let problems = await store.verify().problems
        #expect(problems.map(\.location).contains(location), "\(problems)")
    }

    // MARK: Opening

    /// A schema holding anything a store did not make (not only tables) is someone else's, and the
    /// refusal names what it found.
    @Test(arguments: [
        ("CREATE SEQUENCE invoice_numbers", "sequence invoice_numbers"),
        ("CREATE FUNCTION tidy() RETURNS integer LANGUAGE sql AS 'SELECT 1'", "function tidy()"),
        ("CREATE MATERIALIZED VIEW totals AS SELECT 1 AS total", "materialized view totals"),
        ("CREATE VIEW records AS SELECT 1 AS id", "view records"),
        ("CREATE TYPE colour AS ENUM ('red')", "type colour"),
    ])
    func aSchemaHoldingAnotherApplicationsObjectIsRefused(sql: String, named: String) async throws {
        let namespace = TestServer.freshNamespace()
        try await TestServer.execute("CREATE SCHEMA \(namespace)")
        try await TestServer.execute(sql, namespace: namespace)
        await #expect {
            try await TestServer.store(namespace: namespace)
        } throws: { error in
            (error as? DomainError)?.code == .notOurDatabase && "\(error)".contains(named)
        }
    }

    @Test func aDatabaseThatIsNotAStoreIsRefusedAndLeftAlone() async throws {
        let namespace = TestServer.freshNamespace()
        try await TestServer.execute("CREATE SCHEMA \(namespace); CREATE TABLE \(namespace).invoices (id int)")
        await #expect {
            try await TestServer.store(namespace: namespace)
        } throws: { error in
            (error as? DomainError)?.code == .notOurDatabase && "\(error)".contains("invoices")
        }
        // Nothing was added beside the foreign table.
        try await TestServer.execute("SELECT 1 FROM invoices", namespace: namespace)
        await #expect(throws: DomainError.self) {
            try await TestServer.execute("SELECT 1 FROM records", namespace: namespace)
        }
    }

    /// Damage is reported where it is, as by SQLite: an unknown status code is not read as
    /// "actual", and a series whose measure does not decode is not silently left out.
    @Test func damagedObservationsAreReportedWhereTheyAre() async throws {
        for (sql, expected) in [
            ("UPDATE observations SET status = 99", "status code 99 for series row"),
            ("UPDATE series SET measure = 'not a measure!'", "holds measure \"not a measure!\""),
        ] {
            let namespace = TestServer.freshNamespace()
            let store = try await TestServer.store(namespace: namespace)
            let series = ObservationSeries(
                measure: "referrals",
                scope: .partnership,
                points: [SeriesPoint(period: try ReportingPeriod(parsing: "2025-04"), value: 12)]
            )
            try await store.append([series], mode: .insertOnly, context: tester)
            try await TestServer.execute(sql, namespace: namespace)
            await #expect {
                _ = try await store.observationSeries(matching: ObservationQuery())
            } throws: { error in
                (error as? DomainError)?.code == .corruptDatabase && "\(error)".contains(expected)
            }
        }
    }

    @Test func aStoreOfANewerFormatIsRefused() async throws {
        let namespace = TestServer.freshNamespace()
        _ = try await TestServer.store(namespace: namespace)
        try await TestServer.execute("UPDATE qaf_store SET format_version = 99", namespace: namespace)
        await #expect {
            try await TestServer.store(namespace: namespace)
        } throws: { error in
            (error as? DomainError)?.code == .schemaTooNew && "\(error)".contains("format version 99")
        }
    }

    @Test func recordsOfANewerSchemaAreRefused() async throws {
        let namespace = TestServer.freshNamespace()
        let store = try await TestServer.store(namespace: namespace)
        var record = thing("a")
        record.schemaVersion = 3
        try await store.write([.save(record)], context: tester)
        await #expect {
            try await TestServer.store(namespace: namespace, schema: ["test.thing": 2])
        } throws: { error in
            (error as? DomainError)?.code == .schemaTooNew && "\(error)".contains("schema version 3")
        }
    }

    @Test func aStoreOfAnEarlierFormatIsMigratedInPlaceWithNothingLost() async throws {
        let namespace = TestServer.freshNamespace()
        let early = try await PostgreSQLStore(
            connectingTo: try TestServer.conninfo(),
            options: PostgreSQLStore.Options(namespace: namespace),
            schema: [:],
            format: 1
        )
        #expect(try await early.storedFormatVersion() == 1)
        // Written as format 1 wrote: the row and its entry, with no hash.
        try await TestServer.execute(
            """
            INSERT INTO records (type, id, version, schema_version, payload)
                VALUES ('test.thing', 'a', 1, 1, convert_to('{"v":1}', 'UTF8'));
            INSERT INTO change_log (sequence, at, principal, kind, record_type, record_id, version, summary)
                VALUES (1, 790000000, 'tester', 'created', 'test.thing', 'a', 1, 'made');
            """,
            namespace: namespace
        )
        #expect(try await early.record(RecordReference(type: "test.thing", id: "a"))?.version == 1)
        // Format 1 had no trigger: the log could be edited by its owner.
        try await TestServer.execute("UPDATE change_log SET summary = NULL", namespace: namespace)

        let migrated = try await TestServer.store(namespace: namespace)
        #expect(try await migrated.storedFormatVersion() == PostgreSQLStore.formatVersion)
        var held = thing("a")
        held.version = 1
        let entry = ChangeLogEntry(
            sequence: 1,
            at: Date(timeIntervalSinceReferenceDate: 790_000_000),
            principal: "tester",
            kind: .created,
            record: held.reference,
            version: 1
        )
        let chained = StoreSnapshot(
            records: [held],
            series: [],
            changeLog: ChangeLogChain.chainedWithoutContent([entry])
        )
        #expect(try await migrated.snapshot() == chained)
        #expect(await migrated.verify().problems == [])
        await #expect(throws: DomainError.self) {
            try await TestServer.execute("UPDATE change_log SET summary = NULL", namespace: namespace)
        }
        // Written after the migration, an entry carries its content and chains on.
        try await migrated.write([.save(thing("a", version: 1))], context: tester)
        let after = await migrated.verify()
        #expect(after.problems == [])
        #expect(after.entries == 2 && after.entriesWithoutContent == 1)
    }

    /// Format 4 takes the hashing helpers' own search path away, so that PostgreSQL inlines them, and
    /// format 5 has the store's functions search temporary tables last: a format 3 store's chain,
    /// written with the functions as they were, verifies after the migration and chains on.
    @Test func aFormat3StoreIsMigratedWithItsChainWhole() async throws {
        let namespace = TestServer.freshNamespace()
        let early = try await PostgreSQLStore(
            connectingTo: try TestServer.conninfo(),
            options: PostgreSQLStore.Options(namespace: namespace),
            schema: [:],
            format: 3
        )
        try await early.write([.save(thing("a")), .save(thing("b"))], context: tester)
        try await early.write([.save(thing("a", version: 1))], context: tester)
        let before = try await early.snapshot()
        await early.close()

        let migrated = try await TestServer.store(namespace: namespace)
        #expect(try await migrated.storedFormatVersion() == PostgreSQLStore.formatVersion)
        #expect(try await migrated.snapshot() == before)
        try await migrated.write([.save(thing("b", version: 1))], context: tester)
        let verification = await migrated.verify()
        #expect(verification.problems == [])
        #expect(verification.entries == 4 && verification.entriesWithoutContent == 0)
        let settings = try await TestServer.texts(
            "SELECT proname || ':' || coalesce(array_to_string(proconfig, ','), '') FROM pg_proc "
                + "WHERE pronamespace = '\(namespace)'::regnamespace AND proname IN "
                + "('qaf_record_content', 'qaf_series_content', 'qaf_entry_hash', 'qaf_lock_log', 'qaf_save_record') "
                + "ORDER BY proname"
        )
        #expect(
            settings == [
                "qaf_entry_hash:", "qaf_lock_log:", "qaf_record_content:",
                "qaf_save_record:search_path=\(namespace), pg_temp", "qaf_series_content:",
            ]
        )
    }

    /// A session's temporary table named like the log is not where the store's functions write: the
    /// entry goes to the store's own log, so the chain stays whole.
    @Test func aTemporaryChangeLogIsNotWhereTheFunctionsWrite() async throws {
        let namespace = TestServer.freshNamespace()
        let store = try await TestServer.store(namespace: namespace)
        try await store.write([.save(thing("a"))], context: tester)
        try await TestServer.execute(
            """
            CREATE TEMP TABLE change_log (LIKE change_log INCLUDING ALL);
            SELECT qaf_save_record(790000000, 'tester', 'test.thing', 'b', 0, 1, NULL, NULL, NULL, NULL, NULL,
                NULL, NULL, convert_to('{"v":1}', 'UTF8'));
            """,
            namespace: namespace
        )
        let verification = await store.verify()
        #expect(verification.problems == [])
        #expect(verification.entries == 2)
    }

    /// A role granted table rights by an earlier release is moved onto the store's functions when
    /// the store is migrated: it still writes, and no longer writes a table directly.
    @Test func aRoleGrantedByAnEarlierReleaseIsMovedOntoTheFunctions() async throws {
        let namespace = TestServer.freshNamespace()
        let role = TestServer.freshNamespace("old")
        _ = try await PostgreSQLStore(
            connectingTo: try TestServer.conninfo(),
            options: PostgreSQLStore.Options(namespace: namespace),
            schema: [:],
            format: 2
        )
        try await TestServer.execute(
            """
            CREATE ROLE \(role) LOGIN;
            GRANT USAGE ON SCHEMA \(namespace) TO \(role);
            GRANT SELECT ON qaf_store TO \(role);
            GRANT SELECT, INSERT, UPDATE, DELETE ON records, series, observations TO \(role);
            GRANT SELECT, INSERT ON change_log TO \(role);
            GRANT USAGE, SELECT ON SEQUENCE series_id_seq TO \(role);
            """,
            namespace: namespace
        )
        _ = try await TestServer.store(namespace: namespace)
        let conninfo = try TestServer.conninfo() + " user=\(role)"
        let application = try await PostgreSQLStore(
            connectingTo: conninfo,
            options: PostgreSQLStore.Options(namespace: namespace, createIfEmpty: false)
        )
        try await application.write([.save(thing("a"))], context: tester)
        await #expect {
            try await TestServer.execute("UPDATE records SET version = 7", namespace: namespace, conninfo: conninfo)
        } throws: { error in
            "\(error)".contains("permission denied")
        }
        #expect(await application.verify().problems == [])
    }

    @Test func twoStoresOpeningAnEmptyDatabaseAtOnceBuildItOnce() async throws {
        let namespace = TestServer.freshNamespace()
        async let first = TestServer.store(namespace: namespace)
        async let second = TestServer.store(namespace: namespace)
        let stores = try await [first, second]
        try await stores[0].write([.save(thing("a"))], context: tester)
        #expect(try await stores[1].record(RecordReference(type: "test.thing", id: "a"))?.version == 1)
    }

    @Test func anUnreachableServerIsAClearError() async throws {
        await #expect {
            try await PostgreSQLStore(connectingTo: "host=/nonexistent-directory dbname=qaf")
        } throws: { error in
            (error as? DomainError)?.code == .storeFailed && "\(error)".contains("cannot connect to PostgreSQL")
        }
    }

    // MARK: Sharing between tasks

    @Test func manyTasksShareOneStoreThroughItsPool() async throws {
        let store = try await TestServer.store(connections: 3)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<24 {
                group.addTask {
                    for item in 0..<10 {
                        try await store.write([.save(thing("t\(task)-\(item)"))], context: tester)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.records(matching: RecordQuery("test.thing")).count == 240)
        let log = try await store.changeLog(from: .distantPast, to: .distantFuture)
        #expect(log.map(\.sequence) == Array(1...240))
    }
}
