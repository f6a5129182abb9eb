import Domain
import Foundation

func snapshotAndRestore(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func restoreIntoNonEmptyRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    let snapshot = try await store.snapshot()
    try await expectError(StoreRules.notEmpty(records: 1, series: 0, changes: 1)) {
        try await store.restore(snapshot)
    }
    let empty = StoreSnapshot(records: [], series: [], changeLog: [])
    try await expectError(.invalidInput) { try await store.restore(empty) }
}

func malformedBackupRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let source = try await makeStore()
    try await source.write([.save(record("a")), .save(record("b"))], context: writer)
    try await source.write([.save(record("a", version: 1, body: #"{"x":2}"#))], context: writer)
    let good = try await source.snapshot()
    try expect(good.records.count == 2 && good.changeLog.count == 3, "two records and three changes, got \(good)")
    var disordered = good
    disordered.changeLog.swapAt(0, disordered.changeLog.count - 1)
    var doubled = good
    doubled.records.append(good.records[0])
    var unversioned = good
    unversioned.records[1].version = 0
    let held = SnapshotSeries(series: try series("contacts", .partnership, [("2025-01", 1)]), version: 1)
    var seriesTwice = good
    seriesTwice.series = [held, held]
    var periodTwice = good
    periodTwice.series = [
        SnapshotSeries(series: try series("contacts", .partnership, [("2025-01", 1), ("2025-01", 2)]), version: 1)
    ]
    var badValue = good
    badValue.series = [
        SnapshotSeries(series: try series("contacts", .partnership, [("2025-01", .infinity)]), version: 1)
    ]
    for bad in [disordered, doubled, unversioned, seriesTwice, periodTwice, badValue] {
        try await expectError(try ruleError { try StoreRules.validate(bad) }) {
            try await store.restore(bad)
        }
        try expect(try await store.snapshot().isEmpty, "a refused restore writes nothing")
    }
    try await store.restore(good)
    try expect(try await store.snapshot() == good, "the store is still empty enough to take a good backup")
}
