import AssuranceTesting
import CSQLite
import Domain
import Foundation
import SQLiteStore
import Testing

/// A fresh directory for one test's database files, removed when the test ends.
final class TemporaryDirectory: Sendable {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("sqlite-store-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

struct SQLiteStoreTests {
    @Test func passesTheConformanceSuiteInMemory() async throws {
        try await StoreConformance { try SQLiteStore.inMemory() }.run()
    }

    @Test func passesTheConformanceSuiteOnDisk() async throws {
        let directory = TemporaryDirectory()
        let counter = Counter()
        try await StoreConformance {
            try SQLiteStore(path: directory.file("conformance-\(counter.next()).sqlite"))
        }.run()
    }

    @Test func keepsEverythingAcrossReopening() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("partnership.sqlite")
        let records = Records(store: try SQLiteStore(path: path), clock: .fixed(.fixture("2025-06-02")))
        try await PartnershipScenario.small(from: .fixture("2025-04-01"), months: 2).save(into: records)
        let before = try await records.store.snapshot()
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.snapshot() == before)
        #expect(try await reopened.integrityCheck() == ["ok"])
    }

    /// A read left mid-way would hold a read transaction and keep the write-ahead log from being
    /// emptied; every read the store makes, from opening on, finishes or resets its statement.
    @Test func aCheckpointEmptiesTheWriteAheadLogAfterReadsAndWrites() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("p.sqlite")
        try await PartnershipScenario.small(from: .fixture("2025-04-01"), months: 2)
            .save(into: Records(store: try SQLiteStore(path: path), clock: .fixed(.fixture("2025-06-02"))))
        // Reopened: opening reads the file's marks and versions.
        let store = try SQLiteStore(path: path)
        let records = Records(store: store, clock: .fixed(.fixture("2025-06-03")))
        let police = try #require(try await records.load(Agency.self, id: PartnershipScenario.police, as: .system))
        var renamed = police.value
        renamed.name = "Constabulary"
        try await records.save(renamed, version: police.version, by: .system)
        _ = try await store.snapshot()
        #expect((try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0) > 0)
        try await store.checkpoint()
        #expect(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int == 0)
    }

    @Test func usesWALAndForeignKeysAndMarksTheFileAsOurs() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("p.sqlite")
        _ = try SQLiteStore(path: path)
        #expect(try query(path, "PRAGMA journal_mode") == "wal")
        #expect(try query(path, "PRAGMA application_id") == "\(SQLiteStore.applicationID)")
        #expect(try query(path, "PRAGMA user_version") == "\(SQLiteStore.formatVersion)")
    }

    @Test func theChangeLogCannotBeEditedEvenWithSQL() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("p.sqlite")
        let store = try SQLiteStore(path: path)
        try await Records(store: store).save(Locality(id: "north", name: "North"), version: 0, by: .system)
        #expect(throws: SQLiteFailure.self) { try execute(path, "UPDATE change_log SET principal = 'someone-else'") }
        #expect(throws: SQLiteFailure.self) { try execute(path, "DELETE FROM change_log") }
        #expect(try await store.changeLog(from: .distantPast, to: .distantFuture).map(\.principal) == ["system"])
    }

    /// Damage is reported, not read past: an unknown status code is not exported as "actual", and
    /// a series whose measure does not decode, or an observation whose period does not, is not
    /// silently left out.
    @Test func damagedObservationsAreReportedWhereTheyAre() async throws {
        func damaged(_ sql: String) async throws -> DomainError? {
            let directory = TemporaryDirectory()
            let path = directory.file("p.sqlite")
            let store = try SQLiteStore(path: path)
            let series = ObservationSeries(
                measure: "referrals",
                scope: .partnership,
                points: [SeriesPoint(period: try ReportingPeriod(parsing: "2025-04"), value: 12)]
            )
            try await store.append(
                [series],
                mode: .insertOnly,
                context: ChangeContext(principal: "importer", at: Date())
            )
            #expect(try await store.observationSeries(matching: ObservationQuery()).count == 1)
            try execute(path, sql)
            do {
                _ = try await SQLiteStore(path: path).observationSeries(matching: ObservationQuery())
                return nil
            } catch let error as DomainError {
                return error
            }
        }
        let status = try await damaged("UPDATE observations SET status = 99")
        #expect(status?.code == .corruptDatabase)
        #expect(status?.message.contains("status code 99 for series row 1") == true)
        let measure = try await damaged("UPDATE series SET measure = 'not a measure!'")
        #expect(measure?.code == .corruptDatabase)
        #expect(measure?.message.contains("row 1 holds measure \"not a measure!\"") == true)
        let period = try await damaged("UPDATE observations SET period = -7")
        #expect(period?.code == .corruptDatabase)
        #expect(period?.message.contains("unknown period code -7 for series row 1") == true)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("notes.txt")
        let text = Data(String(repeating: "Minutes of the meeting.\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            guard let error = error as? DomainError else { return false }
            return error.code == .notOurDatabase && error.message.hasPrefix("\(path) is not a SQLite database")
        }
        #expect(FileManager.default.contents(atPath: path) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftAlone() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("other.sqlite")
        try execute(path, "CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('x');")
        let before = FileManager.default.contents(atPath: path)
        #expect(
            throws: DomainError(
                .notOurDatabase,
                "\(path) is not a safeguarding QA store: it holds application id 0 and tables patients; open an "
                    + "empty database or schema, or one made by this package"
            )
        ) {
            try SQLiteStore(path: path)
        }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aDamagedDatabaseIsRefused() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("damaged.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            let records = Records(store: store)
            var batch = RecordBatch()
            for number in 0..<400 {
                try batch.save(
                    Locality(
                        id: Locality.ID(rawValue: "locality-\(number)")!,
                        name: String(repeating: "n", count: 200)
                    ),
                    version: 0
                )
            }
            try await records.commit(batch, by: .system)
            try await store.checkpoint()
        }
        // Overwrite a run of pages in the middle of the file with noise.
        var bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.count == 315_392)
        for offset in 8192..<(bytes.count - 4096) where offset % 7 != 0 {
            bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31)
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            (error as? DomainError)?.code == .corruptDatabase
        }
    }

    @Test func aDatabaseFromANewerFormatIsRefused() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("future.sqlite")
        _ = try SQLiteStore(path: path)
        try execute(path, "PRAGMA user_version = 9")
        #expect(
            throws: DomainError(
                .schemaTooNew,
                "\(path) has database format version 9, but this build reads up to version 2; update the package before opening it"
            )
        ) {
            try SQLiteStore(path: path)
        }
    }

    @Test func recordsFromANewerSchemaAreRefusedOnOpen() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("p.sqlite")
        let store = try SQLiteStore(path: path)
        try await store.write(
            [
                .save(
                    StoredRecord(
                        type: Agency.recordType,
                        id: "police",
                        version: 0,
                        schemaVersion: 4,
                        index: RecordIndex(),
                        payload: Data("{}".utf8)
                    )
                )
            ],
            context: ChangeContext(principal: "x", at: Date(timeIntervalSince1970: 0))
        )
        let schema = try AssuranceFramework(modules: [PartnershipModule()]).schemaVersions
        #expect(
            throws: DomainError(
                .schemaTooNew,
                "domain.agency records were written with schema version 4, but this build reads up to version 1; update the package before opening this data"
            )
        ) {
            try SQLiteStore(path: path, schema: schema)
        }
    }

    @Test func theOutboxSurvivesReopeningAndNothingIsSentTwice() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("outbox.sqlite")
        let day = Day.fixture("2025-06-02")
        let sink = RecordingNotificationSink(name: "email", alwaysFails: true)
        let other = RecordingNotificationSink(name: "teams")
        let notification = AssuranceNotification(key: "finding:f1:executive", subject: "s", body: "b", raisedOn: day)
        do {
            let records = Records(store: try SQLiteStore(path: path), clock: .fixed(day))
            let report = try await Notifier(sinks: [sink, other], records: records, clock: TestClock()).send(
                notification
            )
            #expect(report.failed.map(\.sink) == ["email"])
            #expect(report.delivered.map(\.sink) == ["teams"])
        }
        await sink.setFailing(false)
        let records = Records(store: try SQLiteStore(path: path), clock: .fixed(day))
        let notifier = Notifier(sinks: [sink, other], records: records, clock: TestClock())
        let report = try await notifier.deliverPending()
        #expect(report.delivered.map(\.sink) == ["email"])
        _ = try await notifier.send(notification)
        #expect(await sink.deliveredKeys == ["finding:f1:executive"])
        #expect(await other.deliveredKeys == ["finding:f1:executive"])
    }

    @Test func twoNotifiersOnOneFileSendEachMessageOnce() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("outbox-race.sqlite")
        let day = Day.fixture("2026-04-30")
        let contacts = ContactDirectory(
            sender: "qa@partnership.example.org",
            contacts: (1...40).map { number in
                Contact(id: "c\(number)", name: "Contact \(number)", address: .email("c\(number)@example.org"))
            },
            routes: (1...40).map { number in
                ContactRoute(.agency(Agency.ID(unchecked: "a\(number)")), to: ["c\(number)"])
            }
        )
        let notifications = (1...40).map { number in
            AssuranceNotification(
                key: "reminder:r\(number)",
                subject: "Reminder \(number)",
                body: "Due",
                agency: Agency.ID(unchecked: "a\(number)"),
                raisedOn: day
            )
        }
        var batch = RecordBatch()
        let first = Records(store: try SQLiteStore(path: path), clock: .fixed(day))
        let staged = try await Outbox.stage(
            notifications,
            contacts: contacts,
            on: day,
            into: &batch,
            store: first.store
        )
        try await first.commit(batch, by: .system)
        #expect(staged.count == 40)
        // Two processes' worth: each notifier has its own connection to the file and its own transport.
        let second = Records(store: try SQLiteStore(path: path), clock: .fixed(day))
        let left = RecordingMessageTransport(channel: .email)
        let right = RecordingMessageTransport(channel: .email)
        async let one = Notifier(transports: [left], contacts: contacts, records: first).deliverPending()
        async let two = Notifier(transports: [right], contacts: contacts, records: second).deliverPending()
        let reports: [DeliveryReport] = try await [one, two]
        let sent = await left.sentKeys + right.sentKeys
        #expect(sent.count == 40)
        #expect(Set(sent) == Set(staged.map(\.idempotencyKey)))
        #expect(reports.map(\.sent.count).reduce(0, +) == 40)
        let held = try await first.all(OutboxMessage.self, as: .system)
        #expect(held.allSatisfy { $0.value.status == .sent && $0.value.attempts.count == 1 })
    }

    @Test func theCycleIsIdempotentOnSQLite() async throws {
        let store = try SQLiteStore.inMemory()
        var scenario = PartnershipScenario.small(from: .fixture("2025-04-01"), months: 6)
        scenario.meetings = scenario.meetings.map { meeting in
            var meeting = meeting
            meeting.attended.removeAll { $0 == PartnershipScenario.icb }
            return meeting
        }
        try await scenario.save(into: Records(store: store))
        let day = Day.fixture("2025-09-20")
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let framework = try AssuranceFramework(modules: [PartnershipModule()], environment: environment)
        let first = try await framework.runCycle(on: day, by: PartnershipScenario.qaLead)
        #expect(first.raised.filter { $0.rule == "partnership.statutory-partner-attendance" }.count == 3)
        let log = try await store.changeLog(from: .distantPast, to: .distantFuture)
        let second = try await framework.runCycle(on: day, by: PartnershipScenario.qaLead)
        #expect(second.changedNothing)
        #expect(try await store.changeLog(from: .distantPast, to: .distantFuture) == log)
    }
}

final class Counter: @unchecked Sendable {
    // Guarded by the lock.
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

struct SQLiteFailure: Error {
    var message: String
}

/// Runs SQL on a database file with a connection of its own.
func execute(_ path: String, _ sql: String) throws {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw SQLiteFailure(message: "open") }
    defer { sqlite3_close(db) }
    var error: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
        let message = error.map { String(cString: $0) } ?? "failed"
        sqlite3_free(error)
        throw SQLiteFailure(message: message)
    }
}

/// The first column of the first row of a query on a database file.
func query(_ path: String, _ sql: String) throws -> String? {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw SQLiteFailure(message: "open") }
    defer { sqlite3_close(db) }
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw SQLiteFailure(message: "prepare") }
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
    return String(cString: text)
}

/// Tampering with the database file, as a person with the file could, is found by `verify`.
struct SQLiteTamperingTests {
    private func history() async throws -> (path: String, directory: TemporaryDirectory) {
        let directory = TemporaryDirectory()
        let path = directory.file("tampered.sqlite")
        let store = try SQLiteStore(path: path)
        let context = ChangeContext(principal: "lead", at: Date(timeIntervalSinceReferenceDate: 800_000_000))
        for id in ["a", "b"] {
            let thing = StoredRecord(
                type: "test.thing",
                id: Identifier(rawValue: id)!,
                version: 0,
                schemaVersion: 1,
                index: RecordIndex(),
                payload: Data(#"{"x":1}"#.utf8)
            )
            try await store.apply(StoreChanges(records: [.save(thing)]), context: context)
        }
        let points = [SeriesPoint(period: try ReportingPeriod(parsing: "2025-01"), value: 4)]
        let series = ObservationSeries(measure: "contacts", scope: .partnership, points: points)
        try await store.apply(StoreChanges(observations: [series]), context: context)
        #expect(await store.verify().problems == [])
        return (path, directory)
    }

    @Test(arguments: [
        (
            "DROP TRIGGER change_log_no_update; UPDATE change_log SET principal = 'other' WHERE sequence = 1",
            "change log entry 1"
        ),
        ("DROP TRIGGER change_log_no_delete; DELETE FROM change_log WHERE sequence = 2", "change log entry 3"),
        (
            "INSERT INTO change_log (sequence, at, principal, kind, record_type, record_id, version, summary, hash) "
                + "VALUES (9, 0, 'x', 'deleted', 'test.thing', 'a', 1, NULL, zeroblob(32))",
            "change log entry 9"
        ),
        ("UPDATE records SET payload = CAST('{\"x\":2}' AS BLOB) WHERE id = 'a'", "record test.thing/a"),
        ("DELETE FROM records WHERE id = 'b'", "record test.thing/b"),
        ("UPDATE observations SET value = 5", "series of contacts for partnership"),
    ])
    func eachChangeOutsideTheStoreIsFound(sql: String, location: String) async throws {
        let (path, directory) = try await history()
        _ = directory
        try execute(path, sql)
        let problems = try await SQLiteStore(path: path).verify().problems
        #expect(problems.map(\.location).contains(location), "\(problems)")
    }
}
