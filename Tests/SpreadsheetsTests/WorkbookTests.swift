import Domain
import Foundation
import Spreadsheets
import Testing

/// Workbooks written here and by real spreadsheet programs, read back cell for cell.
@Suite struct WorkbookTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    static var sample: Workbook {
        var sheet = Worksheet(name: "Return & notes")
        sheet.setRow(1, [.text("Criterion"), .text("Rating"), .text("Score"), .text("Done")])
        sheet.setRow(2, [.text("1.1"), .text("Green <good> & \"well\""), .number(3.5), .bool(true)])
        sheet.setRow(3, [.text("1.2"), nil, .number(45_658), .bool(false)])
        sheet[4, 1] = .text("Line one\nline two, with ünïcödé ✓")
        sheet.boldRows = [1]
        sheet.frozenRows = 1
        sheet.columnWidths = [1: 12, 2: 40]
        sheet.dropDowns = [DropDown(column: 2, rows: 2...3, choices: ["Green", "Amber", "Red"])]
        var second = Worksheet(name: "About")
        second[1, 1] = .text("Form")
        return Workbook(sheets: [sheet, second])
    }

    @Test func aWorkbookWrittenHereReadsBackCellForCell() throws {
        let data = Self.sample.data()
        let read = try Workbook(data: data, file: "sample.xlsx")
        #expect(read.sheets.map(\.name) == ["Return & notes", "About"])
        #expect(read.sheets[0].cells == Self.sample.sheets[0].cells)
        #expect(read.sheets[1].cells == Self.sample.sheets[1].cells)
        // The same sheets give the same bytes.
        #expect(Self.sample.data() == data)
    }

    /// A workbook typed into LibreOffice Calc from nothing (`Fixtures/make_with_libreoffice.py`).
    @Test func aWorkbookMadeInLibreOfficeIsReadAsTyped() throws {
        let book = try Workbook(data: try Self.fixture("cells.xlsx"), file: "cells.xlsx")
        #expect(book.sheets.map(\.name) == ["Données ✓", "Second"])
        let sheet = book.sheets[0]
        #expect(sheet[1, 1] == .text("Criterion & notes <1>"))
        #expect(sheet[2, 1] == .number(3.5))
        // A formula's cell holds its last result.
        #expect(sheet[3, 1] == .number(7))
        #expect(sheet[4, 1].flatMap(book.day) == (try Day(parsing: "2025-03-31")))
        #expect(sheet[5, 1] == .text("0123"))
        #expect(sheet[6, 1] == .bool(true))
        #expect(sheet[7, 1] == .text("Line one\nline two"))
        #expect(sheet[8, 1] == nil)
        #expect(sheet[9, 1]?.text == "42")
        #expect(book.sheets[1][2, 2] == .text("moved"))
        #expect(book.usesDate1904 == false)
    }

    @Test func serialDaysAreReadInBothDateSystems() throws {
        var book = Workbook(sheets: [])
        // 45658 is 1 January 2025 in the 1900 system; 1 is 1 January 1900 and 61 is 1 March 1900.
        #expect(book.day(.number(45_658)) == (try Day(parsing: "2025-01-01")))
        #expect(book.day(.number(45_658.75)) == (try Day(parsing: "2025-01-01")))
        #expect(book.day(.number(1)) == (try Day(parsing: "1900-01-01")))
        #expect(book.day(.number(61)) == (try Day(parsing: "1900-03-01")))
        #expect(book.day(.text("2025-03-31")) == (try Day(parsing: "2025-03-31")))
        #expect(book.day(.text("31/03/2025")) == (try Day(parsing: "2025-03-31")))
        #expect(book.day(.text("31/02/2025")) == nil)
        #expect(book.day(.text("next week")) == nil)
        book.usesDate1904 = true
        #expect(book.day(.number(44_196)) == (try Day(parsing: "2025-01-01")))
    }

    @Test func cellAddressesReadAndWriteAsSpreadsheetsDo() {
        #expect(CellAddress("B12") == CellAddress(row: 12, column: 2))
        #expect(CellAddress("$AA$3") == CellAddress(row: 3, column: 27))
        #expect(CellAddress(row: 1, column: 703).description == "AAA1")
        #expect(CellAddress("12B") == nil)
        #expect(CellAddress("B0") == nil)
    }
}
