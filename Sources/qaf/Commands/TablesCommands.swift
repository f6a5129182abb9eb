import Domain
import Foundation
import Reporting
import SQLiteStore
import Tables

/// The record types a database's tables hold: every composed module's, and published reports.
func tableTypes(_ framework: AssuranceFramework) -> RecordTables {
    RecordTables(types: framework.recordTypes + [PublishedReport.self])
}

extension ExportCommand {
    /// Writes every table of a database, and its profile, into a folder.
    static func exportTables(database: String, to directory: String) async throws {
        let store = try openDatabase(database, create: false)
        let environment = environment(store)
        let framework = try await composedFramework(environment)
        let snapshot = try await store.snapshot()
        let tables = tableTypes(framework)
        let files = try tables.files(of: snapshot)
        var profileData = try await profile(of: store).encoded()
        profileData.append(Data("\n".utf8))
        let folder = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                try file.data.write(to: folder.appendingPathComponent(file.name), options: .atomic)
            }
            try profileData.write(to: folder.appendingPathComponent(ImportCommand.profileFile), options: .atomic)
        } catch {
            throw CLIError(.software, "cannot write \(directory): \(error.localizedDescription)")
        }
        let known = Set(tables.types.map { $0.recordType })
        let skipped = Set(snapshot.records.map(\.type)).subtracting(known).map(\.rawValue).sorted()
        var text = "wrote \(files.count) tables and the profile to \(directory)"
        if !skipped.isEmpty { text += "; no table for \(skipped.joined(separator: ", "))" }
        message(text)
    }
}

extension ImportCommand {
    /// The name of the profile beside a folder's tables.
    static let profileFile = "profile.qaf-profile.json"

    /// Imports a folder's tables, making the database from the folder's profile when there is none.
    static func importTables(_ directory: String, arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let dryRun = arguments.flag("dry-run")
        let by = try arguments.option("by")
        try arguments.finish()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError(.noInput, "no folder at \(directory)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        let files = try names.filter { $0.hasSuffix(".csv") }.map { name in
            TableFile(name: name, data: try readInput((directory as NSString).appendingPathComponent(name)))
        }
        let principal =
            try by.map { Principal(id: try Principal.ID(validating: $0), roles: [.partnershipLead]) }
            ?? operatorPrincipal
        let exists = FileManager.default.fileExists(atPath: database)
        guard exists || !dryRun else {
            throw CLIError(.noInput, "no database at \(database); a dry run checks tables against one that exists")
        }
        let store = try openDatabase(database, create: !exists)
        let environment = environment(store)
        // A new database takes the folder's profile first, unless the tables hold one themselves.
        if !exists, !names.contains("\(StoredProfile.recordType).csv") {
            let path = (directory as NSString).appendingPathComponent(profileFile)
            let profile = names.contains(profileFile) ? try ProfileCommand.readWhole(path).0 : starterProfile
            let modules = try ProfileCommand.modules(profile, source: path)
            try await profile.apply(to: environment.records, modules: modules, on: environment.today(), by: principal)
        }
        let framework = try await composedFramework(environment)
        let imported = try await tableTypes(framework).importFiles(
            files,
            into: environment.records,
            by: principal,
            dryRun: dryRun
        )
        try await store.checkpoint()
        message(
            (dryRun ? "would import" : "imported") + " \(files.count) tables into \(database): "
                + "\(imported.added.count) records added, \(imported.changed.count) changed, \(imported.unchanged) unchanged, "
                + "\(imported.observations) observations"
        )
    }
}
