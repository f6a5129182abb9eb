public import Foundation

/// One row of a CSV file as read: its cells and the line it starts on.
public struct CSVRow: Hashable, Sendable {
    /// The line the row starts on, from 1.
    public var line: Int
    /// The cells, left to right.
    public var cells: [String]
}

/// A place in a CSV file that is not CSV as RFC 4180 and spreadsheets write it.
public struct CSVSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// `line 4, column 12: …`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Reads and writes CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, CRLF or
/// LF line ends, quoted fields (with doubled quotes and line breaks inside), and trailing empty rows.
public enum CSVText: Sendable {
    /// The rows of a CSV file, trailing empty rows left out.
    ///
    /// - Throws: ``CSVSyntaxError`` for text that is not UTF-8, a quote inside an unquoted field, or a
    ///   quoted field that does not end.
    public static func rows(_ data: Data) throws(CSVSyntaxError) -> [CSVRow] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw CSVSyntaxError(line: 1, column: 1, message: "the file is not UTF-8 text; save it as CSV UTF-8")
        }
        var scanner = CSVScanner(bytes: bytes)
        try scanner.scan()
        var rows = scanner.rows
        while let last = rows.last, last.cells.allSatisfy(\.isEmpty) { rows.removeLast() }
        return rows
    }

    /// Text as a CSV field: quoted when it holds a comma, a quote or a line end, or starts or ends
    /// with a space.
    public static func field(_ text: String) -> String {
        let needs =
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needs ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Rows as CSV text, each line ended by a line feed.
    public static func text(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\n" }.joined()
    }
}

/// The state of one pass over a CSV file's bytes.
private struct CSVScanner {
    let bytes: [UInt8]
    var rows: [CSVRow] = []
    private var cells: [String] = []
    private var field: [UInt8] = []
    private var line = 1
    private var column = 1
    private var rowLine = 1
    private var index = 0
    private var quoted = false
    private var fieldStarted = false
    private var quoteOpened = (line: 1, column: 1)

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan() throws(CSVSyntaxError) {
        while index < bytes.count {
            if quoted {
                try scanQuoted()
            } else {
                try scanUnquoted()
            }
        }
        if quoted {
            throw CSVSyntaxError(
                line: quoteOpened.line,
                column: quoteOpened.column,
                message: "a quoted field that does not end; close the quote opened here"
            )
        }
        if fieldStarted || !field.isEmpty || !cells.isEmpty { endRow() }
    }

    private mutating func scanQuoted() throws(CSVSyntaxError) {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                field.append(byte)
                advance(by: 2)
                return
            }
            quoted = false
            advance(by: 1)
            let next = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
            if ![UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(next) {
                throw CSVSyntaxError(
                    line: line,
                    column: column,
                    message: "text after a closing quote; a quoted field ends at a comma or a line end"
                )
            }
            return
        }
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 0
        }
        field.append(byte)
        advance(by: 1)
    }

    private mutating func scanUnquoted() throws(CSVSyntaxError) {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: ","):
            endField()
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                index += 1
            }
            endRow()
            line += 1
            column = 0
            rowLine = line
        case UInt8(ascii: "\""):
            guard !fieldStarted, field.isEmpty else {
                throw CSVSyntaxError(
                    line: line,
                    column: column,
                    message: "a quote inside an unquoted field; quote the whole field and double the quote"
                )
            }
            quoted = true
            quoteOpened = (line, column)
            fieldStarted = true
        default:
            field.append(byte)
            fieldStarted = true
        }
        advance(by: 1)
    }

    private mutating func advance(by count: Int) {
        index += count
        column += count
    }

    private mutating func endField() {
        cells.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldStarted = false
    }

    private mutating func endRow() {
        endField()
        rows.append(CSVRow(line: rowLine, cells: cells))
        cells.removeAll(keepingCapacity: true)
    }
}
