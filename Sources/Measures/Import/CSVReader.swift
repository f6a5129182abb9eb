public import Domain
public import Foundation

/// A strict reader of comma-separated values (RFC 4180), for every CSV file the package reads.
///
/// It reads a record at a time, like a cursor, and never makes a `String` it is not asked for, so a
/// file of a million rows reads in well under a second. Every problem is an error that names the
/// source, the line and the column, and says what was expected:
///
/// - the file must be UTF-8 (a byte-order mark is allowed and skipped); Latin-1 is refused;
/// - lines may end in LF or CRLF;
/// - a quote left open, text after a closing quote, a NUL byte, or a line longer than the limit is refused;
/// - every record must have as many fields as the header;
/// - numbers are plain decimals: no thousands separators, NaN or infinity.
///
/// ```swift
/// var reader = try CSVReader(data: data, source: "measures.csv")
/// let value = try reader.requireColumn("value")
/// while try reader.next() {
///     let number = try reader.number(value)        // measures.csv:12: column value: …
/// }
/// ```
public struct CSVReader: Sendable {
    /// The file's name as errors give it.
    public let source: String
    /// The header's fields.
    public internal(set) var header: [String] = []
    /// The physical line (from 1) on which the current record starts.
    public internal(set) var line = 0

    let bytes: [UInt8]
    var position: Int
    var nextLine = 1
    // The current record's fields: the first `fieldCount` entries. The arrays are kept between
    // records and written in place, so that reading a record allocates nothing.
    var fields: [Field] = []
    var fieldCount = 0

    /// Where a field of the current record lies, and whether it was quoted.
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
    }
    let maximumRecordLength: Int

    /// Opens CSV data and reads its header.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The name errors give the file, such as its path.
    ///   - maximumRecordLength: The longest record accepted, in bytes (1 MiB by default).
    /// - Throws: `DomainError.Code.invalidInput` when the file is empty, not UTF-8, or its header is malformed.
    public init(data: Data, source: String, maximumRecordLength: Int = 1 << 20) throws(DomainError) {
        self.source = source
        self.maximumRecordLength = maximumRecordLength
        var bytes = [UInt8](data)
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let (offset, line) = Self.firstInvalidUTF8(bytes, from: start) {
            throw DomainError(
                .invalidInput,
                "\(source):\(line): the file is not UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) "
                    + "at byte \(offset + 1)); save it as UTF-8 (Latin-1 and Windows-1252 are not accepted)"
            )
        }
        if start > 0 { bytes.removeFirst(start) }
        self.bytes = bytes
        self.position = 0
        guard try readRecord() else {
            throw DomainError(.invalidInput, "\(source): the file is empty; expected a header line")
        }
        header = (0..<fieldCount).map { field($0) }
        if header.count == 1 && header[0].isEmpty {
            throw DomainError(.invalidInput, "\(source):1: the header is empty; expected the column names")
        }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header names the column \(DomainError.quote(name)) twice"
            )
        }
    }

    /// The index of a column, or `nil`.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The index of a column that must be present.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the missing column and the header found.
    public func requireColumn(_ name: String) throws(DomainError) -> Int {
        guard let index = column(name) else {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header has no column \(DomainError.quote(name)); found \(header.joined(separator: ","))"
            )
        }
        return index
    }

    /// Moves to the next record, returning `false` at the end of the file.
    ///
    /// Blank lines at the end are skipped.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a malformed record or one with the wrong number of fields.
    public mutating func next() throws(DomainError) -> Bool {
        while true {
            guard try readRecord() else { return false }
            if fieldCount == 1 && fields[0].end == fields[0].start && !fields[0].quoted {
                // A blank line: allowed only at the end of the file.
                let blankLine = line
                if try isAtEndAfterBlankLines() { return false }
                throw DomainError(
                    .invalidInput,
                    "\(source):\(blankLine): the line is blank; expected \(header.count) fields"
                )
            }
            guard fieldCount == header.count else {
                throw DomainError(
                    .invalidInput,
                    "\(source):\(line): the record has \(fieldCount) field\(fieldCount == 1 ? "" : "s"); the header "
                        + "has \(header.count) (\(header.joined(separator: ",")))"
                )
            }
            return true
        }
    }

    /// The text of a field of the current record.
    public func field(_ index: Int) -> String {
        let start = fields[index].start
        let end = fields[index].end
        if !fields[index].quoted {
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(end - start)
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            unescaped.append(byte)
            cursor += byte == 0x22 ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Whether a field of the current record is empty.
    public func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }

    /// Whether a field of the current record equals ASCII text, without making a `String`.
    public func field(_ index: Int, equals text: StaticString) -> Bool {
        let count = fields[index].end - fields[index].start
        guard count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[fields[index].start + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// Calls a body with the UTF-8 bytes of a field of the current record (unescaped when quoted).
    public func withFieldBytes<Result>(
        _ index: Int,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        if fields[index].quoted {
            return try Array(field(index).utf8).withUnsafeBufferPointer(body)
        }
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[fields[index].start..<fields[index].end]))
        }
    }

    /// Whether a field of the current record equals UTF-8 bytes, without making a `String` of the field.
    public func field(_ index: Int, equalsBytes text: [UInt8]) -> Bool {
        if fields[index].quoted { return Array(field(index).utf8) == text }
        let start = fields[index].start
        let count = fields[index].end - start
        guard count == text.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            text.withUnsafeBufferPointer { other in
                count == 0 || memcmp(all.baseAddress! + start, other.baseAddress!, count) == 0
            }
        }
    }

    /// Whether a field of the current record equals a string, without making a `String` of the field.
    public func field(_ index: Int, equals text: String) -> Bool {
        if fields[index].quoted { return field(index) == text }
        let start = fields[index].start
        let count = fields[index].end - start
        let same = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.count == count else { return false }
            return bytes.withUnsafeBufferPointer { all in
                count == 0 || memcmp(all.baseAddress! + start, utf8.baseAddress!, count) == 0
            }
        }
        if let same { return same }
        var utf8 = text.utf8.makeIterator()
        var offset = 0
        while let byte = utf8.next() {
            guard offset < count, bytes[start + offset] == byte else { return false }
            offset += 1
        }
        return offset == count
    }

    /// A field of the current record as a plain decimal number.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the line and column and quoting the text.
    public func number(_ index: Int) throws(DomainError) -> Double {
        if let value = parseNumber(index) { return value }
        throw problem(
            index,
            "is not a number; expected a plain decimal such as 12 or 45.5 (no thousands separators, NaN or infinity)"
        )
    }

    /// A field of the current record as a whole number.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the line and column and quoting the text.
    public func integer(_ index: Int) throws(DomainError) -> Int {
        let start = fields[index].start
        let end = fields[index].end
        var value = 0
        var cursor = start
        var negative = false
        if cursor < end, bytes[cursor] == 0x2D {
            negative = true
            cursor += 1
        }
        guard cursor < end, !fields[index].quoted || !bytes[start..<end].contains(0x22) else {
            throw problem(index, "is not a whole number")
        }
        while cursor < end {
            let byte = bytes[cursor]
            guard byte >= 0x30, byte <= 0x39, value < Int.max / 10 - 10 else {
                throw problem(index, "is not a whole number")
            }
            value = value * 10 + Int(byte - 0x30)
            cursor += 1
        }
        return negative ? -value : value
    }

    /// An error about a field of the current record: the source, line, column name and the field's text.
    public func problem(_ index: Int, _ what: String) -> DomainError {
        let name = index < header.count ? header[index] : "\(index + 1)"
        return DomainError(
            .invalidInput,
            "\(source):\(line): column \(name): \(DomainError.quote(field(index))) \(what)"
        )
    }
}
