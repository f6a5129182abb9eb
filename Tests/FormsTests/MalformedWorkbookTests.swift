import Domain
import Foundation
import Section11
import Spreadsheets
import Testing

/// A return form a user got wrong, and what its refusal must name.
struct MalformedWorkbook: CustomTestStringConvertible, Sendable {
    let name: String
    /// Text the message must hold: the sheet and cell, or what the file is.
    let says: [String]
    let edit: @Sendable (Data) throws -> Data

    var testDescription: String { name }

    init(_ name: String, says: [String], edit: @escaping @Sendable (Data) throws -> Data) {
        self.name = name
        self.says = says
        self.edit = edit
    }

    /// A change to the form's cells, made through a spreadsheet.
    static func cells(
        _ name: String,
        says: [String],
        _ change: @escaping @Sendable (inout Workbook) -> Void
    )
        -> MalformedWorkbook
    {
        MalformedWorkbook(name, says: says) { data in
            var workbook = try Workbook(data: data, file: "police.xlsx")
            change(&workbook)
            return workbook.data()
        }
    }
}

extension Workbook {
    /// Sets a cell of a sheet.
    mutating func set(_ sheet: String, _ address: String, _ value: CellValue?) {
        guard let index = sheets.firstIndex(where: { $0.name == sheet }), let cell = CellAddress(address) else {
            return
        }
        sheets[index].cells[cell] = value
    }

    /// Sets the value beside a label on the About sheet.
    mutating func setDetail(_ label: String, _ value: CellValue?) {
        guard let index = sheets.firstIndex(where: { $0.name == "About this form" }) else { return }
        for row in 1...sheets[index].lastRow where sheets[index][row, 1]?.text == label {
            sheets[index][row, 2] = value
        }
    }
}

/// Return forms a user got wrong are refused, each placed by file, sheet and cell, and nothing is
/// written.
@Suite struct MalformedWorkbookTests {
    static let sheet = "sheet \"Your return\""

    static let cases: [MalformedWorkbook] = [
        MalformedWorkbook("a text file named .xlsx", says: ["police.xlsx: the file is not a workbook (.xlsx)"]) { _ in
            Data("criterion,rating\n1.1,green\n".utf8)
        },
        MalformedWorkbook("an Excel 97-2003 workbook", says: ["Excel 97-2003 workbook (.xls)", "save it as"]) { _ in
            Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        },
        MalformedWorkbook("an OpenDocument spreadsheet", says: ["OpenDocument spreadsheet (.ods)"]) { _ in
            var archive = ZipArchive()
            archive.add("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8))
            archive.add("content.xml", Data("<office:document-content/>".utf8))
            return archive.data()
        },
        MalformedWorkbook("a file cut short in sending", says: ["police.xlsx:", "zip"]) { data in
            data.prefix(data.count / 2)
        },
        MalformedWorkbook("a part that fails its checksum", says: ["police.xlsx:", "damaged"]) { data in
            var bytes = [UInt8](data)
            // The first entry's content starts after its 30-byte header and its name.
            let start = 30 + Int(bytes[26]) + Int(bytes[27]) << 8
            bytes[start + 4] ^= 0xFF
            return Data(bytes)
        },
        MalformedWorkbook("a part that is not XML", says: ["xl/workbook.xml", "is not XML"]) { data in
            var archive = try ZipArchive(data: data)
            archive.add("xl/workbook.xml", Data("<workbook><sheets>".utf8))
            return archive.data()
        },
        .cells("the About sheet deleted", says: ["no sheet holds the details of a qaf-section11-return form"]) {
            $0.sheets.removeAll { $0.name == "About this form" }
        },
        .cells("a form of a later version", says: ["sheet \"About this form\", cell B24", "version 2"]) {
            $0.setDetail("Form version", .number(2))
        },
        .cells("the cycle's id changed", says: ["Cycle id", "must be left as they are"]) {
            $0.setDetail("Cycle id", .text("the 2026 one!"))
        },
        .cells(
            "a rating not on the scale",
            says: ["\(sheet), cell D2 (Rating)", "\"Purple\"", "expected one of Green"]
        ) {
            $0.set("Your return", "D2", .text("Purple"))
        },
        .cells(
            "a criterion not on the form",
            says: ["\(sheet), cell B3 (Criterion)", "\"9.9\"", "expected one of 1.1"]
        ) {
            $0.set("Your return", "B3", .text("9.9"))
        },
        .cells("a criterion answered twice", says: ["\(sheet), cell B3 (Criterion)", "answered twice, first on row 2"])
        {
            $0.set("Your return", "B3", .text("1.1"))
        },
        .cells("an action with no owner", says: ["\(sheet), cell I2 (Action owner)", "no owner"]) {
            $0.set("Your return", "H2", .text("Publish the lead's name"))
            $0.set("Your return", "J2", .text("2026-09-30"))
        },
        .cells("an action due next week", says: ["\(sheet), cell J2 (Action due)", "\"next week\" is not a day"]) {
            $0.set("Your return", "H2", .text("Publish the lead's name"))
            $0.set("Your return", "I2", .text("Head of safeguarding"))
            $0.set("Your return", "J2", .text("next week"))
        },
        .cells("an owner but no action", says: ["\(sheet), cell H2 (Action to improve)", "no action"]) {
            $0.set("Your return", "I2", .text("Head of safeguarding"))
        },
        .cells("answers with no criterion", says: ["\(sheet), cell B2 (Criterion)", "no criterion code"]) {
            $0.set("Your return", "B2", nil)
        },
        .cells("the Rating heading renamed", says: ["\(sheet), cell A1", "no column headed \"Rating\""]) {
            $0.set("Your return", "D1", .text("Score"))
        },
        .cells("ready to submit, perhaps", says: ["cell B8 (Ready to submit)", "\"Perhaps\" is neither Yes nor No"]) {
            $0.setDetail("Ready to submit", .text("Perhaps"))
        },
        .cells("submitted with a criterion unrated", says: ["\(sheet), cell D4 (Rating)", "is not rated"]) {
            $0.setDetail("Ready to submit", .text("Yes"))
            for row in 2...$0.sheets[0].lastRow { $0.sheets[0][row, 4] = .text("Green") }
            $0.set("Your return", "D4", nil)
        },
    ]

    @Test(arguments: cases)
    func isRefusedWithItsSheetAndCellAndNothingIsWritten(_ malformed: MalformedWorkbook) async throws {
        let scenario = try await FormScenario.make()
        let template = try await scenario.forms.template(
            cycle: scenario.cycle.id,
            agency: "police",
            as: FormScenario.lead
        )
        let data = try malformed.edit(template.data())
        let before = try await scenario.store.snapshot()
        let error = try await #require(throws: DomainError.self) {
            try await scenario.forms.importReturn(data, file: "police.xlsx", by: FormScenario.lead)
        }
        #expect(error.code == .invalidInput)
        #expect(error.context.file == "police.xlsx")
        for text in malformed.says {
            #expect(error.message.contains(text), "\(error.message)")
        }
        #expect(try await scenario.store.snapshot() == before)
    }
}
