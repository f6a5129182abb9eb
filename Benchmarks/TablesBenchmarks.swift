import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import SQLiteStore
import Section11
import Tables

/// The county's records as tables imported into a new database, beside `qaf restore` of the same
/// records from a backup: the import checks every row, its references and versions, and writes
/// through `Records`; the restore takes a snapshot as it stands.
func tablesBenchmarks(_ harness: Harness, workspace: Workspace) async throws {
    guard harness.wantsAny(["tables.export", "tables.import", "tables.peer-restore"]) else { return }
    let snapshot = try await workspace.database().snapshot()
    let modules: [any AssuranceModule] = [
        PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule(),
    ]
    let types = try AssuranceFramework(modules: modules).recordTypes + [PublishedReport.self]
    let tables = RecordTables(types: types)
    let files = try tables.files(of: snapshot)
    let backup = StoreBackup.encode(snapshot)
    let directory = "\(Workspace.directory)/tables"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let schema = try AssuranceFramework(modules: modules).schemaVersions
    func fresh(_ name: String) throws -> SQLiteStore {
        let path = "\(directory)/\(name).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try SQLiteStore(path: path, schema: schema)
    }
    let records = snapshot.records.count
    let megabytes = Double(files.reduce(0) { $0 + $1.data.count }) / 1e6
    try await harness.measure(
        "tables.export",
        items: records,
        unit: "records",
        runs: 3,
        note: String(format: "the county's %d tables (%.1f MB of CSV) from a snapshot", files.count, megabytes)
    ) {
        _ = try tables.files(of: snapshot)
    }
    let lead = Principal(id: "bench", roles: [.partnershipLead])
    let imported = try await harness.measure(
        "tables.import",
        items: records,
        unit: "records",
        runs: 3,
        note: "the same tables into a new SQLite database: read, checked, one transaction through Records",
        setup: { try fresh("import") },
        run: { store in
            let environment = AssuranceEnvironment(store: store)
            try await tables.importFiles(files, into: environment.records, by: lead)
        }
    )
    let restored = try await harness.measure(
        "tables.peer-restore",
        items: records,
        unit: "records",
        runs: 3,
        note: String(
            format: "qaf restore's work on the same records: a %.1f MB backup decoded and restored",
            Double(backup.count) / 1e6
        ),
        setup: { try fresh("restore") },
        run: { store in
            try await store.restore(try StoreBackup.decode(backup, source: "backup"))
        }
    )
    if let imported, let restored {
        harness.note(
            "tables.import",
            String(
                format: "%.2f× the restore's time (target at most 2×)",
                restored.itemsPerSecond / imported.itemsPerSecond
            )
        )
    }
}
