import Domain
import Foundation

/// The writes every store is given in the integrity checks: saves, an update, a deletion and two
/// appends, one replacing a value.
private func writeHistory(into store: any RecordStore) async throws {
    try await store.write([.save(record("a", body: #"{"x":1}"#)), .save(record("b"))], context: writer)
    let later = ChangeContext(principal: "second", at: noon.addingTimeInterval(86_400.5))
    try await store.write(
        [.save(record("a", version: 1, index: RecordIndex(status: "open", key: "k"), body: #"{"x":2}"#))],
        context: later
    )
    try await store.write([.delete(RecordReference(type: "test.thing", id: "b"), version: 1)], context: later)
    try await store.apply(
        StoreChanges(observations: [try series("contacts", .partnership, [("2025-01", 1), ("2025-02", nil)])]),
        context: later
    )
    try await store.apply(
        StoreChanges(
            observations: [try series("contacts", .partnership, [("2025-02", 2.5)])],
            observationMode: .replaceExisting
        ),
        context: later
    )
}

func changeLogChained(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await writeHistory(into: store)
    let snapshot = try await store.snapshot()
    try expect(snapshot.changeLog.allSatisfy { $0.hash != nil && $0.contentDigest != nil }, "every entry is sealed")
    let verification = StoreVerification.of(snapshot)
    try expect(verification.isSound, "the store verifies: \(verification.problems)")
    // Every store seals the same history into the same chain, byte for byte.
    let reference = InMemoryStore()
    try await writeHistory(into: reference)
    let expected = try await reference.snapshot().changeLog
    try expect(
        snapshot.changeLog == expected,
        "the chain equals the in-memory store's: \(zip(snapshot.changeLog, expected).first { $0 != $1 }.map { "\($0)" } ?? "lengths differ")"
    )
}

func tamperedBackupRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let source = try await makeStore()
    try await writeHistory(into: source)
    let good = try await source.snapshot()
    try expect(
        good.changeLog.count == 6 && good.records.count == 1 && good.series.count == 1,
        "six changes, one record and one series to tamper with, got \(good)"
    )
    var edited = good
    edited.changeLog[1].principal = "someone-else"
    var cut = good
    cut.changeLog.remove(at: 2)
    var changed = good
    changed.records[0].payload = Data(#"{"x":3}"#.utf8)
    var newer = good
    newer.series[0].series.points[0].value = 7
    var unlogged = good
    unlogged.records.append(record("c", version: 1))
    for (bad, what) in [
        (edited, "an edited entry"), (cut, "a log with a gap"), (changed, "a record changed outside the store"),
        (newer, "an observation changed outside the store"), (unlogged, "a record with no log entry"),
    ] {
        try await expectError(try ruleError { _ = try StoreRules.checkedForRestore(bad) }) {
            try await store.restore(bad)
        }
        try expect(try await store.snapshot().isEmpty, "\(what): a refused restore writes nothing")
    }
    try await store.restore(good)
    try expect(try await store.snapshot() == good, "the good backup restores exactly, hashes and all")
}

func indexedTextsRefusedAlike(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let longest = String(repeating: "é", count: StoreRules.maximumIndexedTextBytes / 2)
    let held = record("long", index: RecordIndex(key: longest))
    try await store.write([.save(held)], context: writer)
    let read = try await store.record(held.reference)
    try expect(read?.index.key == longest, "a key of \(StoreRules.maximumIndexedTextBytes) bytes is held exactly")
    for bad in [
        record("nul", index: RecordIndex(key: "before\u{0}after")),
        record("status", index: RecordIndex(status: RecordStatus(rawValue: "open\u{0}"))),
        record("over", index: RecordIndex(key: longest + "x")),
    ] {
        try await expectError(try ruleError { try StoreRules.validate(bad) }) {
            try await store.write([.save(bad)], context: writer)
        }
        try expect(try await store.record(bad.reference) == nil, "\(bad.id) is not written")
    }
}

func randomPayloadsSurvive(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    var random = RepeatableRandom(seed: 0xB17E5)
    var written: [StoredRecord] = []
    for number in 0..<40 {
        // Lengths from empty to past a page of text, every byte value, a byte-order mark at times.
        var bytes = (0..<random.below(number < 4 ? 1 : 600)).map { _ in UInt8.random(in: 0...255, using: &random) }
        if random.chance(4) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        var held = record("bytes-\(number)")
        held.payload = Data(bytes)
        written.append(held)
    }
    try await store.write(written.map { .save($0) }, context: writer)
    for held in written {
        let read = try await store.record(held.reference)
        try expect(read?.payload == held.payload, "\(held.id): \(held.payload.count) bytes read back exactly")
    }
    let backup = StoreBackup.encode(try await store.snapshot())
    let target = try await makeStore()
    try await StoreBackup.restore(backup, source: "random.json", into: target)
    for held in written {
        let read = try await target.record(held.reference)
        try expect(read?.payload == held.payload, "\(held.id): \(held.payload.count) bytes survive a backup")
    }
    try expect(
        StoreBackup.encode(try await target.snapshot()) == backup,
        "the backup of the restored store is the same file"
    )
}
