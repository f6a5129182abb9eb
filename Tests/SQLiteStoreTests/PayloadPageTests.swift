import Domain
import Foundation
import SQLiteStore
import Testing

/// A page of payloads holds exactly the rows the paged read of `StoredRecord`s returns, however
/// often it is filled again; records decoded from pages are those decoded from stored records, with
/// older schemas migrated and newer or broken payloads refused by name.
struct PayloadPageTests {
    /// A record whose second schema renamed `text` to `words`.
    struct Note: StorableRecord, IdentifierKind, Hashable {
        static var noun: String { "note" }
        static var recordType: RecordType { "test.note" }
        static var schemaVersion: Int { 2 }
        static var migrations: [RecordMigration] {
            [RecordMigration(from: 1) { json in json.renamingKey("text", to: "words") }]
        }
        var id: Identifier<Note>
        var agency: Agency.ID
        var words: String
        var index: RecordIndex { RecordIndex(agency: agency) }
        var accessScope: AccessScope { AccessScope(.partnershipStructure, agency: agency) }
    }

    /// The agency of a note, without its words.
    struct NoteAgency: RecordProjection, Hashable {
        typealias Source = Note
        var agency: Agency.ID

        init(agency: Agency.ID) { self.agency = agency }

        init(payload: inout RecordObjectReader) throws {
            agency = try payload.id(Agency.self, "agency")
        }
    }

    let context = ChangeContext(principal: "test", at: Date(timeIntervalSince1970: 0))

    func stored(_ number: Int, schema: Int = 2, payload: String? = nil) -> StoredRecord {
        let agency: Agency.ID = number % 3 == 0 ? "police" : "council"
        // Words from none to 5,000 bytes, so that a page starting small must grow more than once.
        let words = String(repeating: "w", count: (number * 397) % 5_000)
        let key = schema == 1 ? "text" : "words"
        return StoredRecord(
            type: Note.recordType,
            id: Identifier(rawValue: String(format: "note-%03d", number))!,
            version: 0,
            schemaVersion: schema,
            index: RecordIndex(agency: agency, dueDay: Day(unchecked: 20_000 + number)),
            payload: Data(
                (payload ?? #"{"agency":"\#(agency.rawValue)","id":"note-\#(number)","\#(key)":"\#(words)"}"#).utf8
            )
        )
    }

    func store(_ records: [StoredRecord]) async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        _ = try await store.write(records.map { .save($0) }, context: context)
        return store
    }

    @Test func aPageHoldsTheRowsThePagedReadReturnsEveryTimeItIsFilled() async throws {
        let store = try await store((0..<40).map { stored($0) })
        let page = RecordPayloadPage(type: "unread", capacity: 64)
        let queries = [
            RecordQuery(Note.recordType),
            RecordQuery(Note.recordType, RecordFilter(agency: "police")),
            RecordQuery(Note.recordType, RecordFilter(dueOnOrBefore: Day(unchecked: 20_020))),
            RecordQuery("test.none"),
        ]
        for query in queries {
            for after in [nil, "note-000", "note-017", "note-039"] as [Identifier<AnyRecordKind>?] {
                for limit in [0, 1, 5, 40, 100] {
                    let expected = try await store.records(matching: query, after: after, limit: limit)
                    try await store.readPayloads(matching: query, after: after, limit: limit, into: page)
                    #expect(page.type == query.type)
                    #expect(page.count == expected.count, "\(query) after \(String(describing: after)) limit \(limit)")
                    for (row, record) in expected.enumerated() {
                        #expect(page.id(at: row) == record.id)
                        #expect(page.versions[row] == record.version)
                        #expect(page.schemaVersion(at: row) == record.schemaVersion)
                        #expect(Data(page.payload(at: row)) == record.payload)
                        #expect(page.storedRecord(at: row).payload == record.payload)
                    }
                }
            }
        }
    }

    @Test func recordsReadPageByPageAreThoseDecodedFromStoredRecords() async throws {
        let records = (0..<25).map { stored($0, schema: $0 % 4 == 1 ? 1 : 2) }
        let store = try await store(records)
        let query = RecordQuery(Note.recordType)
        let whole = try await RecordCoder.decodeConcurrently(Note.self, from: try await store.records(matching: query))
        #expect(
            whole.values.map(\.words)
                == records.map { String(repeating: "w", count: (Int($0.id.rawValue.suffix(3))! * 397) % 5_000) }
        )
        for size in [1, 4, 25, 26] {
            var sizes: [Int] = []
            var versions: [Int] = []
            let read = try await RecordCoder.readPayloadPages(query, from: store, pageSize: size) { page in
                sizes.append(page.count)
                versions += page.versions
                return try await RecordCoder.decodeConcurrently(Note.self, from: page)
            }
            #expect(read.map(\.id) == whole.values.map(\.id))
            #expect(read.map(\.words) == whole.values.map(\.words))
            #expect(versions == whole.versions)
            #expect(sizes.reduce(0, +) == 25 && sizes.dropLast().allSatisfy { $0 == size }, "\(sizes)")
            let agencies = try await RecordCoder.readPayloadPages(query, from: store, pageSize: size) {
                try await RecordCoder.decodeConcurrently(NoteAgency.self, from: $0)
            }
            #expect(agencies == whole.values.map { NoteAgency(agency: $0.agency) })
        }
    }

    @Test func aViewReadsAWholeTypeFromPagesAsItReadsItWhole() async throws {
        let store = try await store((0..<30).map { stored($0, schema: $0 % 5 == 0 ? 1 : 2) })
        let view = AssuranceView(store: store)
        let notes = try await view.all(Note.self)
        let decoded = try await RecordCoder.decodeConcurrently(
            Note.self,
            from: try await store.records(matching: RecordQuery(Note.recordType))
        )
        #expect(notes == decoded.values)
        #expect(try await view.records(NoteAgency.self, RecordFilter()) == notes.map { NoteAgency(agency: $0.agency) })
    }

    @Test func aNewerOrBrokenPayloadOnAPageIsRefusedByName() async throws {
        let query = RecordQuery(Note.recordType)
        let newer = try await store([stored(1), stored(2, schema: 3)])
        await #expect(
            throws: DomainError(
                .schemaTooNew,
                "test.note records were written with schema version 3, but this build reads up to version 2; "
                    + "update the package before opening this data"
            )
        ) {
            try await RecordCoder.readPayloadPages(query, from: newer) {
                try await RecordCoder.decodeConcurrently(NoteAgency.self, from: $0)
            }
        }
        let broken = try await store([stored(1), stored(2, payload: #"{"agency":"police","id":"note-2""#)])
        let error = await #expect(throws: DomainError.self) {
            try await RecordCoder.readPayloadPages(query, from: broken) {
                try await RecordCoder.decodeConcurrently(Note.self, from: $0)
            }
        }
        #expect(error?.code == .storeFailed)
        #expect(error?.message.hasPrefix("test.note/note-002") == true, "\(String(describing: error))")
    }
}
