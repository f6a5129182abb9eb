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
        exporting again gives the same file. The database is verified first (as qaf verify does): one
        that does not verify is not backed up (exit 65), so a backup never carries damage unnoticed.
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
        let data = try StoreBackup.verifiedEncoding(of: snapshot)
        do {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
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
        transaction, or nothing is. A malformed file is an error naming the field (exit 65); so is a
        file whose change log has a gap or a broken chain, or whose records do not match their last
        log entries, and a file written by a newer release (its format or a record's schema version).
        A version 1 file (before the log was chained) is chained as it is restored.

        example:
          qaf restore backup.json --db restored.sqlite
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["file"])
        let database = try arguments.required("db")
        try arguments.finish()
        let data = try readInput(values[0])
        let snapshot = try StoreBackup.decode(data, source: values[0], schema: schemaVersions())
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

/// `qaf verify`: the integrity of a database or a backup.
enum VerifyCommand: Command {
    static let name = "verify"
    static let summary = "check a database's or backup's change log and records for tampering or damage"
    static let help = """
        usage: qaf verify --db DB
               qaf verify FILE

        Checks that the change log is whole (numbered without gaps, each entry's hash chained to the
        one before it), that every record and observation series matches what its last log entry
        wrote (its version and content), and that every stored value reads back. Prints each problem
        with where it is, one per line, and exits 65 when there is any; exits 0 and prints the log's
        head hash when there is none. Keep the head somewhere the database's writers cannot reach:
        a log rewritten from some entry onwards then shows too. FILE is a qaf-backup file.

        Run it on a schedule (Documentation/Reliability.md); qaf export and qaf restore verify too.

        example:
          qaf verify --db qaf-demo/partnership.sqlite
        """

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.option("db")
        let values = try arguments.positional(database == nil ? ["file"] : [])
        try arguments.finish()
        let verification: StoreVerification
        let place: String
        if let database {
            verification = try await openDatabase(database, create: false).verify()
            place = database
        } else {
            let snapshot = try StoreBackup.decode(try readInput(values[0]), source: values[0])
            verification = StoreVerification.of(snapshot)
            place = values[0]
        }
        for problem in verification.problems { output("\(problem)\n") }
        guard verification.isSound else {
            throw CLIError(.dataError, "\(place): \(verification.problems.count) problems in \(verification.summary)")
        }
        message("\(place): sound: \(verification.summary)")
        output("head \(verification.head?.hex ?? "(empty log)")\n")
    }
}
