import Audit
import Domain
import Foundation
import Learning
import Measures
import SQLiteStore
import Section11

/// Every module the CLI composes: the demo tool links the whole package.
let moduleTypes: [any ProfileConfigurable.Type] = [
    PartnershipModule.self, Section11Module.self, AuditModule.self, MeasuresModule.self, LearningModule.self,
]

/// Every module the CLI composes, at the starter profile's settings.
func composedModules() -> [any AssuranceModule] {
    moduleTypes.map { $0.init(profile: nil) }
}

/// The starter profile, with every module's part.
var starterProfile: PartnershipProfile { PartnershipProfile.starter(modules: moduleTypes) }

/// The profile a database was made with, or the starter profile for one made before profiles.
func profile(of store: any RecordStore) async throws -> PartnershipProfile {
    let records = Records(store: store)
    guard let held = try await records.load(StoredProfile.self, id: StoredProfile.current, as: .system) else {
        return starterProfile
    }
    return try held.value.profile()
}

/// The framework over a database, configured from its profile.
func composedFramework(_ environment: AssuranceEnvironment) async throws -> AssuranceFramework {
    try AssuranceFramework(
        profile: try await profile(of: environment.store),
        modules: moduleTypes,
        environment: environment
    )
}

/// The schema versions of every composed module, to refuse newer data on open.
func schemaVersions() throws -> [RecordType: Int] {
    try AssuranceFramework(modules: composedModules()).schemaVersions
}

/// Opens a partnership database.
///
/// - Parameters:
///   - path: The database file.
///   - create: Whether to create the database when there is none; otherwise a missing file exits 66.
/// - Returns: The open store.
/// - Throws: ``CLIError`` for a missing file, or the store's error.
func openDatabase(_ path: String, create: Bool) throws -> SQLiteStore {
    if !create, !FileManager.default.fileExists(atPath: path) {
        throw CLIError(.noInput, "no database at \(path); make one with 'qaf demo' or 'qaf restore'")
    }
    let directory = (path as NSString).deletingLastPathComponent
    if create, !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    return try SQLiteStore(path: path, schema: schemaVersions())
}

/// The seams over a database, on the system clock.
func environment(_ store: SQLiteStore) -> AssuranceEnvironment {
    AssuranceEnvironment(store: store, clock: .system, ids: .random)
}

/// A day from an option's text, as a usage error when it is malformed.
func day(_ text: String, option: String, command: String) throws -> Day {
    do {
        return try Day(parsing: text)
    } catch {
        throw CLIError.usage("--\(option): \(error.message)", command: command)
    }
}
