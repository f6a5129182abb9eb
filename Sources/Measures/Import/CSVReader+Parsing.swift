import Domain
import Foundation

/// Finding a record's fields, checking the bytes and reading numbers.
extension CSVReader {

    func parseNumber(_ index: Int) -> Double? {
        let start = fields[index].start
        let end = fields[index].end
        // A quoted number ("120", as some spreadsheets write every field) is a number; a doubled
        // quote inside one is not.
        guard start < end, !fields[index].quoted || !bytes[start..<end].contains(0x22) else { return nil }
        var cursor = start
        if bytes[cursor] == 0x2D || bytes[cursor] == 0x2B { cursor += 1 }
        var digits = 0
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            cursor += 1
            digits += 1
        }
        if cursor < end, bytes[cursor] == 0x2E {
            cursor += 1
            while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                cursor += 1
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        if cursor < end, bytes[cursor] == 0x65 || bytes[cursor] == 0x45 {
            cursor += 1
            if cursor < end, bytes[cursor] == 0x2D || bytes[cursor] == 0x2B { cursor += 1 }
            var exponentDigits = 0
            while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                cursor += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard cursor == end else { return nil }
        // Fast path: at most 15 significant digits and no exponent, as nearly every figure is. The
        // digits make an integer that a double holds exactly, and dividing it by an exact power of
        // ten rounds once, correctly: the same double the full parser gives (Clinger's fast path).
        if digits <= 15, !bytes[start..<end].contains(where: { $0 == 0x65 || $0 == 0x45 }) {
            var mantissa = 0
            var negative = false
            var fractionDigits = 0
            var inFraction = false
            var scan = start
            if bytes[scan] == 0x2D || bytes[scan] == 0x2B {
                negative = bytes[scan] == 0x2D
                scan += 1
            }
            while scan < end {
                let byte = bytes[scan]
                if byte == 0x2E {
                    inFraction = true
                } else {
                    mantissa = mantissa * 10 + Int(byte - 0x30)
                    if inFraction { fractionDigits += 1 }
                }
                scan += 1
            }
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        let value = bytes[start..<end].withUnsafeBufferPointer { buffer -> Double? in
            Double(String(decoding: buffer, as: UTF8.self))
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// 10⁰ … 10¹⁵, each exact in a double.
    private static let powersOfTen: [Double] = (0...15).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    mutating func addField(_ start: Int, _ end: Int, quoted isQuoted: Bool) {
        let field = Field(start: start, end: end, quoted: isQuoted)
        if fieldCount < fields.count {
            fields[fieldCount] = field
        } else {
            fields.append(field)
        }
        fieldCount += 1
    }

    mutating func isAtEndAfterBlankLines() throws(DomainError) -> Bool {
        var cursor = position
        while cursor < bytes.count, bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { cursor += 1 }
        return cursor == bytes.count
    }

    /// Reads one record's field boundaries; `false` at the end of the file.
    mutating func readRecord() throws(DomainError) -> Bool {
        guard position < bytes.count else { return false }
        fieldCount = 0
        line = nextLine
        let recordStart = position
        let count = bytes.count
        var cursor = position
        while true {
            if cursor - recordStart > maximumRecordLength { throw tooLong() }
            if cursor < count, bytes[cursor] == 0x22 {
                try readQuotedField(at: &cursor, recordStart: recordStart)
            } else {
                try readUnquotedField(at: &cursor, recordStart: recordStart)
            }
            if cursor >= count {
                position = cursor
                return true
            }
            let byte = bytes[cursor]
            if byte == 0x2C {
                cursor += 1
                if cursor >= count {
                    addField(cursor, cursor, quoted: false)
                    position = cursor
                    return true
                }
                continue
            }
            // End of the record: LF, CRLF, or a lone CR.
            if byte == 0x0D, cursor + 1 < count, bytes[cursor + 1] == 0x0A { cursor += 1 }
            cursor += 1
            nextLine += 1
            position = cursor
            return true
        }
    }

    /// Reads a quoted field from its opening quote, leaving the cursor after the closing one.
    @inline(__always) mutating func readQuotedField(at cursor: inout Int, recordStart: Int) throws(DomainError) {
        let count = bytes.count
        let openedOn = nextLine
        cursor += 1
        let fieldStart = cursor
        while true {
            guard cursor < count else {
                throw DomainError(
                    .invalidInput,
                    "\(source):\(openedOn): a quote opened in column \(fieldCount + 1) is never closed",
                    context: .init(file: source, line: openedOn, column: fieldCount + 1)
                )
            }
            let byte = bytes[cursor]
            if byte == 0x22 {
                if cursor + 1 < count, bytes[cursor + 1] == 0x22 {
                    cursor += 2
                    continue
                }
                break
            }
            if byte == 0x0A { nextLine += 1 }
            if byte == 0 { throw nulByte() }
            if cursor - recordStart > maximumRecordLength { throw tooLong() }
            cursor += 1
        }
        addField(fieldStart, cursor, quoted: true)
        cursor += 1
        if cursor < count, bytes[cursor] != 0x2C, bytes[cursor] != 0x0A, bytes[cursor] != 0x0D {
            throw DomainError(
                .invalidInput,
                "\(source):\(nextLine): text follows the closing quote in column \(fieldCount); "
                    + "expected a comma or the end of the line",
                context: .init(file: source, line: nextLine, column: fieldCount)
            )
        }
    }

    /// Reads an unquoted field, leaving the cursor on the comma or line end after it.
    @inline(__always) mutating func readUnquotedField(at cursor: inout Int, recordStart: Int) throws(DomainError) {
        let count = bytes.count
        let fieldStart = cursor
        while cursor < count {
            let byte = bytes[cursor]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
            if byte == 0x22 {
                throw DomainError(
                    .invalidInput,
                    "\(source):\(nextLine): a quote inside unquoted column \(fieldCount + 1); "
                        + "quote the whole field and double the quote (\"\")",
                    context: .init(file: source, line: nextLine, column: fieldCount + 1)
                )
            }
            if byte == 0 { throw nulByte() }
            cursor += 1
            if cursor - recordStart > maximumRecordLength { throw tooLong() }
        }
        addField(fieldStart, cursor, quoted: false)
    }

    func tooLong() -> DomainError {
        DomainError(
            .invalidInput,
            "\(source):\(line): the record is longer than \(maximumRecordLength) bytes; check the file is CSV",
            context: .init(file: source, line: line)
        )
    }

    func nulByte() -> DomainError {
        DomainError(.invalidInput, "\(source):\(nextLine): the file holds a NUL byte; expected text")
    }

    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> (offset: Int, line: Int)? {
        let invalid = bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var index = start
            while index < count {
                // Eight ASCII bytes at a time: nearly every file is ASCII throughout.
                if index + 8 <= count,
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                if byte & 0xE0 == 0xC0, byte >= 0xC2 {
                    length = 2
                } else if byte & 0xF0 == 0xE0 {
                    length = 3
                } else if byte & 0xF8 == 0xF0, byte <= 0xF4 {
                    length = 4
                } else {
                    return index
                }
                guard index + length <= count else { return index }
                for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
        guard let invalid else { return nil }
        // Lines are counted only for the message.
        let line = 1 + bytes[start..<invalid].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return (invalid, line)
    }
}
