import CSQLite
import Domain
import Foundation
import Testing

@testable import SQLiteStore

/// A query by parent, key or agency must search that index, not walk every record of the type.
///
/// On a national database the walk read every assessment's payload for each cycle's few hundred (a
/// hundredfold slower); SQLite's planner, with no statistics, chose the walk for the order by id.
struct QueryPlanTests {
    /// The plan SQLite makes for a query's statement on a store's database, one line per step.
    func plan(_ path: String, _ query: RecordQuery, after id: Identifier<AnyRecordKind>? = nil) throws -> [String] {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw SQLiteFailure(message: "open") }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        let sql = "EXPLAIN QUERY PLAN " + SQLiteStore.selection(query, after: id).sql
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw SQLiteFailure(message: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        var lines: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            if let detail = sqlite3_column_text(statement, 3) { lines.append(String(cString: detail)) }
        }
        return lines
    }

    @Test func filtersByParentKeyOrAgencySearchTheirIndex() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("plans.sqlite")
        let store = try SQLiteStore(path: path)
        let records = (0..<300).map { number in
            StoredRecord(
                type: "section11.assessment",
                id: Identifier(rawValue: "a-\(number)")!,
                version: 0,
                schemaVersion: 1,
                index: RecordIndex(
                    agency: Agency.ID(rawValue: "agency-\(number % 30)")!,
                    status: number % 2 == 0 ? "submitted" : "draft",
                    parent: Identifier(rawValue: "cycle-\(number % 3)")!,
                    key: "key-\(number % 10)"
                ),
                payload: Data(#"{"n":\#(number)}"#.utf8)
            )
        }
        try await store.write(
            records.map { .save($0) },
            context: ChangeContext(principal: "qa", at: Date(timeIntervalSince1970: 1_750_000_000))
        )
        let type: RecordType = "section11.assessment"
        let cycle = Identifier<AnyRecordKind>(rawValue: "cycle-1")!
        for (filter, index) in [
            (RecordFilter(parent: cycle), "records_parent"),
            (RecordFilter(status: "draft", parent: cycle), "records_parent"),
            (RecordFilter(key: "key-3"), "records_key"),
            (RecordFilter(agency: "agency-7"), "records_agency"),
            (RecordFilter(agency: "agency-7", key: "key-7"), "records_key"),
        ] {
            let steps = try plan(path, RecordQuery(type, filter))
            #expect(steps.contains { $0.contains("USING INDEX \(index)") }, "\(filter): \(steps)")
            let read = try await store.records(matching: RecordQuery(type, filter))
            #expect(read.map(\.id) == records.filter { filter.matches($0.index) }.map(\.id).sorted())
        }
        // Every record of a type is still read in the primary key's order, with no sort.
        let all = try plan(path, RecordQuery(type))
        #expect(all.contains { $0.contains("PRIMARY KEY") } && !all.contains { $0.contains("TEMP B-TREE") })
        // A page of a whole type is a search of the primary key's range from the id it follows.
        let page = try plan(path, RecordQuery(type), after: "a-150")
        #expect(page.contains { $0.contains("SEARCH") && $0.contains("PRIMARY KEY (type=? AND id>?)") }, "\(page)")
        #expect(!page.contains { $0.contains("TEMP B-TREE") })
        let read = try await store.records(matching: RecordQuery(type), after: "a-150", limit: 4)
        #expect(read.map(\.id) == records.map(\.id).filter { $0 > "a-150" }.sorted().prefix(4).map { $0 })
    }
}
