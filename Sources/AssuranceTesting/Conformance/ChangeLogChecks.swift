import Domain
import Foundation

func changeLogRecordsEveryWrite(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
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

func changeLogIsAppendOnly(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("a"))], context: writer)
    let before = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try await store.write([.save(record("a", version: 1))], context: writer)
    try await store.write([.delete(RecordReference(type: "test.thing", id: "a"), version: 2)], context: writer)
    let after = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try expect(Array(after.prefix(before.count)) == before, "earlier entries never change")
    try expect(after.count == before.count + 2, "each write appends one entry")
}
