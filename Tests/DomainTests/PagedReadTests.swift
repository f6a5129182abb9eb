import AssuranceTesting
import Domain
import Foundation
import Synchronization
import Testing

/// A whole type's projection is read from a store that pages a page at a time, each page decoded
/// while the next is read, and gives what a whole read gives.
struct PagedReadTests {
    let made = TrackedActionPayloadDecodingTests()

    func storeOfActions(_ count: Int) async throws -> CountingPagesStore {
        let store = CountingPagesStore()
        let records = Records(store: store)
        for number in 0..<count { _ = try await records.save(made.action(number), version: 0, by: .system) }
        return store
    }

    @Test func everyPageIsReadAndDecodedInIdOrder() async throws {
        let store = try await storeOfActions(40)
        let query = RecordQuery(TrackedAction.recordType)
        let whole = try await RecordCoder.decodeConcurrently(
            TrackedActionSummary.self,
            from: try await store.records(matching: query)
        )
        // 40 records in pages of 7: five full pages, then one of 5; pages of 8 end with an empty page.
        for (size, pages) in [(7, 6), (8, 6), (40, 2), (41, 1)] {
            var sizes: [Int] = []
            let read = try await RecordCoder.readPaged(query, from: store, pageSize: size) { page in
                sizes.append(page.count)
                return try await RecordCoder.decodeConcurrently(TrackedActionSummary.self, from: page)
            }
            #expect(read == whole)
            #expect(sizes.count == pages, "pages of \(size): \(sizes)")
            #expect(sizes.dropLast().allSatisfy { $0 == size })
        }
        #expect(whole.count == 40)
    }

    @Test func theNextPageIsAskedForWhileAPageIsRead() async throws {
        let store = try await storeOfActions(20)
        var askedWhileReading: [Int] = []
        _ = try await RecordCoder.readPaged(RecordQuery(TrackedAction.recordType), from: store, pageSize: 8) { page in
            let asked = store.calls.withLock { $0.paged }
            // Waits (a bounded while) for the store to be asked for the page after this one, which
            // a reader that took turns with the store would never see.
            var waited = 0
            while page.count == 8, store.calls.withLock({ $0.paged }) == asked, waited < 2_000 {
                try await Task.sleep(for: .milliseconds(5))
                waited += 1
            }
            askedWhileReading.append(store.calls.withLock { $0.paged } - asked)
            return page
        }
        // Pages of 8, 8 and 4: the store is asked for the second and third while the first and
        // second are read; the last, short, asks for nothing after it.
        #expect(askedWhileReading == [1, 1, 0])
    }

    @Test func aViewPagesAWholeTypeAndReadsAFilteredOneWhole() async throws {
        let store = try await storeOfActions(30)
        let view = AssuranceView(store: store)
        let summaries = try await view.records(TrackedActionSummary.self, RecordFilter())
        #expect(summaries == (0..<30).map { TrackedActionSummary(made.action($0)) }.sorted { $0.id < $1.id })
        #expect(store.calls.withLock { $0 } == (paged: 1, whole: 0))
        let police = try await view.records(TrackedActionSummary.self, RecordFilter(agency: "police"))
        #expect(police.map(\.id) == summaries.filter { $0.ownerAgency == "police" }.map(\.id))
        #expect(!police.isEmpty)
        #expect(store.calls.withLock { $0 } == (paged: 1, whole: 1))
    }

    @Test func aViewWithoutACachePagesEveryRecordOfATypeWithTheirVersions() async throws {
        let store = try await storeOfActions(12)
        let records = Records(store: store)
        let first = try #require(try await records.load(TrackedAction.self, id: made.action(3).id, as: .system))
        _ = try await records.save(first.value, version: first.version, by: .system)
        let before = store.calls.withLock { $0 }
        let versioned = try await AssuranceView(store: store).versioned(TrackedAction.self)
        #expect(versioned.map(\.value) == (0..<12).map { made.action($0) }.sorted { $0.id < $1.id })
        #expect(versioned.map(\.version) == versioned.map { $0.value.id == made.action(3).id ? 2 : 1 })
        #expect(store.calls.withLock { $0 } == (paged: before.paged + 1, whole: before.whole))
        // A view that fills a cache of decoded records reads the type whole.
        _ = try await AssuranceView(store: store, decodedRecords: DecodedRecordCache()).all(TrackedAction.self)
        #expect(store.calls.withLock { $0 } == (paged: before.paged + 1, whole: before.whole + 1))
    }
}

/// An in-memory store that hands over pages, and counts its paged and whole reads.
final class CountingPagesStore: PagedRecordStore, ForwardingStore {
    let inner = InMemoryStore()
    let calls = Mutex((paged: 0, whole: 0))
    var wrapped: any RecordStore { inner }

    func records(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws -> [StoredRecord] {
        calls.withLock { $0.paged += 1 }
        let whole = try await inner.records(matching: query)
        return Array(whole.filter { record in id.map { record.id > $0 } ?? true }.prefix(limit))
    }
    func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        calls.withLock { $0.whole += 1 }
        return try await inner.records(matching: query)
    }
}
