import Domain
import Foundation
import Testing

/// Hand-edited files are read as RFC 8259 JSON, and a mistake is placed by line and column.
struct StrictJSONTests {
    func error(_ text: String) -> String? {
        do {
            _ = try JSONValue(strict: Data(text.utf8))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func standardJSONReadsAsFoundationReadsIt() throws {
        let text = #"""
            {"a": [1, -2.5, 3e2, 0, true, false, null], "b": {"c": "d\n\u00e9\ud83d\ude00 \"q\" \/"}, "e": []}
            """#
        let strict = try JSONValue(strict: Data(text.utf8))
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(strict == foundation)
        #expect(try JSONValue(strict: Data("\u{FEFF}\"x\"".utf8)) == .string("x"))
    }

    @Test(arguments: [
        ("{\n  \"groups\": [1, 2,]\n}", "line 2, column 19: a comma after the last item of an array; remove it"),
        ("{\"a\": 1,}", "line 1, column 9: a comma after the last member of an object; remove it"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: the key \"a\" is given twice in one object; give it once"),
        ("{'a': 1}", "line 1, column 2: \"'\"; expected a key in double quotes"),
        ("[01]", "line 1, column 2: a number with a leading zero; write it without one"),
        ("[1.]", "line 1, column 4: a decimal point with no digit after it; write such as 0.5"),
        (
            "[True]",
            "line 1, column 2: \"T\"; expected a value: an object, array, text in double quotes, number, true, false or null"
        ),
        ("[tru]", "line 1, column 2: \"t\"; expected true (JSON's words are lower case: true, false, null)"),
        ("{\"a\": 1} x", "line 1, column 10: \"x\" after the end of the document; expected nothing more"),
        ("{\"a\" 1}", "line 1, column 6: \"1\"; expected \":\" after the key \"a\""),
        ("{\"a\": 1 \"b\": 2}", "line 1, column 9: \"\"\"; expected \",\" between members or \"}\" to end the object"),
        ("[\"é\nx\"]", "line 1, column 4: a line break inside text; end the text with \" or write the break as \\n"),
        (
            "[\"a\\q\"]",
            "line 1, column 5: \\q is not an escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
        ),
        ("// note\n{}", "line 1, column 1: a comment; JSON has no comments, remove it"),
        ("{\"a\": [1, 2}", "line 1, column 12: \"}\"; expected \",\" between items or \"]\" to end the array"),
        ("{\"a\": \"open", "line 1, column 7: the text that starts here has no closing \""),
        ("", "line 1, column 1: the file is empty; expected a JSON value"),
        ("{\"a\":", "line 1, column 6: the file ends where a value was expected"),
    ])
    func aMistakeIsPlacedAndExplained(text: String, expected: String) {
        #expect(error(text) == expected)
    }

    @Test func aProfileWithATrailingCommaIsRefusedWithItsPlace() {
        let text = "{\n  \"format\": \"qaf-profile\",\n  \"version\": 2,\n}\n"
        #expect(
            throws: DomainError(
                .invalidInput,
                "ours.json: not JSON: line 4, column 1: a comma after the last member of an object; remove it"
            )
        ) {
            try PartnershipProfile(json: Data(text.utf8), source: "ours.json")
        }
        do {
            _ = try PartnershipProfile(json: Data(text.utf8), source: "ours.json")
        } catch let error as DomainError {
            #expect(error.context.line == 4 && error.context.column == 1 && error.context.file == "ours.json")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
