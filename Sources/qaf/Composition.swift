import Audit
import Domain
import Foundation
import Learning
import Measures
import SQLiteStore
import Section11

/// Every module the CLI composes: the demo tool links the whole package.
func composedModules() -> [any AssuranceModule] {
    [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()]
}

/// The schema versions of every composed module, to refuse newer data on open.
func schemaVersions() -> [RecordType: Int] {
    AssuranceFramework(modules: composedModules()).schemaVersions
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
