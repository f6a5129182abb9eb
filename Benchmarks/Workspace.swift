import Domain
import Foundation
import Measures
import SQLiteStore
import Section11
import SyntheticPartnership

/// The generated benchmark data under `.build-bench/`, built once per scale and reused.
final class Workspace {
    static let directory = ".build-bench"
    /// Bump when the generator's output changes, so stale databases are rebuilt.
    static let generatorVersion = 9

    let scale: SyntheticScale
    let generator: PartnershipGenerator
    private var opened: SQLiteStore?

    init(scale: SyntheticScale) {
        self.scale = scale
        self.generator = PartnershipGenerator(scale: scale)
        try? FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true)
    }

    var databasePath: String { "\(Self.directory)/\(scale.name).sqlite" }
    private var markerPath: String { "\(Self.directory)/\(scale.name).marker" }
    private var marker: String { "generator \(Self.generatorVersion) seed \(generator.seed) \(scale)" }

    /// Opens the generated database once, generating it first when it is missing or stale.
    func database() async throws -> SQLiteStore {
        if let opened { return opened }
        let store = try await openOrGenerate()
        opened = store
        return store
    }

    private func openOrGenerate() async throws -> SQLiteStore {
        if (try? String(contentsOfFile: markerPath, encoding: .utf8)) == marker,
            FileManager.default.fileExists(atPath: databasePath)
        {
            return try SQLiteStore(path: databasePath, options: .init(checkIntegrityOnOpen: false))
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try SQLiteStore(path: databasePath, options: .init(checkIntegrityOnOpen: false))
        let clock = ContinuousClock()
        let started = clock.now
        // Many partnerships share no store of series (see PartnershipGenerator.load): their records alone.
        try await generator.load(into: store, withSeries: scale.partnerships == 1) { loaded in
            if loaded % 10 == 0 { progress("  \(loaded) of \(scale.partnerships) partnerships") }
        }
        try await store.checkpoint()
        try marker.write(toFile: markerPath, atomically: true, encoding: .utf8)
        progress("generated \(scale.name) in \(started.duration(to: clock.now))")
        return store
    }
}
