import Domain
import Foundation

func saveAndLoad(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func updateIncrementsVersion(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    let second = try await store.write([.save(record("a", version: 1, body: #"{"v":2}"#))], context: writer)
    try expect(second.first?.version == 2, "an update of version 1 is stored at version 2")
    let loaded = try await store.record(RecordReference(type: "test.thing", id: "a"))
    try expect(loaded?.version == 2 && loaded?.payload == Data(#"{"v":2}"#.utf8), "the update is what is loaded")
}

func staleWriteRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    try await store.write([.save(record("a", version: 1, body: #"{"by":"first"}"#))], context: writer)
    try await expectError(StoreRules.stale(RecordReference(type: "test.thing", id: "a"), expected: 1, held: 2)) {
        try await store.write([.save(record("a", version: 1, body: #"{"by":"second"}"#))], context: writer)
    }
    let loaded = try await store.record(RecordReference(type: "test.thing", id: "a"))
    try expect(loaded?.payload == Data(#"{"by":"first"}"#.utf8), "a refused write must not overwrite")
}

func newRecordThatExistsRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    try await expectError(StoreRules.stale(RecordReference(type: "test.thing", id: "a"), expected: 0, held: 1)) {
        try await store.write([.save(record("a"))], context: writer)
    }
    try await expectError(StoreRules.stale(RecordReference(type: "test.thing", id: "b"), expected: 3, held: nil)) {
        try await store.write([.save(record("b", version: 3))], context: writer)
    }
}

func deleteChecksVersion(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func transactionRollsBack(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func sameRecordTwiceInBatch(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func queryByIndexedFields(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func badRecordsRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let negative = record("n", version: -1)
    try await expectError(try ruleError { try StoreRules.validate(negative) }) {
        try await store.write([.save(record("ok")), .save(negative)], context: writer)
    }
    let unversioned = record("u", schemaVersion: 0)
    try await expectError(try ruleError { try StoreRules.validate(unversioned) }) {
        try await store.write([.save(unversioned)], context: writer)
    }
    try expect(try await store.record(RecordReference(type: "test.thing", id: "ok")) == nil, "nothing is written")
    try expect(try await store.snapshot().isEmpty, "a refused batch leaves no trace")
}
