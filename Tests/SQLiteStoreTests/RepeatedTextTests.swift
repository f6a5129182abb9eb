import AssuranceTesting
import Domain
import Foundation
import SQLiteStore
import Testing

/// A query shares a row's texts with the row before where they hold the same bytes; every record must
/// still read back exactly as it was written, whatever its neighbours hold.
struct RepeatedTextTests {
    @Test func eachRowReadsItsOwnTextsWhateverTheRowBeforeHeld() async throws {
        let directory = TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("texts.sqlite"))
        // Neighbours that hold the same text, a longer or shorter one with the same start, another
        // of the same length, none, and text longer than a small string.
        let agencies: [Agency.ID?] = ["police", "police", "police-2", "police", "polica", nil, "police", nil]
        let parents: [String?] = [
            "case-1", "case-1", "case-10", "case-1", nil, "a-long-case-identifier-of-the-audit",
            "a-long-case-identifier-of-the-audit", "a-long-case-identifier-of-the-audit-2",
        ]
        let keys: [String?] = ["k", "k", "k", nil, "k", "kk", "k", "audit-2022-01"]
        let statuses: [String?] = ["open", "open", "opened", "open", "done", nil, "done", "done"]
        var written: [StoredRecord] = []
        for number in agencies.indices {
            written.append(
                StoredRecord(
                    type: number < 6 ? "test.first" : "test.second",
                    id: Identifier(rawValue: "r-\(number)")!,
                    version: 0,
                    schemaVersion: 1,
                    index: RecordIndex(
                        agency: agencies[number],
                        status: statuses[number].map(RecordStatus.init(rawValue:)),
                        parent: parents[number].map { Identifier(rawValue: $0)! },
                        key: keys[number]
                    ),
                    payload: Data(#"{"n":\#(number)}"#.utf8)
                )
            )
        }
        let saved = try await store.write(
            written.map { .save($0) },
            context: ChangeContext(principal: "test", at: Date(timeIntervalSince1970: 0))
        )
        let first = try await store.records(matching: RecordQuery("test.first"))
        let second = try await store.records(matching: RecordQuery("test.second"))
        #expect(first + second == saved)
        #expect(first.map(\.index) == written.prefix(6).map(\.index))
        let snapshot = try await store.snapshot()
        #expect(snapshot.records == saved)
    }
}
