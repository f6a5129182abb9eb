import AssuranceTesting
import Domain
import Foundation
import Testing

@testable import PostgreSQLStore

/// A page of a whole type is a scan of the primary key's range: no sort, and no row before the id
/// it follows is read.
@Suite struct PagingTests {
    @Test func aPageOfAWholeTypeIsAnIndexScanOfThePrimaryKeyFromTheIdItFollows() async throws {
        let store = try await TestServer.store()
        try await RoundTripTests.fill(store)
        let commonest = try await store.pool.with { connection in
            let result = try connection.execute(
                "SELECT type FROM records GROUP BY type ORDER BY count(*) DESC, type LIMIT 1",
                while: "finding the commonest type"
            )
            return try #require(result.text(0, 0))
        }
        let query = RecordQuery(RecordType(rawValue: commonest))
        let whole = try await store.records(matching: query)
        try #require(whole.count > 4)
        let after = whole[1].id
        let (sql, values) = PostgreSQLStore.selection(query, after: after, limit: 2)
        let plan = try await store.pool.with { connection in
            let result = try connection.execute("EXPLAIN " + sql, values, while: "explaining a page")
            return (0..<result.count).compactMap { result.text($0, 0) }.joined(separator: "\n")
        }
        #expect(plan.contains("Index Scan using records_pkey"), "\(plan)")
        #expect(!plan.contains("Sort"), "\(plan)")
        #expect(plan.contains("id >"), "\(plan)")
        let page = try await store.records(matching: query, after: after, limit: 2)
        #expect(page.map(\.id) == whole[2..<4].map(\.id))
    }
}
