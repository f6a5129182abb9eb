// The crash harness: a child process writes batches of records, change-log entries and observations
// to a SQLite store as fast as it can, reporting each commit on standard output; the parent kills it
// with SIGKILL at random moments, reopens the database and checks that every commit reported is
// there, that no batch is half there, that the change log matches the records, and that SQLite's
// integrity check passes.
//
//   swift run CrashHarness run --kills 200 [--db PATH] [--seed N]
//   swift run CrashHarness run --seconds 30
//   swift run CrashHarness deliver --kills 100      (the outbox's deliverer killed: DeliveryHarness.swift)
//   swift run CrashHarness deliver-race             (two deliverers at once on one database)
// (--epoch N starts again from an empty database every N kills; 50 by default.)
import Domain
import Foundation
import SQLiteStore
import SyntheticPartnership

/// A record the harness writes: one of a batch, or the counter of batches.
struct Probe: StorableRecord, IdentifierKind, Hashable {
    static var noun: String { "probe" }
    typealias ID = Identifier<Probe>
    static var recordType: RecordType { "harness.probe" }

    var id: Probe.ID
    /// The batch it was written in; for the counter, the last batch committed.
    var batch: Int
    /// The number of records in its batch.
    var of: Int
    /// Filler, so that batches span pages.
    var filler: String

    var accessScope: AccessScope { AccessScope(.referenceData) }
    var index: RecordIndex { RecordIndex(key: id == "counter" ? nil : "batch-\(batch)") }
}

let counterID: Probe.ID = "counter"
let principal = Principal(id: "harness", roles: [.system])
let firstMonth = try! ReportingPeriod(parsing: "2000-01")

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("CrashHarness: \(message)\n".utf8))
    exit(1)
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data("\(line)\n".utf8))
}

/// The child: writes until it is killed.
func child(path: String, seed: UInt64) async throws -> Never {
    let store = try SQLiteStore(path: path)
    let records = Records(store: store, clock: .constant(Date(timeIntervalSinceReferenceDate: 800_000_000)))
    var random = SeededRandom(seed: seed)
    var held = try await records.load(Probe.self, id: counterID, as: principal)
    while true {
        let batch = (held?.value.batch ?? 0) + 1
        let size = Int.random(in: 1...5, using: &random)
        var writes = RecordBatch()
        let filler = String(repeating: "x", count: Int.random(in: 0...1500, using: &random))
        for item in 1...size {
            try writes.save(
                Probe(id: try Probe.ID(validating: "b\(batch)-\(item)"), batch: batch, of: size, filler: filler),
                version: 0
            )
        }
        try writes.save(Probe(id: counterID, batch: batch, of: 0, filler: ""), version: held?.version ?? 0)
        let versions = try await records.commit(writes, by: principal)
        say("C \(batch) \(size)")
        held = Versioned(
            Probe(id: counterID, batch: batch, of: 0, filler: ""),
            version: versions[RecordReference(Probe.self, id: counterID)] ?? 0
        )
        if batch % 3 == 0 {
            let series = ObservationSeries(
                measure: "harness-probe",
                scope: .partnership,
                points: [SeriesPoint(period: firstMonth.advanced(by: batch), value: Double(batch))]
            )
            _ = try await store.append(
                [series],
                mode: .insertOnly,
                context: ChangeContext(principal: principal.id, at: Date(timeIntervalSinceReferenceDate: 800_000_000))
            )
            say("O \(batch)")
        }
    }
}

struct Reported {
    var batches: [Int: Int] = [:]
    var observations: Set<Int> = []
}

/// Reads the complete lines a child wrote; a line cut short by the kill is left out.
func parse(_ output: Data, into reported: inout Reported) {
    let text = String(decoding: output, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if !text.hasSuffix("\n") { lines.removeLast() }
    for line in lines where !line.isEmpty {
        let fields = line.split(separator: " ")
        guard fields.count >= 2, let batch = Int(fields[1]) else { fail("child wrote an unreadable line: \(line)") }
        if fields[0] == "C", fields.count == 3, let size = Int(fields[2]) {
            reported.batches[batch] = size
        } else if fields[0] == "O" {
            reported.observations.insert(batch)
        }
    }
}

/// Checks the database after a kill.
///
/// - Parameters:
///   - path: The database.
///   - reported: Everything the children have reported since the database was new.
///   - before: The batches held before the child was started.
///   - lastReported: The last batch the killed child reported committed, if any.
/// - Returns: The number of batches held.
/// - Throws: The store's error; a check that fails ends the process with a message.
func verify(path: String, reported: Reported, before: Int, lastReported: Int?) async throws -> Int {
    let store = try SQLiteStore(path: path, options: .init(checkIntegrityOnOpen: false))
    let integrity = try await store.integrityCheck()
    guard integrity == ["ok"] else { fail("integrity check: \(integrity.joined(separator: "; "))") }
    let probes = try await Records(store: store).all(Probe.self, as: principal)
    let counter = probes.first { $0.value.id == counterID }
    let committed = counter?.value.batch ?? 0
    // Nothing held before is lost; every commit the child reported is there; and at most the one
    // commit it made before it could print is more.
    let last = max(before, lastReported ?? 0)
    guard committed >= last else { fail("batch \(last) was reported committed but the store holds only \(committed)") }
    guard committed <= last + 1 else { fail("the store holds batch \(committed) but the child reported only \(last)") }
    guard (counter?.version ?? 0) == committed else {
        fail("the counter is at version \(counter?.version ?? 0) after \(committed) batches")
    }
    // No batch is half there: each batch has all its records or none, and every batch up to the counter is there.
    var byBatch: [Int: [Probe]] = [:]
    for probe in probes where probe.value.id != counterID {
        byBatch[probe.value.batch, default: []].append(probe.value)
    }
    for batch in 1...max(1, committed) where committed > 0 {
        guard let members = byBatch[batch] else {
            fail("batch \(batch) is missing though the counter says \(committed)")
        }
        guard members.count == members[0].of else {
            fail("batch \(batch) has \(members.count) of its \(members[0].of) records")
        }
        if let size = reported.batches[batch], size != members.count {
            fail("batch \(batch) has \(members.count) records, reported \(size)")
        }
    }
    guard byBatch.keys.allSatisfy({ $0 <= committed }) else {
        fail("records of a batch after the counter's \(committed) are visible")
    }
    // The change log matches: one creation per record, one entry per version of the counter.
    let log = try await store.changeLog(from: .distantPast, to: .distantFuture)
    let probeLog = log.filter { $0.record.type == Probe.recordType }
    let counterVersions = probeLog.filter { $0.record.id == counterID.retyped() }.map(\.version)
    guard counterVersions == Array(1...max(1, committed)) || (committed == 0 && counterVersions.isEmpty) else {
        fail("the counter's change log has versions \(counterVersions.prefix(5))… for \(committed) batches")
    }
    let created = probeLog.filter { $0.record.id != counterID.retyped() }
    let batchRecords = probes.filter { $0.value.id != counterID }.count
    guard created.count == batchRecords, created.allSatisfy({ $0.kind == .created && $0.version == 1 }) else {
        fail("the change log has \(created.count) creations for \(batchRecords) records")
    }
    guard zip(log, log.dropFirst()).allSatisfy({ $0.sequence < $1.sequence }) else {
        fail("the change log is out of order")
    }
    // Every observation reported is there, each with its change-log entry.
    let series = try await store.observationSeries(matching: .all).first { $0.measure == "harness-probe" }
    let held = Set((series?.points ?? []).compactMap { $0.value.map(Int.init) })
    guard reported.observations.isSubset(of: held) else {
        fail("observations \(reported.observations.subtracting(held).sorted().prefix(5)) were reported but are missing")
    }
    let appended = log.filter { $0.kind == .appended }.count
    guard appended == held.count else { fail("\(held.count) observations but \(appended) appends in the change log") }
    // The chain is whole: no entry lost or half-written, every record matching its last entry.
    let verification = await store.verify()
    guard verification.isSound else { fail("the store does not verify: \(verification.problems.prefix(3))") }
    return committed
}

/// The parent: kills children and checks what they left.
///
/// Every `epoch` kills it starts again from an empty database, so that the checks after each kill,
/// which read everything, stay quick however many kills there are.
func run(path: String, kills: Int?, seconds: Double?, seed: UInt64, epoch: Int) async throws {
    func reset() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    reset()
    var random = SeededRandom(seed: seed)
    var reported = Reported()
    var totalBatches = 0
    var totalRecords = 0
    var totalObservations = 0
    let clock = ContinuousClock()
    let started = clock.now
    let deadline = seconds.map { started.advanced(by: .milliseconds(Int($0 * 1000))) }
    var done = 0
    var held = 0
    while true {
        if let kills, done >= kills { break }
        if let deadline, clock.now >= deadline { break }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["child", "--db", path, "--seed", String(random.next())]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Kill at a random moment: often early (while opening and recovering), often mid-batch.
        let wait =
            Int.random(in: 0...1, using: &random) == 0
            ? Int.random(in: 1...40, using: &random) : Int.random(in: 40...250, using: &random)
        try await Task.sleep(for: .milliseconds(wait))
        kill(process.processIdentifier, SIGKILL)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var life = Reported()
        parse(data, into: &life)
        reported.batches.merge(life.batches) { _, new in new }
        reported.observations.formUnion(life.observations)
        held = try await verify(path: path, reported: reported, before: held, lastReported: life.batches.keys.max())
        done += 1
        if done % epoch == 0 {
            totalBatches += held
            totalRecords += reported.batches.values.reduce(0, +)
            totalObservations += reported.observations.count
            reported = Reported()
            held = 0
            reset()
        }
    }
    totalBatches += held
    totalRecords += reported.batches.values.reduce(0, +)
    totalObservations += reported.observations.count
    let elapsed = started.duration(to: clock.now).components
    print(
        "CrashHarness: \(done) kills survived in \(elapsed.seconds) s; \(totalBatches) batches committed "
            + "(\(totalRecords) records), \(totalObservations) observation appends; after every kill: integrity ok, "
            + "every reported commit present, no batch half-written, change log consistent and its chain verified"
    )
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else {
    fail("usage: CrashHarness run [--kills N | --seconds S] [--db PATH] [--seed N]")
}
arguments.removeFirst()
var options: [String: String] = [:]
while arguments.count >= 2, arguments[0].hasPrefix("--") {
    options[String(arguments[0].dropFirst(2))] = arguments[1]
    arguments.removeFirst(2)
}
let path = options["db"] ?? ".build-harness/crash.sqlite"
let seed = options["seed"].flatMap(UInt64.init) ?? 1
try? FileManager.default.createDirectory(
    atPath: (path as NSString).deletingLastPathComponent,
    withIntermediateDirectories: true
)
switch mode {
case "child":
    try await child(path: path, seed: seed)
case "run":
    let kills = options["kills"].flatMap(Int.init)
    let seconds = options["seconds"].flatMap(Double.init)
    guard kills != nil || seconds != nil else { fail("give --kills N or --seconds S") }
    let epoch = options["epoch"].flatMap(Int.init) ?? 50
    try await run(path: path, kills: kills, seconds: seconds, seed: seed, epoch: max(1, epoch))
case "deliver":
    let kills = options["kills"].flatMap(Int.init) ?? 100
    let messages = options["messages"].flatMap(Int.init) ?? 300
    try await DeliveryHarness.killed(
        folder: options["folder"] ?? ".build-harness/deliver",
        kills: kills,
        messages: messages,
        seed: seed
    )
case "deliver-race":
    let deliverers = options["deliverers"].flatMap(Int.init) ?? 2
    let messages = options["messages"].flatMap(Int.init) ?? 300
    try await DeliveryHarness.race(
        folder: options["folder"] ?? ".build-harness/deliver-race",
        deliverers: deliverers,
        messages: messages
    )
case "deliver-child":
    guard let folder = options["folder"], let messages = options["messages"].flatMap(Int.init),
        let lease = options["lease"].flatMap(Double.init)
    else { fail("deliver-child needs --folder, --messages and --lease") }
    try await DeliveryHarness.deliverer(folder: folder, messages: messages, lease: lease)
default:
    fail("unknown mode \(mode); expected run, deliver or deliver-race")
}
