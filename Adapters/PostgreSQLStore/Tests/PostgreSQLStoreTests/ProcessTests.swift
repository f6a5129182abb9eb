import Domain
import Foundation
import Testing

@testable import PostgreSQLStore

/// Writers in other operating-system processes: racing on one record, and killed mid-transaction.
@Suite(.serialized) struct ProcessTests {
    @Test func twoProcessesRacingOnOneRecordLoseNoUpdate() async throws {
        let namespace = TestServer.freshNamespace("race")
        let store = try await TestServer.store(namespace: namespace)
        try await store.write(
            [
                .save(
                    StoredRecord(
                        type: "harness.counter",
                        id: "counter",
                        version: 0,
                        schemaVersion: 1,
                        index: RecordIndex(),
                        payload: Data(#"{"count":0}"#.utf8)
                    )
                )
            ],
            context: tester
        )
        let increments = 150
        let harness = try TestServer.executable("PostgreSQLHarness")
        let writers = try (0..<2).map { _ in
            try Writer(harness, ["race", try TestServer.conninfo(), namespace, String(increments)])
        }
        var attempts = 0
        for writer in writers {
            let lines = try await writer.finish()
            let done = try #require(lines.last { $0.hasPrefix("done ") })
            attempts += Int(done.dropFirst(5))!
        }
        let held = try await store.record(RecordReference(type: "harness.counter", id: "counter"))
        let counter = try #require(held)
        let object = try JSONSerialization.jsonObject(with: counter.payload) as? [String: Int]
        // Every increment is there, each one a version, each one an entry of the log.
        #expect(object?["count"] == 2 * increments)
        #expect(counter.version == 2 * increments + 1)
        let log = try await store.changeLog(for: counter.reference)
        #expect(log.count == 2 * increments + 1)
        #expect(log.map(\.version) == Array(1...(2 * increments + 1)))
        // The two really raced: some saves were refused as stale and tried again.
        #expect(attempts > 2 * increments)
    }

    @Test func aWriterKilledMidTransactionLeavesNothingHalfWritten() async throws {
        let namespace = TestServer.freshNamespace("crash")
        let store = try await TestServer.store(namespace: namespace)
        let harness = try TestServer.executable("PostgreSQLHarness")
        var random = SystemRandomNumberGenerator()
        var reported = 0
        let applicationName = "crash-writer-\(namespace)"
        for kill in 1...8 {
            let writer = try Writer(
                harness,
                ["crash", try TestServer.conninfo(), namespace],
                applicationName: applicationName
            )
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...600, using: &random)))
            let lines = try await writer.kill()
            // The server finishes (or rolls back) what the writer had sent before the check reads.
            try await TestServer.waitForSessionsToEnd(applicationName: applicationName)
            let committed = lines.compactMap { $0.hasPrefix("committed ") ? Int($0.dropFirst(10)) : nil }
            reported = max(reported, committed.max() ?? reported)
            try await checkNothingHalfWritten(store, reported: reported, kills: kill)
        }
        #expect(reported > 0, "the writer committed nothing before it was killed")
    }

    /// The crash harness's checks: every commit reported is there, no batch is partly there, the
    /// counter names the last batch, and the change log matches the records.
    func checkNothingHalfWritten(_ store: PostgreSQLStore, reported: Int, kills: Int) async throws {
        let counter = try await store.record(RecordReference(type: "harness.counter", id: "counter"))
        let last =
            counter.flatMap { (try? JSONSerialization.jsonObject(with: $0.payload) as? [String: Int])?["count"] } ?? 0
        #expect(last >= reported, "batch \(reported) was reported committed but the counter says \(last)")
        #expect(counter?.version ?? 0 == last, "the counter was saved once per batch")
        let probes = try await store.records(matching: RecordQuery("harness.probe"))
        var batches: [Int: (count: Int, of: Int)] = [:]
        for probe in probes {
            let decoded = try JSONSerialization.jsonObject(with: probe.payload)
            let object = try #require(decoded as? [String: Any])
            let batch = try #require(object["batch"] as? Int)
            let size = try #require(object["of"] as? Int)
            batches[batch, default: (0, size)].count += 1
        }
        #expect(
            Set(batches.keys) == Set(last == 0 ? [] : Array(1...last)),
            "every batch up to the counter, none beyond"
        )
        for (batch, held) in batches where held.count != held.of {
            Issue.record("batch \(batch) is half written: \(held.count) of \(held.of) records")
        }
        let log = try await store.changeLog(from: .distantPast, to: .distantFuture)
        #expect(log.map(\.sequence) == Array(0..<log.count).map { $0 + 1 }, "the log is numbered without gaps")
        let created = log.filter { $0.kind == .created && $0.record.type == "harness.probe" }
        #expect(created.count == probes.count, "one log entry for each record written")
        let series = try await store.observationSeries(matching: .all)
        let points = series.first?.points ?? []
        // Each third batch appends a month after its commit: a kill between the two loses only that
        // month, so each kill may cost one, and every month held is its batch's.
        #expect(
            points.count <= last / 3 && points.count >= last / 3 - kills,
            "\(points.count) months for \(last) batches"
        )
        let first = try ReportingPeriod(parsing: "2000-01")
        for point in points {
            let batch = Int(point.value ?? 0)
            #expect(batch % 3 == 0 && point.period == first.advanced(by: batch / 3), "\(point) is no batch's month")
        }
    }
}

/// A harness process whose standard output is collected.
final class Writer: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()

    /// Starts a harness; an application name, given, names its server sessions (libpq's `PGAPPNAME`).
    init(_ executable: URL, _ arguments: [String], applicationName: String? = nil) throws {
        process.executableURL = executable
        process.arguments = arguments
        if let applicationName {
            var environment = ProcessInfo.processInfo.environment
            environment["PGAPPNAME"] = applicationName
            process.environment = environment
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Waits for the process to end and returns what it printed; a failure is an error with its stderr.
    func finish() async throws -> [String] {
        let lines = try await collect()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw DomainError(.storeFailed, "the harness failed (\(process.terminationStatus)): \(message)")
        }
        return lines
    }

    /// Kills the process with SIGKILL and returns what it printed before it died.
    func kill() async throws -> [String] {
        Foundation.kill(process.processIdentifier, SIGKILL)
        let lines = try await collect()
        #expect(process.terminationReason == .uncaughtSignal, "the writer ended before it was killed")
        return lines
    }

    private func collect() async throws -> [String] {
        let handle = output.fileHandleForReading
        let data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// `qaf-postgres` refuses what `qaf` refuses, with the same exit status, and verifies a store.
struct CommandTests {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = try TestServer.executable("qaf-postgres")
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    private func backup(schemaVersion: Int, formatVersion: Int? = nil) async throws -> URL {
        let store = InMemoryStore()
        let agency = StoredRecord(
            type: "domain.agency",
            id: "police",
            version: 0,
            schemaVersion: schemaVersion,
            index: RecordIndex(),
            payload: Data("{}".utf8)
        )
        try await store.write([.save(agency)], context: tester)
        var data = StoreBackup.encode(try await store.snapshot())
        if let formatVersion {
            var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            object["version"] = formatVersion
            data = try JSONSerialization.data(withJSONObject: object)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qaf-postgres-\(UUID()).json")
        try data.write(to: file)
        return file
    }

    @Test func aBackupTooNewIsRefusedWithExit65AndNothingWritten() async throws {
        let namespace = TestServer.freshNamespace("cli")
        let store = try await TestServer.store(namespace: namespace)
        let conninfo = try TestServer.conninfo()
        for file in [
            try await backup(schemaVersion: 999),
            try await backup(schemaVersion: 1, formatVersion: StoreBackup.version + 1),
        ] {
            defer { try? FileManager.default.removeItem(at: file) }
            let restored = try run(["restore", file.path, "--db", conninfo, "--namespace", namespace])
            #expect(restored.status == 65, "\(restored.error)")
            #expect(restored.error.contains("this build reads up to version"))
            #expect(try await store.snapshot().isEmpty)
        }
    }

    @Test func verifyReportsASoundStoreAndATamperedOne() async throws {
        let namespace = TestServer.freshNamespace("cli")
        _ = try await TestServer.store(namespace: namespace)
        let conninfo = try TestServer.conninfo()
        let file = try await backup(schemaVersion: 1)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try run(["restore", file.path, "--db", conninfo, "--namespace", namespace]).status == 0)
        let sound = try run(["verify", "--db", conninfo, "--namespace", namespace])
        #expect(sound.status == 0, "\(sound.error)")
        #expect(sound.output.hasPrefix("head "))
        try await TestServer.execute(
            "UPDATE records SET payload = convert_to('{\"x\":1}', 'UTF8')",
            namespace: namespace
        )
        let tampered = try run(["verify", "--db", conninfo, "--namespace", namespace])
        #expect(tampered.status == 65)
        #expect(tampered.output.contains("record domain.agency/police: differs from what change log entry 1 wrote"))
    }
}
