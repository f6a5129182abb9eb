import Domain
import Foundation
import Measures
import Testing

struct CSVReaderTests {
    func reader(_ text: String) throws -> CSVReader {
        try CSVReader(data: Data(text.utf8), source: "test.csv")
    }

    func rows(_ text: String) throws -> [[String]] {
        var reader = try reader(text)
        var rows: [[String]] = []
        while try reader.next() { rows.append((0..<reader.header.count).map { reader.field($0) }) }
        return rows
    }

    @Test func readsFieldsQuotedAndPlain() throws {
        let text = "a,b,c\n1,\"two, with comma\",\"say \"\"hi\"\"\"\n4,,\"multi\nline\"\n"
        #expect(try rows(text) == [["1", "two, with comma", "say \"hi\""], ["4", "", "multi\nline"]])
    }

    @Test func acceptsCRLFAndAByteOrderMarkAndNoFinalNewline() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("x,y\r\n1,2\r\n3,4".utf8))
        var reader = try CSVReader(data: data, source: "bom.csv")
        #expect(reader.header == ["x", "y"])
        var values: [Double] = []
        while try reader.next() { values += [try reader.number(0), try reader.number(1)] }
        #expect(values == [1, 2, 3, 4])
    }

    @Test func tracksPhysicalLinesAcrossQuotedNewlines() throws {
        var reader = try reader("a,b\n\"x\ny\",1\nz,oops\n")
        #expect(try reader.next())
        #expect(reader.line == 2)
        #expect(try reader.next())
        #expect(reader.line == 4)
        #expect(
            throws: DomainError(
                .invalidInput,
                "test.csv:4: column b: \"oops\" is not a number; expected a plain decimal such as 12 or 45.5 (no thousands separators, NaN or infinity)"
            )
        ) { try reader.number(1) }
    }

    @Test(arguments: [
        ("1,234", false), ("NaN", false), ("inf", false), ("-Infinity", false), ("", false), ("1e", false),
        ("12", true), ("-3.5", true), ("+2", true), ("1e3", true), ("0.1", true), (".5", true), ("5.", true),
        ("0x10", false),
        (" 7", false),
    ])
    func numbersAreStrictDecimals(_ text: String, _ accepted: Bool) throws {
        var reader = try reader("value\n\"\(text)\"\n")
        _ = try reader.next()
        var plain = try self.reader("value\n\(text.contains(",") ? "\"\(text)\"" : text)\n")
        _ = try plain.next()
        if accepted {
            #expect(try plain.number(0) == Double(text))
        } else {
            #expect(throws: DomainError.self) { try plain.number(0) }
        }
        // Quotes only delimit a field (RFC 4180: "each field may or may not be enclosed in double
        // quotes"), so a quoted number reads as the same number.
        if accepted {
            #expect(try reader.number(0) == Double(text))
        } else {
            #expect(throws: DomainError.self) { try reader.number(0) }
        }
    }

    @Test func latin1IsRefusedWithItsLine() {
        var data = Data("name,value\nok,1\n".utf8)
        data.append(contentsOf: [0x43, 0x61, 0x66, 0xE9, 0x2C, 0x32, 0x0A])  // "Café,2" in Latin-1
        #expect(
            throws: DomainError(
                .invalidInput,
                "latin1.csv:3: the file is not UTF-8 (byte 0xE9 at byte 20); save it as UTF-8 (Latin-1 and Windows-1252 are not accepted)"
            )
        ) { try CSVReader(data: data, source: "latin1.csv") }
    }

    @Test func aQuoteLeftOpenNamesTheLineWhereItOpened() throws {
        var reader = try reader("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(try reader.next())
        #expect(throws: DomainError(.invalidInput, "test.csv:3: a quote opened in column 2 is never closed")) {
            try reader.next()
        }
    }

    @Test func wrongFieldCountsAreRefused() throws {
        var missing = try reader("series,period,value\ns,2025-01\n")
        #expect(
            throws: DomainError(
                .invalidInput,
                "test.csv:2: the record has 2 fields; the header has 3 (series,period,value)"
            )
        ) { try missing.next() }
        var extra = try reader("a,b\n1,2,3\n")
        #expect(throws: DomainError(.invalidInput, "test.csv:2: the record has 3 fields; the header has 2 (a,b)")) {
            try extra.next()
        }
    }

    @Test func malformedStructureIsRefused() throws {
        var after = try reader("a,b\n\"x\"y,1\n")
        #expect(
            throws: DomainError(
                .invalidInput,
                "test.csv:2: text follows the closing quote in column 1; expected a comma or the end of the line"
            )
        ) { try after.next() }
        var inside = try reader("a,b\nx\"y,1\n")
        #expect(
            throws: DomainError(
                .invalidInput,
                "test.csv:2: a quote inside unquoted column 1; quote the whole field and double the quote (\"\")"
            )
        ) { try inside.next() }
        var nul = try reader("a,b\nx\u{0},1\n")
        #expect(throws: DomainError(.invalidInput, "test.csv:2: the file holds a NUL byte; expected text")) {
            try nul.next()
        }
        var blank = try reader("a,b\n1,2\n\n3,4\n")
        #expect(try blank.next())
        #expect(throws: DomainError(.invalidInput, "test.csv:3: the line is blank; expected 2 fields")) {
            try blank.next()
        }
    }

    @Test func trailingBlankLinesAreAllowed() throws {
        #expect(try rows("a\n1\n\n\n") == [["1"]])
    }

    @Test func headersAreChecked() {
        #expect(throws: DomainError(.invalidInput, "empty.csv: the file is empty; expected a header line")) {
            try CSVReader(data: Data(), source: "empty.csv")
        }
        #expect(throws: DomainError(.invalidInput, "test.csv:1: the header names the column \"a\" twice")) {
            try reader("a,b,a\n1,2,3\n")
        }
        #expect(throws: DomainError(.invalidInput, "test.csv:1: the header has no column \"value\"; found a,b")) {
            try reader("a,b\n").requireColumn("value")
        }
    }

    @Test func anOverlongRecordIsRefusedWithoutReadingItAll() throws {
        var text = "a,b\n"
        text += String(repeating: "x", count: 5000) + ",1\n"
        var reader = try CSVReader(data: Data(text.utf8), source: "long.csv", maximumRecordLength: 1000)
        #expect(
            throws: DomainError(
                .invalidInput,
                "long.csv:2: the record is longer than 1000 bytes; check the file is CSV"
            )
        ) { try reader.next() }
    }

    @Test func integersAndEqualityWithoutStrings() throws {
        var reader = try reader("n,flag\n42,1\n-7,0\nx,1\n")
        #expect(try reader.next())
        #expect(try reader.integer(0) == 42)
        #expect(reader.field(1, equals: "1"))
        #expect(try reader.next())
        #expect(try reader.integer(0) == -7)
        #expect(!reader.field(1, equals: "1"))
        #expect(try reader.next())
        #expect(throws: DomainError(.invalidInput, "test.csv:4: column n: \"x\" is not a whole number")) {
            try reader.integer(0)
        }
    }

    /// Numbers read through the fast path are the doubles the full parser gives, digit for digit.
    @Test func numbersAreTheDoublesTheFullParserGives() throws {
        var random = SystemRandomNumberGenerator()
        var texts = [
            "0", "-0", "0.1", "0.30000000000000004", "999999999999999", "-123456.789012345", "1e3", "2.5E-3", "+7",
        ]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &random)
            let point = Int.random(in: 0...digits, using: &random)
            var text = Int.random(in: 0...1, using: &random) == 0 ? "-" : ""
            for index in 0..<digits {
                if index == point, index > 0 { text += "." }
                text += String(Int.random(in: 0...9, using: &random))
            }
            texts.append(text)
        }
        let file = "n\n" + texts.joined(separator: "\n") + "\n"
        var reader = try CSVReader(data: Data(file.utf8), source: "numbers.csv")
        for text in texts {
            #expect(try reader.next())
            let read = try reader.number(0)
            let expected = Double(text)!
            #expect(read == expected && read.sign == expected.sign, "\(text)")
        }
    }
}
