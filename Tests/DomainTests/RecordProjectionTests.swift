import Domain
import Foundation
import Testing

/// A projection reads part of a stored record as its source type would read the whole: migrated
/// from an older schema, refused from a newer one or from another type, filtered by the store.
struct RecordProjectionTests {
    /// A record whose second schema renamed `lead` to `leadAgency`.
    struct Visit: StorableRecord, IdentifierKind {
        static var noun: String { "visit" }
        static var recordType: RecordType { "test.visit" }
        static var schemaVersion: Int { 2 }
        static var migrations: [RecordMigration] {
            [RecordMigration(from: 1) { json in json.renamingKey("lead", to: "leadAgency") }]
        }
        var id: Identifier<Visit>
        var leadAgency: Agency.ID
        var notes: String
        var index: RecordIndex { RecordIndex(agency: leadAgency) }
        var accessScope: AccessScope { AccessScope(.partnershipStructure, agency: leadAgency) }
    }

    /// The lead agency of a visit, without its notes.
    struct VisitLead: RecordProjection, Hashable {
        typealias Source = Visit
        var leadAgency: Agency.ID

        init(leadAgency: Agency.ID) { self.leadAgency = leadAgency }

        init(payload: inout RecordObjectReader) throws {
            leadAgency = try payload.id(Agency.self, "leadAgency")
        }
    }

    func stored(_ id: String, schema: Int, type: RecordType = Visit.recordType, _ json: String) -> StoredRecord {
        StoredRecord(
            type: type,
            id: Identifier<AnyRecordKind>(rawValue: id)!,
            version: 0,
            schemaVersion: schema,
            index: RecordIndex(agency: "police"),
            payload: Data(json.utf8)
        )
    }

    @Test func aViewReadsProjectionsOfCurrentAndOlderRecordsThatMatchItsFilter() async throws {
        let store = InMemoryStore()
        try await store.write(
            [
                .save(stored("v1", schema: 2, #"{"id":"v1","leadAgency":"police","notes":"Long notes."}"#)),
                .save(stored("v2", schema: 1, #"{"id":"v2","lead":"council","notes":"Written before the rename."}"#)),
                .save(
                    StoredRecord(
                        type: Visit.recordType,
                        id: "v3",
                        version: 0,
                        schemaVersion: 2,
                        index: RecordIndex(agency: "school"),
                        payload: Data(#"{"id":"v3","leadAgency":"school","notes":""}"#.utf8)
                    )
                ),
            ],
            context: ChangeContext(principal: "test", at: Date(timeIntervalSince1970: 0))
        )
        let view = AssuranceView(store: store)
        let police = try await view.records(VisitLead.self, RecordFilter(agency: "police"))
        #expect(police == [VisitLead(leadAgency: "police"), VisitLead(leadAgency: "council")])
        let school = try await view.records(VisitLead.self, RecordFilter(agency: "school"))
        #expect(school == [VisitLead(leadAgency: "school")])
        // The whole records read the same leads.
        let whole = try await view.records(Visit.self, RecordFilter(agency: "police"))
        #expect(whole.map { VisitLead(leadAgency: $0.leadAgency) } == police)
    }

    @Test func aProjectionRefusesWhatItsSourceTypeRefuses() throws {
        #expect(
            throws: DomainError(
                .schemaTooNew,
                "test.visit records were written with schema version 3, but this build reads up to version 2; "
                    + "update the package before opening this data"
            )
        ) {
            try RecordCoder.decode(VisitLead.self, from: stored("v9", schema: 3, #"{"leadAgency":"police"}"#))
        }
        #expect(
            throws: DomainError(
                .storeFailed,
                "domain.agency/v9 was read as test.visit; the store returned the wrong type"
            )
        ) {
            try RecordCoder.decode(
                VisitLead.self,
                from: stored("v9", schema: 1, type: Agency.recordType, #"{"leadAgency":"police"}"#)
            )
        }
        let missing = stored("v9", schema: 2, #"{"id":"v9","notes":"No lead."}"#)
        #expect {
            try RecordCoder.decode(VisitLead.self, from: missing)
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.code == .storeFailed && error.message.contains("test.visit/v9")
                && error.message.contains("leadAgency")
        }
    }
}
