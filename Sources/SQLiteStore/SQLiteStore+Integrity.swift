import CSQLite
public import Domain
import Foundation

extension SQLiteStore {
    /// Migrates a format 1 database to format 2: the change log gains its content digests and hashes,
    /// and the entries already written are chained in place (``ChangeLogChain/chainedWithoutContent(_:)``:
    /// format 1 recorded no content, so they carry none and their records are checked by version).
    ///
    /// One transaction: the append-only triggers are lifted only inside it, to write the hashes.
    static func chainChangeLog(_ connection: Connection) throws {
        try connection.transaction("chaining the change log (migrating from format 1 to 2)") {
            try connection.execute(
                """
                DROP TRIGGER change_log_no_update;
                DROP TRIGGER change_log_no_delete;
                ALTER TABLE change_log ADD COLUMN content_digest BLOB;
                ALTER TABLE change_log ADD COLUMN hash BLOB;
                """,
                while: "adding the change log's hashes"
            )
            let read = try connection.statement("SELECT \(logColumns) FROM change_log ORDER BY sequence")
            var log: [ChangeLogEntry] = []
            while try read.step(while: "reading the change log") { log.append(readLog(read)) }
            read.reset()
            let update = try connection.statement("UPDATE change_log SET hash = ? WHERE sequence = ?")
            for entry in ChangeLogChain.chainedWithoutContent(log) {
                update.bind(1, entry.hash.map { Data($0.bytes) } ?? Data())
                update.bind(2, Int64(entry.sequence))
                let status = update.run()
                guard status == SQLITE_DONE else {
                    throw connection.failure(status, while: "chaining change log entry \(entry.sequence)")
                }
            }
            try connection.execute(
                """
                CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
                    BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
                CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
                    BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
                PRAGMA user_version = 2;
                """,
                while: "closing the change log again"
            )
        }
    }

    /// Checks the whole store: the change log's chain, each record and series against its last entry,
    /// and every stored value read back (`StoreVerification`).
    ///
    /// - Returns: What was found; `isSound` when nothing is wrong.
    public func verify() async -> StoreVerification {
        await StoreVerification.of(self)
    }
}
