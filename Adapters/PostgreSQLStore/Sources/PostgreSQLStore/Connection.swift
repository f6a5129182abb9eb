import CLibPQ
import Domain
import Foundation

/// A value sent to the server as a parameter, never spliced into SQL.
enum SQLValue: Sendable {
    case text(String)
    case integer(Int64)
    case double(Double)
    case bytes(Data)
    case null

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ integer: Int?) { self = integer.map { .integer(Int64($0)) } ?? .null }
}

/// An error the server or libpq reported.
struct ServerError: Error, CustomStringConvertible {
    /// The five-character SQLSTATE, or empty when libpq failed before the server answered.
    var state: String
    var message: String
    var doing: String

    var description: String {
        "PostgreSQL failed while \(doing): \(message)" + (state.isEmpty ? "" : " (SQLSTATE \(state))")
    }

    var domainError: DomainError { DomainError(.storeFailed, description, underlying: self) }
}

/// One libpq connection, whose calls run on a serial dispatch queue of its own.
///
/// Never on Swift's cooperative pool, because libpq blocks its caller until the server answers.
///
/// The pool lends a connection to one caller at a time, so the queue only ever holds one job; it is
/// there to take the blocking off the caller's thread.
final class Connection: @unchecked Sendable {
    let handle: OpaquePointer
    private let queue: DispatchQueue
    private var prepared: [String: String] = [:]

    /// Connects; blocking, so it is called on the connection's queue by ``open(_:label:)``.
    private init(conninfo: String, queue: DispatchQueue) throws(DomainError) {
        guard let handle = PQconnectdb(conninfo) else {
            throw DomainError(.storeFailed, "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(handle))
            PQfinish(handle)
            throw DomainError(
                .storeFailed,
                "cannot connect to PostgreSQL (\(Self.describe(conninfo))): \(message)"
            )
        }
        // The server's notices (a schema that already exists, say) are not the caller's business.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
        self.queue = queue
    }

    deinit { PQfinish(handle) }

    /// Connects on a queue of the connection's own.
    static func open(_ conninfo: String, label: String) async throws -> Connection {
        let queue = DispatchQueue(label: label)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result { () throws(DomainError) in try Connection(conninfo: conninfo, queue: queue) }
                )
            }
        }
    }

    /// Runs blocking work on the connection's queue and returns its result to the awaiting task.
    func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.checkedRun(body) })
            }
        }
    }

    private func checkedRun<T>(_ body: (Connection) throws -> T) throws -> T {
        if PQstatus(handle) != CONNECTION_OK {
            PQreset(handle)
            prepared = [:]
            guard PQstatus(handle) == CONNECTION_OK else {
                throw DomainError(
                    .storeFailed,
                    "lost the connection to PostgreSQL and could not reconnect: \(Self.trimmed(PQerrorMessage(handle)))"
                )
            }
        }
        do {
            return try body(self)
        } catch {
            if PQtransactionStatus(handle) != PQTRANS_IDLE { _ = PQexec(handle, "ROLLBACK").map { PQclear($0) } }
            throw error
        }
    }

    /// Whether the connection is still usable.
    var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE }

    // MARK: Statements

    /// Runs a statement with parameters, prepared once per connection, asking for binary results.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue] = [], while doing: String) throws -> QueryResult {
        let name: String
        if let known = prepared[sql] {
            name = known
        } else {
            name = "qaf\(prepared.count + 1)"
            let types = values.map { value -> Oid in
                switch value {
                case .double: 701
                case .bytes: 17
                case .integer: 20
                case .text, .null: 0
                }
            }
            let result = PQprepare(handle, name, sql, Int32(types.count), types)
            _ = try check(result, doing, expecting: PGRES_COMMAND_OK)
            prepared[sql] = name
        }
        return try withParameters(values) { count, pointers, lengths, formats in
            try check(
                PQexecPrepared(handle, name, count, pointers, lengths, formats, 1),
                doing,
                expecting: PGRES_COMMAND_OK,
                PGRES_TUPLES_OK
            )
        }
    }

    /// Runs SQL that carries no values (statements of the schema, transaction control).
    func execute(plain sql: String, while doing: String) throws {
        _ = try check(PQexec(handle, sql), doing, expecting: PGRES_COMMAND_OK, PGRES_TUPLES_OK)
    }

    private func withParameters<T>(
        _ values: [SQLValue],
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) throws -> T
    ) throws -> T {
        var buffers: [[UInt8]] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        var isNull: [Bool] = []
        buffers.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .text(let text):
                buffers.append(Array(text.utf8) + [0])
                formats.append(0)
            case .integer(let integer):
                buffers.append(Array(String(integer).utf8) + [0])
                formats.append(0)
            case .double(let double):
                buffers.append(withUnsafeBytes(of: double.bitPattern.bigEndian) { Array($0) })
                formats.append(1)
            case .bytes(let data):
                buffers.append(data.isEmpty ? [0] : [UInt8](data))
                formats.append(1)
            case .null:
                buffers.append([])
                formats.append(0)
            }
            lengths.append(Int32(buffers.last!.count - (formats.last == 0 ? 1 : 0)))
            if case .bytes(let data) = value, data.isEmpty { lengths[lengths.count - 1] = 0 }
            isNull.append({ if case .null = value { true } else { false } }())
        }
        return try withPointers(buffers, isNull) { pointers in
            try body(Int32(values.count), pointers, lengths, formats)
        }
    }

    private func withPointers<T>(
        _ buffers: [[UInt8]],
        _ isNull: [Bool],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T
    ) throws -> T {
        var pointers: [UnsafePointer<CChar>?] = []
        var owned: [UnsafeMutablePointer<UInt8>] = []
        defer { for pointer in owned { pointer.deallocate() } }
        for (buffer, null) in zip(buffers, isNull) {
            if null {
                pointers.append(nil)
                continue
            }
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(buffer.count, 1))
            copy.initialize(from: buffer, count: buffer.count)
            owned.append(copy)
            pointers.append(UnsafeRawPointer(copy).assumingMemoryBound(to: CChar.self))
        }
        return try pointers.withUnsafeBufferPointer { try body($0.baseAddress) }
    }

    func check(_ result: OpaquePointer?, _ doing: String, expecting statuses: ExecStatusType...) throws -> QueryResult {
        guard let result else {
            throw ServerError(state: "", message: Self.trimmed(PQerrorMessage(handle)), doing: doing).domainError
        }
        let status = PQresultStatus(result)
        guard statuses.contains(status) else {
            let error = Self.error(result, doing: doing, handle: handle)
            PQclear(result)
            throw error.domainError
        }
        return QueryResult(result)
    }

    static func error(_ result: OpaquePointer, doing: String, handle: OpaquePointer) -> ServerError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        var message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
        if message == nil || message!.isEmpty { message = trimmed(PQresultErrorMessage(result)) }
        if let detail = PQresultErrorField(result, Int32(UInt8(ascii: "D"))).map({ String(cString: $0) }) {
            message! += "; \(detail)"
        }
        return ServerError(state: state, message: message ?? "unknown error", doing: doing)
    }

    // MARK: Transactions

    /// Runs a body in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ doing: String, readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        try execute(
            plain: readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN",
            while: "beginning a transaction for \(doing)"
        )
        do {
            let value = try body()
            try execute(plain: "COMMIT", while: "committing \(doing)")
            return value
        } catch {
            if PQtransactionStatus(handle) != PQTRANS_IDLE { _ = PQexec(handle, "ROLLBACK").map { PQclear($0) } }
            throw error
        }
    }

    // MARK: COPY

    /// Sends rows in PostgreSQL's binary COPY format to a `COPY … FROM STDIN (FORMAT binary)` statement.
    func copyIn(_ sql: String, _ rows: CopyRows, while doing: String) throws {
        _ = try check(PQexec(handle, sql), doing, expecting: PGRES_COPY_IN)
        var sent = true
        rows.bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            let chunk = 1 << 20
            while offset < buffer.count {
                let length = min(chunk, buffer.count - offset)
                let status = UnsafeRawPointer(buffer.baseAddress! + offset).withMemoryRebound(
                    to: CChar.self,
                    capacity: length
                ) { PQputCopyData(handle, $0, Int32(length)) }
                if status != 1 {
                    sent = false
                    break
                }
                offset += length
            }
        }
        let ended = PQputCopyEnd(handle, sent ? nil : "the client could not send its rows")
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            if failure == nil, PQresultStatus(result) != PGRES_COMMAND_OK {
                failure = Self.error(result, doing: doing, handle: handle).domainError
            }
            PQclear(result)
        }
        if let failure { throw failure }
        guard sent, ended == 1 else {
            throw ServerError(state: "", message: Self.trimmed(PQerrorMessage(handle)), doing: doing).domainError
        }
    }

    /// Reads the rows of a `COPY … TO STDOUT (FORMAT binary)` statement, one row's fields at a time.
    func copyOut(_ sql: String, while doing: String, row: (inout CopyRowReader) throws -> Void) throws {
        _ = try check(PQexec(handle, sql), doing, expecting: PGRES_COPY_OUT)
        var failure: (any Error)?
        var first = true
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            if length == -1 { break }
            guard length >= 0, let buffer else {
                failure =
                    ServerError(state: "", message: Self.trimmed(PQerrorMessage(handle)), doing: doing).domainError
                break
            }
            defer { PQfreemem(buffer) }
            if failure != nil { continue }
            do {
                try UnsafeRawPointer(buffer).withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
                    var reader = CopyRowReader(UnsafeBufferPointer(start: bytes, count: Int(length)))
                    if first {
                        try reader.skipHeader()
                        first = false
                    }
                    guard reader.beginRow() else { return }
                    try row(&reader)
                }
            } catch {
                failure = error
            }
        }
        while let result = PQgetResult(handle) {
            if failure == nil, PQresultStatus(result) != PGRES_COMMAND_OK {
                failure = Self.error(result, doing: doing, handle: handle).domainError
            }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    // MARK: Quoting

    /// An identifier (a schema or role name) quoted by libpq, for statements of the schema, which
    /// take no parameters.
    func quoted(identifier: String) throws -> String {
        guard let escaped = PQescapeIdentifier(handle, identifier, identifier.utf8.count) else {
            throw DomainError(.invalidInput, "cannot quote \(DomainError.quote(identifier)) as an identifier")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
    }

    /// A connection string with any password removed, for messages.
    static func describe(_ conninfo: String) -> String {
        conninfo.replacingOccurrences(of: #"password\s*=\s*\S+"#, with: "password=…", options: .regularExpression)
            .replacingOccurrences(of: #"(://[^:/@]*):[^@]*@"#, with: "$1:…@", options: .regularExpression)
    }
}

/// A result of a statement, read in PostgreSQL's binary format.
final class QueryResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { PQclear(handle) }

    /// The number of rows.
    var count: Int { Int(PQntuples(handle)) }

    /// The number of rows a statement changed.
    var changed: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    /// Whether a field is NULL; a row past the last reads as NULL.
    func isNull(_ row: Int, _ column: Int) -> Bool {
        row >= count || PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    func text(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column) else { return nil }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        return PQgetvalue(handle, Int32(row), Int32(column)).withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    func data(_ row: Int, _ column: Int) -> Data {
        guard !isNull(row, column) else { return Data() }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        return Data(bytes: PQgetvalue(handle, Int32(row), Int32(column)), count: length)
    }

    /// An integer column of any width (smallint, integer, bigint).
    func integer(_ row: Int, _ column: Int) -> Int? {
        guard !isNull(row, column) else { return nil }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        let raw = UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column))!)
        switch length {
        case 2: return Int(Int16(bigEndian: raw.loadUnaligned(as: Int16.self)))
        case 4: return Int(Int32(bigEndian: raw.loadUnaligned(as: Int32.self)))
        default: return Int(Int64(bigEndian: raw.loadUnaligned(as: Int64.self)))
        }
    }

    func double(_ row: Int, _ column: Int) -> Double? {
        guard !isNull(row, column) else { return nil }
        let raw = UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column))!)
        return Double(bitPattern: UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self)))
    }
}
