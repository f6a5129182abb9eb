import Domain
import Foundation
import Tables
import Testing

/// A table a user got wrong, the place its refusal must name, and what it must say.
struct MalformedTable: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let line: Int?
    let column: Int?
    let field: String?
    let says: String
    let edit: @Sendable ([TableFile]) throws -> [TableFile]

    var testDescription: String { name }

    init(
        _ name: String,
        _ file: String,
        line: Int?,
        column: Int? = nil,
        field: String? = nil,
        says: String,
        edit: @escaping @Sendable ([TableFile]) throws -> [TableFile]
    ) {
        self.name = name
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.says = says
        self.edit = edit
    }

    /// A cell set to a value.
    static func cell(
        _ name: String,
        _ file: String,
        _ field: String,
        _ value: String,
        column: Int,
        says: String
    ) -> MalformedTable {
        MalformedTable(name, file, line: 2, column: column, field: field, says: says) {
            try $0.setting(file, column: field, to: value)
        }
    }

    /// A file's whole text.
    static func text(
        _ name: String,
        _ file: String,
        _ text: String,
        line: Int?,
        column: Int? = nil,
        field: String? = nil,
        says: String
    ) -> MalformedTable {
        MalformedTable(name, file, line: line, column: column, field: field, says: says) {
            $0.replacing(file, text: text)
        }
    }
}

/// Tables a user got wrong are refused before anything is written, each problem placed by file,
/// line, column and field with the value found and what was expected.
@Suite struct MalformedTableTests {
    static let agencies = "domain.agency.csv"
    static let meetings = "domain.meeting.csv"
    static let observations = "observations.csv"
    static let returns = "audit.case-return.csv"
    static let actions = "learning.action.csv"
    static let memberships = "domain.membership.csv"

    static let cases: [MalformedTable] = [
        .cell("a day that is not a day", meetings, "day", "2024-13-01", column: 3, says: "2024-13-01"),
        .cell("a day in the American order", meetings, "day", "04/13/2023", column: 3, says: "04/13/2023"),
        .cell(
            "a meeting of a group that does not exist",
            meetings,
            "group",
            "no-such-group",
            column: 2,
            says: "does not exist; expected one of"
        ),
        .cell("an empty day", meetings, "day", "", column: 3, says: "is missing or empty; it is required"),
        .cell("a yes-or-no that is neither", agencies, "isStatutoryPartner", "maybe", column: 4, says: "maybe"),
        .cell(
            "an agency in a locality that does not exist",
            agencies,
            "locality",
            "loc-99",
            column: 5,
            says: "does not exist; expected one of loc-01"
        ),
        .cell("an empty name", agencies, "name", " ", column: 2, says: "is missing or empty; it is required"),
        .cell("an id with a space", agencies, "id", "agency 0001", column: 1, says: "agency 0001"),
        .cell(
            "a membership of a group that does not exist",
            memberships,
            "group",
            "nope",
            column: 2,
            says: "does not exist"
        ),
        .cell("a membership begun on no day", memberships, "since", "soon", column: 6, says: "soon"),
        .cell("case-return grades that are not JSON", returns, "grades", "{", column: 8, says: "{"),
        .cell("a case-return status no one uses", returns, "status", "done", column: 6, says: "done"),
        .cell(
            "a case return from an agency that does not exist",
            returns,
            "agency",
            "agency-9999",
            column: 4,
            says: "does not exist"
        ),
        .cell("a case return submitted yesterday", returns, "submittedOn", "yesterday", column: 7, says: "yesterday"),
        .cell("an action due on no day", actions, "dueOn", "2024-02-30", column: 8, says: "2024-02-30"),
        .cell("an action's status no one uses", actions, "status", "sort-of-done", column: 9, says: "sort-of-done"),
        .cell(
            "an action answering a recommendation that does not exist",
            actions,
            "recommendation",
            "rec-x",
            column: 2,
            says: "does not exist"
        ),
        .cell("updates that are not a list", actions, "updates", "{\"a\":1}", column: 10, says: "updates"),
        .cell(
            "a stored version that is not a number",
            agencies,
            "stored version",
            "one",
            column: 6,
            says: "is not a version"
        ),
        .cell("a stored version below nought", agencies, "stored version", "-1", column: 6, says: "is not a version"),
        MalformedTable(
            "a column no record has",
            agencies,
            line: 1,
            column: 7,
            field: "colour",
            says: "no field of a domain.agency is named"
        ) {
            try $0.editing(agencies) { rows in
                rows[0].append("colour")
                for index in rows.indices.dropFirst() { rows[index].append("blue") }
            }
        },
        MalformedTable("a column named twice", agencies, line: 1, column: 6, field: "name", says: "named twice") {
            try $0.editing(agencies) { rows in rows[0][5] = "name" }
        },
        MalformedTable(
            "a required column left out",
            agencies,
            line: 2,
            column: nil,
            field: "name",
            says: "is missing or empty"
        ) {
            try $0.editing(agencies) { rows in
                for index in rows.indices { rows[index].remove(at: 1) }
            }
        },
        MalformedTable("a row given twice", agencies, line: 3, field: "id", says: "is given twice, first on line 2") {
            try $0.editing(agencies) { rows in rows[2] = rows[1] }
        },
        MalformedTable("a row longer than its header", agencies, line: 2, column: 7, says: "7 cells") {
            try $0.editing(agencies) { rows in rows[1].append("stray") }
        },
        .text(
            "a quote inside an unquoted field",
            agencies,
            "id,name\nagency-1,The \"North\" team\n",
            line: 2,
            column: 14,
            says: "a quote inside an unquoted field"
        ),
        .text(
            "a quoted field that never ends",
            agencies,
            "id,name\nagency-1,\"The North team\n",
            line: 2,
            column: 10,
            says: "does not end"
        ),
        .text(
            "text after a closing quote",
            agencies,
            "id,name\nagency-1,\"The North\" team\n",
            line: 2,
            column: 21,
            says: "text after a closing quote"
        ),
        MalformedTable("a file saved as Latin-1", agencies, line: 1, column: 1, says: "not UTF-8") {
            $0.replacing(agencies, with: Data("id,name\nagency-1,Caf\u{E9}\n".utf8.map { $0 }.latin1))
        },
        .text("an empty file", agencies, "", line: 1, says: "is empty"),
        MalformedTable(
            "a file for no kind of record",
            "domain.agencies.csv",
            line: nil,
            says: "is no table of the composed modules"
        ) {
            $0 + [TableFile(name: "domain.agencies.csv", text: "id,name\n")]
        },
        .text(
            "observations with another header",
            observations,
            "measure,area,period\n",
            line: 1,
            says: "expected measure,scope,period"
        ),
        .cell(
            "an observation of no measure",
            observations,
            "measure",
            "Bad Measure!",
            column: 1,
            says: "is not a measure id"
        ),
        .cell("an observation of a county", observations, "scope", "county", column: 2, says: "is not a scope"),
        .cell("an observation in no period", observations, "period", "2024Q1", column: 3, says: "is not a period"),
        .cell("a value with a decimal comma", observations, "value", "12,5", column: 4, says: "is not a number"),
        .cell("a value that is not a number", observations, "numerator", "NaN", column: 5, says: "is not a number"),
        .cell("a denominator in words", observations, "denominator", "ten", column: 6, says: "is not a number"),
        .cell("a status no one publishes", observations, "status", "maybe", column: 7, says: "is not a status"),
        .cell(
            "a meeting invitation that is not a list of ids",
            meetings,
            "invited",
            "council; the police",
            column: 4,
            says: "the police"
        ),
    ]

    @Test(arguments: cases)
    func isRefusedWithItsPlaceAndNothingIsWritten(_ malformed: MalformedTable) async throws {
        let scenario = try await TablesScenario.make()
        let files = try malformed.edit(try await scenario.export())
        let before = try await scenario.store.snapshot()
        let error = try await #require(throws: DomainError.self) { try await scenario.importFiles(files) }
        #expect(error.code == .invalidInput)
        #expect(error.context.file == malformed.file)
        #expect(error.context.line == malformed.line)
        #expect(error.context.column == malformed.column)
        #expect(error.context.field == malformed.field)
        #expect(error.message.contains(malformed.says))
        #expect(error.message.contains("nothing was written"))
        #expect(try await scenario.store.snapshot() == before)
    }
}

extension [UInt8] {
    /// The bytes with every two-byte UTF-8 sequence of Latin-1 replaced by its one Latin-1 byte.
    fileprivate var latin1: [UInt8] {
        String(decoding: self, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }
}
