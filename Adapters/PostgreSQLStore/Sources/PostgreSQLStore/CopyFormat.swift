import Domain
import Foundation

/// Rows in PostgreSQL's binary COPY format: exact doubles and raw bytes, with nothing to parse on the
/// server but fixed-width big-endian fields.
struct CopyRows {
    private(set) var bytes: [UInt8]

    static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity + 21)
        bytes += Self.signature
        append(Int32(0))  // flags
        append(Int32(0))  // header extension length
    }

    mutating func beginRow(fields: Int16) { append(fields) }

    mutating func integer64(_ value: Int64) {
        append(Int32(8))
        append(value)
    }

    mutating func integer32(_ value: Int32?) {
        guard let value else { return null() }
        append(Int32(4))
        append(value)
    }

    mutating func integer16(_ value: Int16) {
        append(Int32(2))
        append(value)
    }

    mutating func double(_ value: Double?) {
        guard let value else { return null() }
        append(Int32(8))
        append(value.bitPattern)
    }

    mutating func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { utf8 in
            append(Int32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func data(_ value: Data) {
        append(Int32(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func null() { append(Int32(-1)) }

    mutating func finish() { append(Int16(-1)) }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads one row of a binary COPY stream.
struct CopyRowReader {
    private let buffer: UnsafeBufferPointer<UInt8>
    private var offset = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func skipHeader() throws {
        guard buffer.count >= 19, Array(buffer[0..<11]) == CopyRows.signature else {
            throw DomainError(.storeFailed, "PostgreSQL sent a COPY stream without the binary signature")
        }
        offset = 15
        let extensionLength = Int(read(Int32.self))
        offset += extensionLength
    }

    /// Starts a row; `false` at the stream's trailer.
    mutating func beginRow() -> Bool {
        guard offset + 2 <= buffer.count else { return false }
        return read(Int16.self) >= 0
    }

    private mutating func read<T: FixedWidthInteger>(_: T.Type) -> T {
        let value = UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: T.self)
        offset += MemoryLayout<T>.size
        return T(bigEndian: value)
    }

    /// The next field's length, or `nil` when it is NULL.
    private mutating func fieldLength() -> Int? {
        let length = Int(read(Int32.self))
        return length < 0 ? nil : length
    }

    mutating func integer() -> Int64? {
        guard let length = fieldLength() else { return nil }
        switch length {
        case 2: return Int64(read(Int16.self))
        case 4: return Int64(read(Int32.self))
        default: return read(Int64.self)
        }
    }

    mutating func double() -> Double? {
        guard fieldLength() != nil else { return nil }
        return Double(bitPattern: read(UInt64.self))
    }

    mutating func text() -> String? {
        guard let length = fieldLength() else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + length]), as: UTF8.self)
    }

    mutating func data() -> Data {
        guard let length = fieldLength() else { return Data() }
        defer { offset += length }
        return Data(UnsafeBufferPointer(rebasing: buffer[offset..<offset + length]))
    }
}
