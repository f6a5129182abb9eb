public import Domain
import Foundation

/// The conformance suite for `RecordStore`: run it against your own store to show it keeps the
/// package's promises (versions, atomic batches, the change log, the bulk path, backups).
///
/// It works with any test framework: ``run()`` throws a ``StoreConformanceFailure`` that lists every
/// check that failed and why.
///
/// ```swift
/// @Test func myStoreConforms() async throws {
///     try await StoreConformance { try await MyDatabaseStore.temporary() }.run()
/// }
/// ```
public struct StoreConformance: Sendable {
    /// Makes a new, empty store for one check.
    public typealias MakeStore = @Sendable () async throws -> any RecordStore

    /// One check of the suite.
    public struct Check: Sendable, CustomStringConvertible {
        /// The check's name.
        public let name: String
        fileprivate let body: @Sendable (any RecordStore, MakeStore) async throws -> Void

        /// The check's name.
        public var description: String { name }
    }

    private let makeStore: MakeStore

    /// Creates the suite over a store factory; each check gets a store of its own.
    public init(makeStore: @escaping MakeStore) {
        self.makeStore = makeStore
    }

    /// Runs every check.
    ///
    /// - Throws: ``StoreConformanceFailure`` listing each failed check and its reason.
    public func run() async throws {
        var failures: [StoreConformanceFailure.Failure] = []
        for check in Self.checks {
            do {
                try await check.body(try await makeStore(), makeStore)
            } catch {
                failures.append(.init(check: check.name, reason: "\(error)"))
            }
        }
        if !failures.isEmpty { throw StoreConformanceFailure(failures: failures) }
    }

    /// Runs one check by name.
    ///
    /// - Throws: ``StoreConformanceFailure`` when it fails or no check has the name.
    public func run(_ name: String) async throws {
        guard let check = Self.checks.first(where: { $0.name == name }) else {
            throw StoreConformanceFailure(failures: [.init(check: name, reason: "no such check")])
        }
        do {
            try await check.body(try await makeStore(), makeStore)
        } catch {
            throw StoreConformanceFailure(failures: [.init(check: name, reason: "\(error)")])
        }
    }

    /// The names of every check, in the order they run.
    public static var checkNames: [String] { checks.map(\.name) }

    static let checks: [Check] = [
        Check(name: "save and load", body: saveAndLoad),
        Check(name: "update increments the version", body: updateIncrementsVersion),
        Check(name: "stale write refused", body: staleWriteRefused),
        Check(name: "saving an existing record as new refused", body: newRecordThatExistsRefused),
        Check(name: "delete", body: deleteChecksVersion),
        Check(name: "transaction rolls back", body: transactionRollsBack),
        Check(name: "one record twice in a batch", body: sameRecordTwiceInBatch),
        Check(name: "query by indexed fields", body: queryByIndexedFields),
        Check(name: "change log", body: changeLogRecordsEveryWrite),
        Check(name: "change log is append-only", body: changeLogIsAppendOnly),
        Check(name: "concurrent writers: one wins", body: concurrentWritersOneWins),
        Check(name: "racing updates: none lost", body: racingUpdatesNoneLost),
        Check(name: "stored schema versions", body: storedSchemaVersions),
        Check(name: "schema too new refused", body: schemaTooNewRefused),
        Check(name: "older schema migrated on load", body: olderSchemaMigrated),
        Check(name: "observations: insert, refuse duplicates, replace", body: observationsAppend),
        Check(name: "observations: query and order", body: observationsQuery),
        Check(name: "observations: bad values refused", body: observationsRefuseBadValues),
        Check(name: "snapshot and restore", body: snapshotAndRestore),
        Check(name: "restore into a non-empty store refused", body: restoreIntoNonEmptyRefused),
    ]
}

/// The checks of a ``StoreConformance`` run that failed.
public struct StoreConformanceFailure: Error, CustomStringConvertible {
    /// One failed check.
    public struct Failure: Sendable {
        /// The check's name.
        public var check: String
        /// Why it failed.
        public var reason: String
    }

    /// Every failed check.
    public var failures: [Failure]

    /// One line per failed check.
    public var description: String {
        "\(failures.count) store conformance check(s) failed:\n"
            + failures.map { "- \($0.check): \($0.reason)" }.joined(separator: "\n")
    }
}

// MARK: - The checks

private struct Expectation: Error, CustomStringConvertible {
    var description: String
}

private func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw Expectation(description: message()) }
}

private func expectError(
    _ code: DomainError.Code,
    _ message: String? = nil,
    _ body: () async throws -> Void
) async throws {
    do {
        try await body()
    } catch let error as DomainError {
        try expect(error.code == code, "expected \(code), got \(error)")
        if let message {
            try expect(error.message == message, "expected the message «\(message)», got «\(error.message)»")
        }
        return
    } catch {
        throw Expectation(description: "expected a DomainError \(code), got \(error)")
    }
    throw Expectation(description: "expected \(code), but nothing was thrown")
}

private let noon = Date(timeIntervalSince1970: 1_750_000_000)
private let writer = ChangeContext(principal: "conformance", at: noon)

private func record(
    _ id: String,
    type: RecordType = "test.thing",
    version: Int = 0,
    schemaVersion: Int = 1,
    index: RecordIndex = RecordIndex(),
    body: String = "{}"
) -> StoredRecord {
    StoredRecord(
        type: type,
        id: Identifier(rawValue: id)!,
        version: version,
        schemaVersion: schemaVersion,
        index: index,
        payload: Data(body.utf8)
    )
}

private func saveAndLoad(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let index = RecordIndex(
        agency: "police",
        group: "pdg",
        period: try ReportingPeriod(parsing: "FY2025-26-Q1"),
        status: "open",
        dueDay: try Day(parsing: "2025-06-30"),
        parent: "parent-1",
        key: "k|1"
    )
    let saved = try await store.write([.save(record("a", index: index, body: #"{"name":"α","n":1}"#))], context: writer)
    try expect(saved.count == 1 && saved[0].version == 1, "a new record is saved at version 1, got \(saved)")
    let loaded = try await store.record(RecordReference(type: "test.thing", id: "a"))
    try expect(loaded == saved[0], "the loaded record differs from the saved one: \(String(describing: loaded))")
    try expect(loaded?.payload == Data(#"{"name":"α","n":1}"#.utf8), "the payload's bytes must be kept exactly")
    try expect(
        try await store.record(RecordReference(type: "test.other", id: "a")) == nil,
        "a record is found only under its own type"
    )
}

private func updateIncrementsVersion(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    let second = try await store.write([.save(record("a", version: 1, body: #"{"v":2}"#))], context: writer)
    try expect(second.first?.version == 2, "an update of version 1 is stored at version 2")
    let loaded = try await store.record(RecordReference(type: "test.thing", id: "a"))
    try expect(loaded?.version == 2 && loaded?.payload == Data(#"{"v":2}"#.utf8), "the update is what is loaded")
}

private func staleWriteRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    try await store.write([.save(record("a", version: 1, body: #"{"by":"first"}"#))], context: writer)
    try await expectError(
        .staleWrite,
        "test.thing/a was written against version 1 but the store holds version 2; reload it and apply the change again"
    ) {
        try await store.write([.save(record("a", version: 1, body: #"{"by":"second"}"#))], context: writer)
    }
    let loaded = try await store.record(RecordReference(type: "test.thing", id: "a"))
    try expect(loaded?.payload == Data(#"{"by":"first"}"#.utf8), "a refused write must not overwrite")
}

private func newRecordThatExistsRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws
{
    try await store.write([.save(record("a"))], context: writer)
    try await expectError(
        .staleWrite,
        "test.thing/a was saved as a new record but the store holds version 1; reload it and apply the change again"
    ) {
        try await store.write([.save(record("a"))], context: writer)
    }
    try await expectError(
        .staleWrite,
        "test.thing/b was written against version 3 but the store holds no such record; reload it and apply the change again"
    ) {
        try await store.write([.save(record("b", version: 3))], context: writer)
    }
}

private func deleteChecksVersion(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    let reference = RecordReference(type: "test.thing", id: "a")
    try await expectError(.staleWrite) { try await store.write([.delete(reference, version: 2)], context: writer) }
    try await store.write([.delete(reference, version: 1)], context: writer)
    try expect(try await store.record(reference) == nil, "a deleted record is gone")
    try await expectError(.staleWrite) { try await store.write([.delete(reference, version: 1)], context: writer) }
    let log = try await store.changeLog(for: reference)
    try expect(
        log.map(\.kind) == [.created, .deleted],
        "the log keeps the creation and the deletion, got \(log.map(\.kind))"
    )
}

private func transactionRollsBack(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("held"))], context: writer)
    let before = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try await expectError(.staleWrite) {
        try await store.write(
            [.save(record("x")), .save(record("y")), .save(record("held", version: 7))],
            context: writer
        )
    }
    try expect(try await store.record(RecordReference(type: "test.thing", id: "x")) == nil, "x must not be written")
    try expect(try await store.record(RecordReference(type: "test.thing", id: "y")) == nil, "y must not be written")
    let after = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try expect(after == before, "a refused batch must leave the change log unchanged")
}

private func sameRecordTwiceInBatch(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let saved = try await store.write(
        [.save(record("a")), .save(record("a", version: 1, body: #"{"v":2}"#))],
        context: writer
    )
    try expect(
        saved.map(\.version) == [1, 2],
        "the second write of a batch sees the first, got \(saved.map(\.version))"
    )
    try expect(
        try await store.record(RecordReference(type: "test.thing", id: "a"))?.version == 2,
        "the record ends at version 2"
    )
}

private func queryByIndexedFields(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let q1 = try ReportingPeriod(parsing: "2025-Q1")
    let q2 = try ReportingPeriod(parsing: "2025-Q2")
    try await store.write(
        [
            .save(
                record(
                    "c",
                    index: RecordIndex(agency: "police", period: q1, status: "open", dueDay: .init(unchecked: 100))
                )
            ),
            .save(
                record("a", index: RecordIndex(agency: "police", group: "pdg", period: q2, status: "closed", key: "k1"))
            ),
            .save(
                record(
                    "b",
                    index: RecordIndex(agency: "health", status: "open", dueDay: .init(unchecked: 50), parent: "p")
                )
            ),
            .save(record("z", type: "test.other", index: RecordIndex(agency: "police"))),
        ],
        context: writer
    )
    func ids(_ filter: RecordFilter) async throws -> [String] {
        try await store.records(matching: RecordQuery("test.thing", filter)).map(\.id.rawValue)
    }
    try expect(try await ids(RecordFilter()) == ["a", "b", "c"], "all of a type, in id order")
    try expect(try await ids(RecordFilter(agency: "police")) == ["a", "c"], "by agency")
    try expect(try await ids(RecordFilter(group: "pdg")) == ["a"], "by group")
    try expect(try await ids(RecordFilter(period: q1)) == ["c"], "by period")
    try expect(try await ids(RecordFilter(status: "open")) == ["b", "c"], "by status")
    try expect(try await ids(RecordFilter(dueOnOrBefore: .init(unchecked: 60))) == ["b"], "due on or before")
    try expect(
        try await ids(RecordFilter(dueOnOrBefore: .init(unchecked: 100))) == ["b", "c"],
        "due on the day itself"
    )
    try expect(try await ids(RecordFilter(parent: "p")) == ["b"], "by parent")
    try expect(try await ids(RecordFilter(key: "k1")) == ["a"], "by key")
    try expect(try await ids(RecordFilter(agency: "police", status: "open")) == ["c"], "fields combine")
}

private func changeLogRecordsEveryWrite(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws
{
    let early = ChangeContext(principal: "first", at: noon)
    let late = ChangeContext(principal: "second", at: noon.addingTimeInterval(3600))
    try await store.write([.save(record("a")), .save(record("b"))], context: early)
    try await store.write([.save(record("a", version: 1))], context: late)
    let reference = RecordReference(type: "test.thing", id: "a")
    let log = try await store.changeLog(for: reference)
    try expect(log.count == 2, "two writes of a, got \(log.count)")
    try expect(log.map(\.kind) == [.created, .updated], "created then updated")
    try expect(log.map(\.version) == [1, 2], "versions after each write")
    try expect(log.map(\.principal) == ["first", "second"], "who wrote")
    try expect(log.map(\.at) == [noon, noon.addingTimeInterval(3600)], "when")
    let all = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try expect(all.count == 3, "three entries in all")
    try expect(zip(all, all.dropFirst()).allSatisfy { $0.sequence < $1.sequence }, "sequences increase")
    let first = try await store.changeLog(from: noon, to: noon.addingTimeInterval(3600))
    try expect(first.map(\.record.id) == ["a", "b"], "a period is from its start up to, not including, its end")
}

private func changeLogIsAppendOnly(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    let before = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try await store.write([.save(record("a", version: 1))], context: writer)
    try await store.write([.delete(RecordReference(type: "test.thing", id: "a"), version: 2)], context: writer)
    let after = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try expect(Array(after.prefix(before.count)) == before, "earlier entries never change")
    try expect(after.count == before.count + 2, "each write appends one entry")
}

private func concurrentWritersOneWins(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("shared"))], context: writer)
    let outcomes = await withTaskGroup(of: String.self) { group in
        for writerNumber in 0..<8 {
            group.addTask {
                do {
                    try await store.write(
                        [.save(record("shared", version: 1, body: #"{"writer":\#(writerNumber)}"#))],
                        context: writer
                    )
                    return "won"
                } catch let error as DomainError where error.code == .staleWrite {
                    return "stale"
                } catch {
                    return "other: \(error)"
                }
            }
        }
        var outcomes: [String] = []
        for await outcome in group { outcomes.append(outcome) }
        return outcomes
    }
    try expect(outcomes.filter { $0 == "won" }.count == 1, "exactly one writer wins, got \(outcomes)")
    try expect(outcomes.filter { $0 == "stale" }.count == 7, "every other writer gets staleWrite, got \(outcomes)")
    try expect(try await store.record(RecordReference(type: "test.thing", id: "shared"))?.version == 2, "version 2")
}

/// Sixteen tasks update four overlapping counters, some two at once in one batch: every write
/// either lands or is refused as stale, and each counter ends at the number of writes that landed.
private func racingUpdatesNoneLost(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let counters = (0..<4).map { "counter-\($0)" }
    try await store.write(counters.map { .save(record($0, body: #"{"count":0}"#)) }, context: writer)
    // A lockstep round first: every task reads the same version of one counter before any of them
    // writes, so a store that ignores the version a writer read loses updates whatever the scheduler
    // does. The free-for-all that follows then exercises the store under real contention.
    let barrier = Barrier(parties: 16)
    let lockstep = await withTaskGroup(of: CounterTally.self) { group in
        for _ in 0..<16 {
            group.addTask {
                var tally = CounterTally()
                await tally.increment([counters[0]], in: store) { await barrier.arriveAndWait() }
                return tally
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    let racing = await withTaskGroup(of: CounterTally.self) { group in
        for task in 0..<16 {
            group.addTask {
                var tally = CounterTally()
                for attempt in 0..<25 {
                    // Each task walks the counters in its own order; every fifth write updates two at once.
                    let first = counters[(task + attempt) % 4]
                    let second = counters[(task + attempt + 1 + task % 3) % 4]
                    await tally.increment(attempt % 5 == 0 && first != second ? [first, second] : [first], in: store)
                }
                return tally
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    let tallies = lockstep + racing
    let other = tallies.flatMap(\.other)
    try expect(other.isEmpty, "every write lands or is stale; got \(other.prefix(3))")
    var landed: [String: Int] = [:]
    for tally in tallies { landed.merge(tally.landed, uniquingKeysWith: +) }
    try expect(landed.values.reduce(0, +) > 0, "some writes land")
    for id in counters {
        let held = try await store.record(CounterTally.reference(id))
        let expected = landed[id] ?? 0
        let count = held.map(CounterTally.count)
        try expect(count == expected, "\(id) counts \(count ?? -1) but \(expected) updates landed")
        try expect(held?.version == expected + 1, "\(id) is at version \(held?.version ?? 0) after \(expected) updates")
    }
}

/// What one racing task saw: the updates that landed per counter, the stale refusals, anything else.
private struct CounterTally: Sendable {
    var landed: [String: Int] = [:]
    var stale = 0
    var other: [String] = []

    static func reference(_ id: String) -> RecordReference {
        RecordReference(type: "test.thing", id: Identifier(rawValue: id)!)
    }

    static func count(_ stored: StoredRecord) -> Int {
        let object = try? JSONSerialization.jsonObject(with: stored.payload) as? [String: Int]
        return object?["count"] ?? -1
    }

    /// Reads each counter, waits for `beforeWriting`, then adds one to each in a single batch at the
    /// versions read.
    mutating func increment(
        _ targets: [String],
        in store: any RecordStore,
        beforeWriting: () async -> Void = {}
    ) async {
        do {
            var writes: [RecordWrite] = []
            for id in targets {
                guard let held = try await store.record(Self.reference(id)) else {
                    throw Expectation(description: "\(id) is missing")
                }
                writes.append(.save(record(id, version: held.version, body: #"{"count":\#(Self.count(held) + 1)}"#)))
            }
            await beforeWriting()
            try await store.write(writes, context: writer)
            for id in targets { landed[id, default: 0] += 1 }
        } catch let error as DomainError where error.code == .staleWrite {
            stale += 1
        } catch {
            other.append("\(error)")
        }
    }
}

/// Holds every arriving task until the last of `parties` has arrived, then lets them all go.
private actor Barrier {
    private let parties: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var arrived = 0

    init(parties: Int) { self.parties = parties }

    func arriveAndWait() async {
        arrived += 1
        if arrived == parties {
            for continuation in waiting { continuation.resume() }
            waiting.removeAll()
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}

private func storedSchemaVersions(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [
            .save(record("a", schemaVersion: 1)), .save(record("b", schemaVersion: 3)),
            .save(record("c", type: "test.other", schemaVersion: 2)),
        ],
        context: writer
    )
    let versions = try await store.storedSchemaVersions()
    try expect(versions == ["test.thing": 3, "test.other": 2], "the highest version per type, got \(versions)")
}

private struct VersionedThing: StorableRecord, IdentifierKind, Hashable {
    static var noun: String { "versioned thing" }
    typealias ID = Identifier<VersionedThing>
    static var recordType: RecordType { "test.versioned-thing" }
    static var schemaVersion: Int { 2 }
    static var migrations: [RecordMigration] {
        [RecordMigration(from: 1) { $0.renamingKey("title", to: "name") }]
    }
    var id: ID
    var name: String
    var accessScope: AccessScope { AccessScope(.referenceData) }
}

private func schemaTooNewRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [
            .save(
                record("future", type: "test.versioned-thing", schemaVersion: 3, body: #"{"id":"future","label":"x"}"#)
            )
        ],
        context: writer
    )
    let records = Records(store: store, clock: .constant(noon))
    try await expectError(
        .schemaTooNew,
        "test.versioned-thing records were written with schema version 3, but this build reads up to version 2; "
            + "update the package before opening this data"
    ) {
        _ = try await records.load(VersionedThing.self, id: "future", as: .system)
    }
}

private func olderSchemaMigrated(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [.save(record("old", type: "test.versioned-thing", schemaVersion: 1, body: #"{"id":"old","title":"Kept"}"#))],
        context: writer
    )
    let records = Records(store: store, clock: .constant(noon))
    let loaded = try await records.load(VersionedThing.self, id: "old", as: .system)
    try expect(
        loaded?.value.name == "Kept",
        "version 1's title is migrated to version 2's name, got \(String(describing: loaded))"
    )
}

private func series(_ measure: String, _ scope: SeriesScope, _ points: [(String, Double?)]) throws -> ObservationSeries
{
    ObservationSeries(
        measure: MeasureID(rawValue: measure)!,
        scope: scope,
        points: try points.map { SeriesPoint(period: try ReportingPeriod(parsing: $0.0), value: $0.1) }
    )
}

private func observationsAppend(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let first = try series("contacts", .partnership, [("2025-01", 10), ("2025-02", 12)])
    let summary = try await store.append([first], mode: .insertOnly, context: writer)
    try expect(summary == ObservationWriteSummary(inserted: 2, replaced: 0, series: 1), "two inserted, got \(summary)")
    let clash = try series("contacts", .partnership, [("2025-03", 9), ("2025-02", 99)])
    try await expectError(
        .duplicate,
        "observation of contacts for partnership in 2025-02 is already held; append with replaceExisting to replace it"
    ) {
        try await store.append([clash], mode: .insertOnly, context: writer)
    }
    let held = try await store.observationSeries(matching: .all)
    try expect(held.first?.points.count == 2, "a refused batch writes nothing, got \(held)")
    let replaced = try await store.append([clash], mode: .replaceExisting, context: writer)
    try expect(
        replaced == ObservationWriteSummary(inserted: 1, replaced: 1, series: 1),
        "one new, one replaced, got \(replaced)"
    )
    let values = try await store.observationSeries(matching: .all).first?.points.map(\.value)
    try expect(values == [10, 99, 9], "replacement kept in period order, got \(String(describing: values))")
    let log = try await store.changeLog(
        for: RecordReference(type: .observationSeries, id: first.changeLogID)
    )
    try expect(log.map(\.kind) == [.appended, .appended], "one entry per series per append, got \(log)")
    try expect(log.map(\.version) == [1, 2], "the series' version counts its appends")
}

private func observationsQuery(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let north = SeriesScope.locality("north")
    try await store.append(
        [
            try series("referrals", north, [("2025-02", 3), ("2025-01", 2)]),
            try series("contacts", .agency("police"), [("2025-01", 5)]),
            try series("contacts", .partnership, [("2025-01", 10), ("2025-02", nil), ("2025-03", 11)]),
        ],
        mode: .insertOnly,
        context: writer
    )
    let all = try await store.observationSeries(matching: .all)
    try expect(
        all.map { "\($0.measure) \($0.scope)" } == [
            "contacts partnership", "contacts agency:police", "referrals locality:north",
        ],
        "ordered by measure then scope, got \(all.map { "\($0.measure) \($0.scope)" })"
    )
    try expect(all[2].points.map(\.period.description) == ["2025-01", "2025-02"], "points in period order")
    try expect(all[0].points[1].value == nil, "a missing value stays missing")
    let filtered = try await store.observationSeries(
        matching: ObservationQuery(measures: ["contacts"], scopes: [.partnership], from: try Day(parsing: "2025-02-01"))
    )
    try expect(
        filtered.count == 1 && filtered[0].points.map(\.period.description) == ["2025-02", "2025-03"],
        "filters apply"
    )
    let symbol = ObservationSeries(
        measure: "suppressed",
        scope: .partnership,
        points: [SeriesPoint(period: try ReportingPeriod(parsing: "FY2024-25"), value: nil, status: .symbol(.c))]
    )
    try await store.append([symbol], mode: .insertOnly, context: writer)
    let read = try await store.observationSeries(matching: ObservationQuery(measures: ["suppressed"]))
    try expect(read.first?.points.first?.status == .symbol(.c), "a statistics symbol is kept as what it is")
    try expect(read.first?.points.first?.period.description == "FY2024-25", "a financial period is kept")
}

private func observationsRefuseBadValues(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws
{
    let bad = try series("contacts", .partnership, [("2025-01", 10), ("2025-02", .nan)])
    try await expectError(
        .invalidInput,
        "observation of contacts for partnership in 2025-02 has value nan; expected a finite number"
    ) {
        try await store.append([bad], mode: .insertOnly, context: writer)
    }
    let twice = try series("contacts", .partnership, [("2025-01", 10), ("2025-01", 11)])
    try await expectError(.duplicate, "observation of contacts for partnership in 2025-01 appears twice in one batch") {
        try await store.append([twice], mode: .replaceExisting, context: writer)
    }
    try expect(try await store.observationSeries(matching: .all).isEmpty, "nothing written")
}

private func snapshotAndRestore(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [.save(record("a", index: RecordIndex(agency: "police"), body: #"{"x":1}"#)), .save(record("b"))],
        context: writer
    )
    try await store.write([.save(record("a", version: 1, body: #"{"x":2}"#))], context: writer)
    try await store.append([try series("contacts", .partnership, [("2025-01", 1)])], mode: .insertOnly, context: writer)
    let snapshot = try await store.snapshot()
    try expect(
        snapshot.records.count == 2 && snapshot.series.count == 1 && snapshot.changeLog.count == 4,
        "everything is in the snapshot"
    )
    let copy = try await makeStore()
    try await copy.restore(snapshot)
    let again = try await copy.snapshot()
    try expect(again == snapshot, "restoring a snapshot and taking another gives the same snapshot")
    try await store.write([.delete(RecordReference(type: "test.thing", id: "b"), version: 1)], context: writer)
    let fresh = try await store.snapshot()
    let restored = try await makeStore()
    try await restored.restore(fresh)
    try expect(try await restored.snapshot() == fresh, "a snapshot after a deletion restores too")
}

private func restoreIntoNonEmptyRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws
{
    try await store.write([.save(record("a"))], context: writer)
    let snapshot = try await store.snapshot()
    try await expectError(
        .invalidInput,
        "the store is not empty (1 records, 0 observation series, 1 change-log entries); restore only into an empty store"
    ) {
        try await store.restore(snapshot)
    }
    let empty = StoreSnapshot(records: [], series: [], changeLog: [])
    try await expectError(.invalidInput) { try await store.restore(empty) }
}
