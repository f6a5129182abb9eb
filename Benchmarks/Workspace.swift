import Domain
import Foundation
import Measures
import SQLiteStore
import Section11
import SyntheticPartnership

/// The generated benchmark data under `.build-bench/`, built once per scale and reused.
struct Workspace {
    static let directory = ".build-bench"
    /// Bump when the generator's output changes, so stale databases are rebuilt.
    static let generatorVersion = 7

    let scale: SyntheticScale
    let generator: PartnershipGenerator

    init(scale: SyntheticScale) {
        self.scale = scale
        self.generator = PartnershipGenerator(scale: scale)
        try? FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true)
    }

    var databasePath: String { "\(Self.directory)/\(scale.name).sqlite" }
    private var markerPath: String { "\(Self.directory)/\(scale.name).marker" }
    private var marker: String { "generator \(Self.generatorVersion) seed \(generator.seed) \(scale)" }

    /// Opens the generated database, generating it first when it is missing or stale.
    func database() async throws -> SQLiteStore {
        if (try? String(contentsOfFile: markerPath, encoding: .utf8)) == marker,
            FileManager.default.fileExists(atPath: databasePath)
        {
            return try SQLiteStore(path: databasePath, options: .init(checkIntegrityOnOpen: false))
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try SQLiteStore(path: databasePath, options: .init(checkIntegrityOnOpen: false))
        let clock = ContinuousClock()
        let started = clock.now
        try await Loader.load(generator, into: store)
        try await store.checkpoint()
        try marker.write(toFile: markerPath, atomically: true, encoding: .utf8)
        progress("generated \(scale.name) in \(started.duration(to: clock.now))")
        return store
    }
}

/// Writes generated partnerships into a store.
enum Loader {
    static func load(_ generator: PartnershipGenerator, into store: any RecordStore) async throws {
        let records = Records(store: store, clock: .constant(generator.referenceDay.start(in: .england)))
        for index in 0..<generator.scale.partnerships {
            let partnership = try generator.partnership(index)
            try await records.commit(try partnership.structureBatch(), by: .system)
            if index == 0 {
                var batch = RecordBatch()
                for definition in partnership.catalogue.definitions { try batch.save(definition, version: 0) }
                try batch.save(StandardSet.section11Classic, version: 0)
                try batch.save(StandardSet.schoolsSection175, version: 0)
                try await records.commit(batch, by: .system)
            }
            try await records.commit(try generator.section11(for: partnership, index: index).batch(), by: .system)
            try await records.commit(try generator.learning(for: partnership, index: index).batch(), by: .system)
            try await records.commit(try generator.audits(for: partnership, index: index).batch(), by: .system)
            try await store.append(
                partnership.series,
                mode: .insertOnly,
                context: ChangeContext(principal: "generator", at: generator.referenceDay.start(in: .england))
            )
            if index % 10 == 9 { progress("  \(index + 1) of \(generator.scale.partnerships) partnerships") }
        }
    }
}
