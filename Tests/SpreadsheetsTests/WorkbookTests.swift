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

/// The package's inflater against zlib's own deflate, at every level, stored, fixed and dynamic
/// (`Fixtures/make_deflate_vectors.py`).
@Suite struct InflateTests {
    struct Vectors: Decodable {
        struct Vector: Decodable {
            var level: Int
            var fixed: Bool
            var crc: UInt32
            var text: String
            var deflated: String
        }
        var zlib: String
        var vectors: [Vector]
    }

    @Test func everyStreamZlibWroteInflatesToItsTextAndChecksum() throws {
        let vectors = try JSONDecoder().decode(Vectors.self, from: try WorkbookTests.fixture("deflate-vectors.json"))
        #expect(vectors.vectors.count == 25)
        for vector in vectors.vectors {
            let text = try #require(Data(base64Encoded: vector.text))
            let deflated = try #require(Data(base64Encoded: vector.deflated))
            // A zip entry deflated by zlib, as a spreadsheet program writes one.
            let zipped = WorkbookTests.zip(
                entry: "entry",
                deflated: [UInt8](deflated),
                size: text.count,
                crc: vector.crc
            )
            let read = try ZipArchive(data: zipped)
            #expect(read["entry"] == text, "level \(vector.level)\(vector.fixed ? " fixed" : "")")
        }
    }

    @Test func aDamagedStreamIsRefusedNotTrusted() throws {
        let vectors = try JSONDecoder().decode(Vectors.self, from: try WorkbookTests.fixture("deflate-vectors.json"))
        let vector = vectors.vectors[12]
        var deflated = [UInt8](try #require(Data(base64Encoded: vector.deflated)))
        deflated[deflated.count / 2] ^= 0x5A
        let size = try #require(Data(base64Encoded: vector.text)).count
        let zipped = WorkbookTests.zip(entry: "entry", deflated: deflated, size: size, crc: vector.crc)
        #expect(throws: ZipError.self) { try ZipArchive(data: zipped) }
    }
}

extension WorkbookTests {
    /// A one-entry zip archive holding a deflated entry.
    static func zip(entry name: String, deflated: [UInt8], size: Int, crc: UInt32) -> Data {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * UInt32($0)) & 0xFF) } }
        let nameBytes = [UInt8](name.utf8)
        let local =
            le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + le32(crc)
            + le32(UInt32(deflated.count)) + le32(UInt32(size)) + le16(nameBytes.count) + le16(0) + nameBytes + deflated
        let central =
            le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + le32(crc)
            + le32(UInt32(deflated.count)) + le32(UInt32(size)) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0)
            + le16(0) + le32(0) + le32(0) + nameBytes
        let end =
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count))
            + le32(UInt32(local.count)) + le16(0)
        return Data(local + central + end)
    }
}
