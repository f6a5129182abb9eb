import Foundation

/// A cell's place on a sheet: its row and column, from 1; written `B12`.
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The row, from 1.
    public var row: Int
    /// The column, from 1 (`A` is 1).
    public var column: Int

    /// Creates an address.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads an address written as a spreadsheet does, such as `B12` or `$B$12`.
    public init?(_ text: some StringProtocol) {
        var letters = 0
        var digits = ""
        var column = 0
        for character in text.uppercased() where character != "$" {
            if let ascii = character.asciiValue, ascii >= 65, ascii <= 90, digits.isEmpty {
                column = column * 26 + Int(ascii - 64)
                letters += 1
            } else if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard letters > 0, letters <= 3, let row = Int(digits), row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: `A` for 1, `AA` for 27.
    public static func letters(of column: Int) -> String {
        var column = column
        var letters = ""
        while column > 0 {
            let remainder = (column - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            column = (column - 1) / 26
        }
        return letters
    }

    /// `B12`.
    public var description: String { Self.letters(of: column) + String(row) }

    /// Whether a cell comes before another, row by row.
    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// What a cell holds, as a spreadsheet stores it (a formula's cell holds its last result).
public enum CellValue: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A number; a spreadsheet stores a date as its serial number of days.
    case number(Double)
    /// True or false.
    case bool(Bool)
    /// An error such as `#N/A`.
    case error(String)

    /// The value as text: a whole number without a decimal point.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .error(let error): error
        }
    }
}

/// A list a column's cells are chosen from: a drop-down in the spreadsheet program.
public struct DropDown: Hashable, Sendable {
    /// The column.
    public var column: Int
    /// The first and last rows it covers.
    public var rows: ClosedRange<Int>
    /// The choices.
    public var choices: [String]

    /// Creates a drop-down.
    public init(column: Int, rows: ClosedRange<Int>, choices: [String]) {
        self.column = column
        self.rows = rows
        self.choices = choices
    }
}

/// One sheet of a workbook: its name and the cells that hold something.
public struct Worksheet: Sendable {
    /// The name on the sheet's tab.
    public var name: String
    /// The cells that hold a value.
    public var cells: [CellAddress: CellValue] = [:]
    /// Column widths in characters, by column (written only).
    public var columnWidths: [Int: Double] = [:]
    /// Rows shown in bold, such as a header (written only).
    public var boldRows: Set<Int> = []
    /// Rows kept in view when scrolling, from the top (written only).
    public var frozenRows = 0
    /// Drop-down lists (written only).
    public var dropDowns: [DropDown] = []

    /// Creates a sheet.
    public init(name: String) { self.name = name }

    /// A cell's value.
    public subscript(row: Int, column: Int) -> CellValue? {
        get { cells[CellAddress(row: row, column: column)] }
        set { cells[CellAddress(row: row, column: column)] = newValue }
    }

    /// The last row that holds a value.
    public var lastRow: Int { cells.keys.map(\.row).max() ?? 0 }

    /// A row's values from the first column to the last that holds one; empty cells are `nil`.
    public func row(_ row: Int) -> [CellValue?] {
        let last = cells.keys.filter { $0.row == row }.map(\.column).max() ?? 0
        return (0..<last).map { self[row, $0 + 1] }
    }

    /// Sets a row's cells from the first column.
    public mutating func setRow(_ row: Int, _ values: [CellValue?]) {
        for (index, value) in values.enumerated() { self[row, index + 1] = value }
    }
}

/// A problem with a workbook, placed by file, sheet and cell where it has one.
public struct SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The sheet's name.
    public var sheet: String?
    /// The cell.
    public var cell: CellAddress?
    /// The column's heading or the field's name.
    public var field: String?
    /// The value found.
    public var value: String?
    /// What is wrong and what was expected.
    public var message: String
    /// The kind of error it is as the package's error: bad input, or a stale write.
    public var code: DomainError.Code

    /// Creates an error.
    public init(
        file: String,
        sheet: String? = nil,
        cell: CellAddress? = nil,
        field: String? = nil,
        value: String? = nil,
        message: String,
        code: DomainError.Code = .invalidInput
    ) {
        self.code = code
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.field = field
        self.value = value
        self.message = message
    }

    /// `return.xlsx: sheet Return, cell D4 (Rating): …`.
    public var description: String {
        var place = file
        if let sheet { place += ": sheet \(DomainError.quote(sheet))" }
        if let cell { place += ", cell \(cell)" }
        if let field { place += " (\(field))" }
        return "\(place): \(message)"
    }

    /// The error as the package's error, with its place in the context.
    public var domainError: DomainError {
        DomainError(
            code,
            description,
            context: .init(
                field: field,
                file: file,
                line: cell?.row,
                column: cell?.column,
                value: value
            )
        )
    }
}

/// An Office Open XML workbook (`.xlsx`): its sheets in order.
///
/// Read as Excel, LibreOffice Calc and openpyxl write it: shared and inline strings, numbers,
/// true-or-false, formulas' last results, sheets in any order under any name. Written as a plain
/// workbook: inline strings, a bold style, column widths, frozen header rows and drop-down lists.
public struct Workbook: Sendable {
    /// The sheets, in the workbook's order.
    public var sheets: [Worksheet]
    /// Whether serial dates count from 1904 (older Mac workbooks) rather than 1900.
    public var usesDate1904 = false

    /// Creates a workbook of sheets.
    public init(sheets: [Worksheet]) { self.sheets = sheets }

    /// The sheet with a name, ignoring case.
    public func sheet(named name: String) -> Worksheet? {
        sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The day a date cell holds: a serial number of days, or text `YYYY-MM-DD` or `DD/MM/YYYY`
    /// (the United Kingdom's order).
    public func day(_ value: CellValue) -> Day? {
        switch value {
        case .number(let serial):
            guard serial >= 1, serial < 2_958_466 else { return nil }
            // Serial 60 is 29 February 1900, a day that never was; Excel counts it, so 1900-based
            // serials from 61 on are a day ahead of a count from 1899-12-31.
            let whole = Int(serial.rounded(.down))
            // Days from 1970-01-01 to each system's day 0: 1904-01-01 and 1899-12-30.
            let days = usesDate1904 ? whole - 24_107 : (whole < 61 ? whole + 1 : whole) - 25_569
            return try? Day(daysSinceEpoch: days)
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let day = try? Day(parsing: trimmed) { return day }
            let parts = trimmed.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 3, parts[2] >= 1900 else { return nil }
            return try? Day(year: parts[2], month: parts[1], day: parts[0])
        default:
            return nil
        }
    }
}
