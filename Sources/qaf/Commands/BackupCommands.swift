import Domain
import Foundation
import SQLiteStore

/// `qaf export`: a lossless JSON backup of a database.
enum ExportCommand: Command {
    static let name = "export"
    static let summary = "write a lossless JSON backup of a database"
    static let help = """
        usage: qaf export --db DB -o FILE

        Writes every record, observation series and change-log entry of the database to FILE in the
        qaf-backup format (Documentation/DataFormats.md). Restoring it into an empty database and
        exporting again gives the same file.

        example:
          qaf export --db qaf-demo/partnership.sqlite -o backup.json
        """

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let out = try arguments.required("o")
        _ = try arguments.positional([])
        try arguments.finish()
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
