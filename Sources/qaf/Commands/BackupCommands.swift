import Domain
import Foundation
import SQLiteStore

/// `qaf export`: a lossless JSON backup of a database.
enum ExportCommand: Command {
    static let name = "export"
    static let summary = "write a lossless JSON backup of a database"
    static let help = """
        usage: qaf export --db DB -o FILE
               qaf export --db DB --tables DIR

        -o: writes every record, observation series and change-log entry of the database to FILE in the
        qaf-backup format (Documentation/DataFormats.md). Restoring it into an empty database and
        exporting again gives the same file.
        --tables: writes every record kind as a CSV table (domain.agency.csv, audit.audit.csv, …), the
        observations as observations.csv and the database's profile as profile.qaf-profile.json, for a
        spreadsheet; qaf import tables reads them back (Documentation/Tables.md lists every table).

        example:
          qaf export --db qaf-demo/partnership.sqlite -o backup.json
          qaf export --db qaf-demo/partnership.sqlite --tables tables
        """

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let tables = try arguments.option("tables")
        let out = try tables == nil ? arguments.required("o") : ""
        _ = try arguments.positional([])
        try arguments.finish()
        if let tables {
            try await exportTables(database: database, to: tables)
            return
        }
        let store = try openDatabase(database, create: false)
        let snapshot = try await store.snapshot()
        do {
            try StoreBackup.encode(snapshot).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CLIError(.software, "cannot write \(out): \(error.localizedDescription)")
        }
        message(
            "wrote \(snapshot.records.count) records, \(snapshot.series.count) series and \(snapshot.changeLog.count) changes to \(out)"
        )
    }
}

/// `qaf restore`: a backup into a new, empty database.
enum RestoreCommand: Command {
    static let name = "restore"
    static let summary = "restore a JSON backup into an empty database"
    static let help = """
        usage: qaf restore FILE --db DB

        Restores a qaf-backup file into DB, which must be new or empty; everything is written in one
        transaction, or nothing is. A malformed file is an error naming the field (exit 65).

        example:
          qaf restore backup.json --db restored.sqlite
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["file"])
        let database = try arguments.required("db")
        try arguments.finish()
        let data = try readInput(values[0])
        let snapshot = try StoreBackup.decode(data, source: values[0])
        let existed = FileManager.default.fileExists(atPath: database)
        let store = try openDatabase(database, create: true)
        do {
            try await store.restore(snapshot)
        } catch {
            // A database this command made and could not fill is removed, so that nothing half-made remains.
            if !existed {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            }
            throw error
        }
        try await store.checkpoint()
        message(
            "restored \(snapshot.records.count) records, \(snapshot.series.count) series and \(snapshot.changeLog.count) changes into \(database)"
        )
    }
}
