import Domain
import Foundation

/// Pages read one after another give exactly what a whole read gives.
///
/// For a store that hands over pages (`PagedRecordStore`): for a whole type, for indexed fields and
/// for a due day, at every page size. A store that does not page passes, having nothing to check.
func pagesReadWhatAWholeReadReads(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    guard let paged = store as? any PagedRecordStore else { return }
    // Ids whose text order differs from their numbers' ("t-10" before "t-2"), and a few of another type.
    var writes: [RecordWrite] = (1...23).map { number in
        .save(
            record(
                "t-\(number)",
                index: RecordIndex(
                    agency: number % 3 == 0 ? "police" : "health",
                    dueDay: try? Day(parsing: number % 2 == 0 ? "2025-06-30" : "2025-09-30")
                ),
                body: #"{"n":\#(number)}"#
            )
        )
    }
    writes += ["t-1", "t-5", "u-0"].map { .save(record($0, type: "test.other")) }
    try await store.write(writes, context: writer)
    let queries = [
        RecordQuery("test.thing"),
        RecordQuery("test.thing", RecordFilter(agency: "police")),
        RecordQuery("test.thing", RecordFilter(dueOnOrBefore: try Day(parsing: "2025-07-01"))),
        RecordQuery("test.missing"),
    ]
    for query in queries {
        let whole = try await store.records(matching: query)
        for size in [1, 2, 5, 23, 100] {
            var pages: [StoredRecord] = []
            var after: Identifier<AnyRecordKind>? = nil
            while true {
                let page = try await paged.records(matching: query, after: after, limit: size)
                try expect(page.count <= size, "a page of \(size) held \(page.count) records")
                try expect(
                    zip(page, page.dropFirst()).allSatisfy { $0.id < $1.id }
                        && (after.map { after in page.first.map { $0.id > after } ?? true } ?? true),
                    "pages of \(size) for \(query): the page after \(after.map(\.rawValue) ?? "the start") read \(page.map(\.id)), not ids after it in order"
                )
                pages += page
                guard page.count == size, let last = page.last else { break }
                after = last.id
            }
            try expect(
                pages == whole,
                "pages of \(size) for \(query) read \(pages.map(\.id)) where a whole read gives \(whole.map(\.id))"
            )
        }
    }
    let afterTheLast = try await paged.records(matching: queries[0], after: "t-9", limit: 10)
    try expect(afterTheLast.isEmpty, "nothing comes after the last id; read \(afterTheLast.map(\.id))")
    let none = try await paged.records(matching: queries[0], after: nil, limit: 0)
    try expect(none.isEmpty, "a page of no records holds none; read \(none.map(\.id))")
}
