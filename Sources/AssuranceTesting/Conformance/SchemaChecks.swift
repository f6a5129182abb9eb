import Domain
import Foundation

func storedSchemaVersions(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [
            .save(record("a", schemaVersion: 1)), .save(record("b", schemaVersion: 3)),
            .save(record("c", type: "test.other", schemaVersion: 2)),
        ],
        context: writer
    )
    let versions = try await store.storedSchemaVersions()
    try expect(versions == ["test.thing": 3, "test.other": 2], "the highest version per type, got \(versions)")
}

struct VersionedThing: StorableRecord, IdentifierKind, Hashable {
    static var noun: String { "versioned thing" }
    typealias ID = Identifier<VersionedThing>
    static var recordType: RecordType { "test.versioned-thing" }
    static var schemaVersion: Int { 2 }
    static var migrations: [RecordMigration] {
        [RecordMigration(from: 1) { $0.renamingKey("title", to: "name") }]
    }
    var id: ID
    var name: String
    var accessScope: AccessScope { AccessScope(.referenceData) }
}

func schemaTooNewRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [
            .save(
                record("future", type: "test.versioned-thing", schemaVersion: 3, body: #"{"id":"future","label":"x"}"#)
            )
        ],
        context: writer
    )
    let records = Records(store: store, clock: .constant(noon))
    try await expectError(StoreRules.schemaTooNew("test.versioned-thing", stored: 3, supported: 2)) {
        _ = try await records.load(VersionedThing.self, id: "future", as: .system)
    }
}

func olderSchemaMigrated(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write(
        [.save(record("old", type: "test.versioned-thing", schemaVersion: 1, body: #"{"id":"old","title":"Kept"}"#))],
        context: writer
    )
    let records = Records(store: store, clock: .constant(noon))
    let loaded = try await records.load(VersionedThing.self, id: "old", as: .system)
    try expect(
        loaded?.value.name == "Kept",
        "version 1's title is migrated to version 2's name, got \(String(describing: loaded))"
    )
}
