import CSQLite
import Domain
import Foundation

/// A SQLite connection with a cache of prepared statements.
///
/// Used only from inside ``SQLiteStore``'s actor isolation, which serialises every use.
final class Connection {
    let handle: OpaquePointer
    let path: String
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, flags: Int32) throws {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw DomainError(.storeFailed, "cannot open the database \(path): \(message)")
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    func errorMessage() -> String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ status: Int32, while doing: String) -> DomainError {
        let primary = status & 0xFF
        let message = errorMessage()
        switch primary {
        case SQLITE_NOTADB:
            return DomainError(
                .notOurDatabase,
                "\(path) is not a SQLite database (\(message)); expected a safeguarding QA database"
            )
        case SQLITE_CORRUPT:
            return DomainError(
                .corruptDatabase,
                "\(path) is damaged (\(message)) while \(doing); restore it from a backup"
            )
        case SQLITE_BUSY, SQLITE_LOCKED:
            return DomainError(.storeFailed, "\(path) is locked by another writer while \(doing); try again")
        case SQLITE_FULL:
            return DomainError(.storeFailed, "the disk is full while \(doing) in \(path)")
        case SQLITE_READONLY:
            return DomainError(.storeFailed, "\(path) is read-only; cannot \(doing)")
        default:
            return DomainError(.storeFailed, "SQLite error \(status) while \(doing) in \(path): \(message)")
        }
    }

    /// Runs SQL with no results, such as DDL or a PRAGMA that sets a value.
    func execute(_ sql: String, while doing: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if let error { sqlite3_free(error) }
        guard status == SQLITE_OK else { throw failure(status, while: doing) }
    }

    /// A prepared statement, cached by its text and reset for reuse.
    func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] {
            sqlite3_reset(cached)
            sqlite3_clear_bindings(cached)
            return Statement(handle: cached, connection: self)
        }
        var prepared: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard status == SQLITE_OK, let prepared else { throw failure(status, while: "preparing a statement") }
        statements[sql] = prepared
        return Statement(handle: prepared, connection: self)
    }

    /// The first column of the first row of a query, as an integer.
    func integer(_ sql: String, while doing: String) throws -> Int64? {
        let statement = try statement(sql)
        // A statement left mid-way holds a read transaction, which would keep checkpoints from finishing.
        defer { statement.reset() }
        guard try statement.step(while: doing) else { return nil }
        return statement.isNull(0) ? nil : statement.int64(0)
    }

    /// The first column of every row of a query, as text.
    func texts(_ sql: String, while doing: String) throws -> [String] {
        let statement = try statement(sql)
        var result: [String] = []
        while try statement.step(while: doing) { result.append(statement.text(0) ?? "") }
        return result
    }

    /// Runs a body in a write transaction, rolling back on any error.
    func transaction<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        try check(statement("BEGIN IMMEDIATE").run(), doing)
        do {
            let result = try body()
            try check(statement("COMMIT").run(), doing)
            return result
        } catch {
            _ = try? statement("ROLLBACK").run()
            throw error
        }
    }

    private func check(_ status: Int32, _ doing: String) throws {
        guard status == SQLITE_DONE || status == SQLITE_ROW else { throw failure(status, while: doing) }
    }
}

/// A prepared statement borrowed from the connection's cache.
struct Statement {
    let handle: OpaquePointer
    unowned let connection: Connection

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: String?) {
        if let value {
            sqlite3_bind_text(handle, index, value, -1, Self.transient)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Data?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Data) {
        value.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
        }
    }

    /// Steps once: `true` when a row is ready, `false` when done.
    ///
    /// What it was doing is described only when a step fails, so that a query of a million rows does
    /// not build the text a million times.
    func step(while doing: @autoclosure () -> String) throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(status, while: doing())
        }
    }

    /// Steps to completion, returning the raw status (for callers that map constraint errors).
    func run() -> Int32 {
        let status = sqlite3_step(handle)
        sqlite3_reset(handle)
        return status
    }

    func reset() { sqlite3_reset(handle) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }
    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }

    /// A column's text, or `last` itself where the column holds the same bytes: a record's type,
    /// case or audit repeats from row to row of a query, and sharing the string spares making it again.
    func text(_ column: Int32, sameAs last: inout String?) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        if let held = last, held.utf8.count == count,
            held.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, pointer, count) == 0 }) == true
        {
            return held
        }
        let made = String(cString: pointer)
        last = made
        return made
    }
    /// A column's text as its UTF-8 bytes in SQLite's row buffer, valid until the next step.
    func textBytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_text(handle, column)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// A column's blob as its bytes in SQLite's row buffer, valid until the next step.
    func blobBytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(handle, column)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func blob(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: pointer, count: count)
    }
}
