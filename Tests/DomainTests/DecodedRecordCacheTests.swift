import AssuranceTesting
import Domain
import Foundation
import Testing

/// A framework's views share decoded records, but never one the store no longer holds as it was.
struct DecodedRecordCacheTests {
    @Test func aLaterViewSeesEverySaveAndDeletion() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(.fixture("2025-06-02")))
        try await PartnershipScenario.small(from: .fixture("2025-01-01"), months: 1).save(into: records)
        let framework = try AssuranceFramework(
            modules: [PartnershipModule()],
            environment: AssuranceEnvironment(store: store)
        )
        let first = try await framework.makeView().byID(Agency.self)
        let police = try #require(first[PartnershipScenario.police])

        var renamed = police
        renamed.name = "Renamed Constabulary"
        let held = try #require(try await records.load(Agency.self, id: police.id, as: .system))
        try await records.save(renamed, version: held.version, by: .system)
        let charity = try #require(try await records.load(Agency.self, id: PartnershipScenario.charity, as: .system))
        var batch = RecordBatch()
        batch.delete(Agency.self, id: charity.value.id, version: charity.version)
        try await records.commit(batch, by: .system)

        let second = try await framework.makeView().byID(Agency.self)
        #expect(second[police.id]?.name == "Renamed Constabulary")
        #expect(second[PartnershipScenario.charity] == nil)
        #expect(second[PartnershipScenario.school] == first[PartnershipScenario.school])
        #expect(second.count == first.count - 1)
    }

    @Test func aRecordRestoredWithTheSameVersionButOtherBytesIsDecodedAfresh() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(.fixture("2025-06-02")))
        try await records.save(Partnership(id: "p", name: "First"), version: 0, by: .system)
        let cache = DecodedRecordCache()
        let before = try await AssuranceView(store: store, decodedRecords: cache).all(Partnership.self)
        #expect(before.map(\.name) == ["First"])

        // The same id at the same version, with other content: a store emptied and filled again.
        let other = InMemoryStore()
        try await Records(store: other, clock: .fixed(.fixture("2025-06-02"))).save(
            Partnership(id: "p", name: "Second"),
            version: 0,
            by: .system
        )
        let after = try await AssuranceView(store: other, decodedRecords: cache).all(Partnership.self)
        #expect(after.map(\.name) == ["Second"])
    }

    /// Thousands of records decode across the cores and come back in id order, unchanged.
    @Test func aLargeTypeDecodesOnEveryCoreInOrder() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(.fixture("2025-06-02")))
        var batch = RecordBatch()
        let localities = try (0..<5000).map {
            Locality(id: try Locality.ID(validating: "loc-\(String(format: "%05d", $0))"), name: "Locality \($0)")
        }
        for locality in localities { try batch.save(locality, version: 0) }
        try await records.commit(batch, by: .system)
        // Every seventh saved again, so that the versions are not all alike and must stay with their records.
        var again = RecordBatch()
        var renamed = localities
        for position in stride(from: 0, to: renamed.count, by: 7) {
            renamed[position].name += " (renamed)"
            try again.save(renamed[position], version: 1)
        }
        try await records.commit(again, by: .system)
        let versions = renamed.indices.map { $0 % 7 == 0 ? 2 : 1 }
        let plain = AssuranceView(store: store)
        #expect(try await plain.all(Locality.self) == renamed)
        #expect(try await plain.versioned(Locality.self).map(\.version) == versions)
        #expect(try await plain.versioned(Locality.self).map(\.value) == renamed)
        let cached = AssuranceView(store: store, decodedRecords: DecodedRecordCache())
        #expect(try await cached.all(Locality.self) == renamed)
        #expect(try await cached.versioned(Locality.self).map(\.version) == versions)
    }
}
