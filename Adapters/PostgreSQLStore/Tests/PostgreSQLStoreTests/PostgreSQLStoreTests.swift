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
        // But the role itself may not touch the log, whatever the trigger says.
        for statement in ["UPDATE change_log SET version = 9", "DELETE FROM change_log"] {
            await #expect {
                try await TestServer.execute(statement, namespace: namespace, conninfo: conninfo)
            } throws: { error in
                "\(error)".contains("permission denied")
            }
        }
        #expect(try await owner.changeLog(from: .distantPast, to: .distantFuture).count == 3)
    }

    // MARK: Opening

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
        try await early.write([.save(thing("a"))], context: tester)
        let before = try await early.snapshot()
        // Format 1 had no trigger: the log could be edited by its owner.
        try await TestServer.execute("UPDATE change_log SET summary = NULL", namespace: namespace)

        let migrated = try await TestServer.store(namespace: namespace)
        #expect(try await migrated.storedFormatVersion() == PostgreSQLStore.formatVersion)
        #expect(try await migrated.snapshot() == before)
        await #expect(throws: DomainError.self) {
            try await TestServer.execute("UPDATE change_log SET summary = NULL", namespace: namespace)
        }
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
