import Domain
import Foundation
import Testing

/// One key type for a series and one code type for every string-backed code.
struct TypedKeysTests {
    @Test func aSeriesKeyReadsAndWritesItsTextForm() throws {
        let key = SeriesKey("mash-contacts", .locality("north"))
        #expect(key.description == "mash-contacts|locality:north")
        #expect(try SeriesKey(parsing: key.description) == key)
        #expect(key.changeLogID.rawValue == "mash-contacts:locality:north")
        #expect(
            [SeriesKey("b", .partnership), SeriesKey("a", .agency("x")), SeriesKey("a", .partnership)].sorted() == [
                SeriesKey("a", .partnership), SeriesKey("a", .agency("x")), SeriesKey("b", .partnership),
            ]
        )
        #expect(throws: DomainError.self) { try SeriesKey(parsing: "no-bar") }
        do {
            _ = try SeriesKey(parsing: "contacts|county:x")
        } catch {
            #expect(error.code == .invalidInput)
        }
    }

    @Test func aCodeIsCodedAsItsTextAndKeysAnObjectOnlyWhereItsKindSaysSo() throws {
        #expect(String(decoding: try JSONEncoder().encode(Theme.neglect), as: UTF8.self) == #""neglect""#)
        #expect(try JSONDecoder().decode(RatingCode.self, from: Data(#""amber""#.utf8)) == "amber")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let sections: [FrameworkSection: String] = [.voices: "Voices"]
        #expect(String(decoding: try encoder.encode(sections), as: UTF8.self) == #"{"voices":"Voices"}"#)
        // A theme is not a key kind: its dictionaries keep the form they always had.
        let counts: [Theme: Int] = [.neglect: 2]
        #expect(String(decoding: try encoder.encode(counts), as: UTF8.self) == #"["neglect",2]"#)
        #expect(Theme.neglect.label == "Neglect")
        #expect(AgencySector.police < AgencySector.probation)
    }
}
