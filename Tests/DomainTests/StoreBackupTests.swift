import AssuranceTesting
import Domain
import Foundation
import Testing

struct StoreBackupTests {
    func filledStore() async throws -> InMemoryStore {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(.fixture("2025-06-02")))
        try await PartnershipScenario.small(from: .fixture("2025-04-01"), months: 3).save(into: records)
        let series = ObservationSeries(
            measure: "referrals",
            scope: .partnership,
            points: [
                SeriesPoint(period: try ReportingPeriod(parsing: "2025-04"), value: 120.5),
                SeriesPoint(period: try ReportingPeriod(parsing: "2025-05"), value: nil, status: .symbol(.c)),
            ]
        )
        try await store.append(
            [series],
            mode: .insertOnly,
            context: ChangeContext(principal: "importer", at: Date(timeIntervalSinceReferenceDate: 770_000_000.123_456))
        )
        return store
    }

    @Test func aBackupRestoredIntoAnEmptyStoreBacksUpToTheSameBytes() async throws {
        let original = try await filledStore()
        let snapshot = try await original.snapshot()
        let backup = StoreBackup.encode(snapshot)
        let restored = InMemoryStore()
        try await StoreBackup.restore(backup, source: "backup.json", into: restored)
        #expect(try await restored.snapshot() == snapshot)
        #expect(StoreBackup.encode(try await restored.snapshot()) == backup)
        let text = String(decoding: backup, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"format\" : \"qaf-backup\""))
    }

    /// A backup is lossless: a payload beginning with a UTF-8 byte-order mark, or holding a NUL or
    /// bytes that are not UTF-8, comes back byte for byte.
    @Test func everyPayloadByteSurvivesABackup() async throws {
        var snapshot = try await filledStore().snapshot()
        let payloads = [
            Data([0xEF, 0xBB, 0xBF]) + Data(#"{"title":"with a byte-order mark"}"#.utf8),
            Data(#"{"title":"a NUL \u0000 escaped"}"#.utf8),
            Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]),
            Data([0xFF, 0xFE, 0x00, 0x41]),
        ]
        for (index, payload) in payloads.enumerated() { snapshot.records[index].payload = payload }
        let decoded = try StoreBackup.decode(StoreBackup.encode(snapshot), source: "backup.json")
        for index in payloads.indices {
            #expect(decoded.records[index].payload == payloads[index], "payload \(index)")
        }
        #expect(decoded == snapshot)
    }

    @Test func aStoreThatHoldsAnythingIsNotRestoredInto() async throws {
        let backup = StoreBackup.encode(try await filledStore().snapshot())
        let target = try await filledStore()
        let before = try await target.snapshot()
        await #expect(throws: DomainError.self) {
            try await StoreBackup.restore(backup, source: "backup.json", into: target)
        }
        #expect(try await target.snapshot() == before)
    }

    @Test func aMalformedBackupIsRefusedNamingTheFileAndField() async throws {
        let backup = StoreBackup.encode(try await filledStore().snapshot())
        var object = try #require(try JSONSerialization.jsonObject(with: backup) as? [String: Any])
        var records = try #require(object["records"] as? [[String: Any]])
        records[1]["version"] = "two"
        object["records"] = records
        let broken = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try StoreBackup.decode(broken, source: "b.json")
        } throws: { error in
            let message = (error as? DomainError)?.message ?? ""
            return message.hasPrefix("b.json: at records[1].version:")
        }

        object["format"] = "something-else"
        #expect {
            try StoreBackup.decode(try JSONSerialization.data(withJSONObject: object), source: "b.json")
        } throws: { error in
            (error as? DomainError)?.message.contains("is not a backup") == true
        }
        object["format"] = "qaf-backup"
        object["version"] = StoreBackup.version + 1
        #expect {
            try StoreBackup.decode(try JSONSerialization.data(withJSONObject: object), source: "b.json")
        } throws: { error in
            (error as? DomainError)?.code == .schemaTooNew
        }
        #expect(throws: DomainError.self) { try StoreBackup.decode(Data("not json".utf8), source: "b.json") }
    }
}
