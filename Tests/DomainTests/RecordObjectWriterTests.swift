import AssuranceTesting
import Domain
import Foundation
import Testing

/// A type that writes its own payload is trusted only as far as the writer can vouch for it: keys out
/// of order, a repeated key or a value that throws send the whole value through `Encodable`, whose
/// bytes and errors stand.
struct RecordObjectWriterTests {
    struct Note: Codable, Equatable, RecordPayloadEncodable {
        var author: String
        var body: String?
        var count: Int
        var flagged: Bool?
        var on: Day
        var score: Double
        var writesOutOfOrder = false
        var repeatsAKey = false

        enum CodingKeys: String, CodingKey { case author, body, count, flagged, on, score }

        func write(payload: inout RecordObjectWriter) throws {
            if writesOutOfOrder { try payload.string("body", body ?? "") }
            try payload.string("author", author)
            if repeatsAKey { try payload.string("author", author) }
            try payload.stringIfPresent("body", body)
            try payload.int("count", count)
            try payload.boolIfPresent("flagged", flagged)
            try payload.day("on", on)
            try payload.encode("score", score)
        }
    }

    struct Pair: Codable, Equatable, RecordPayloadEncodable {
        var a: Int
        var b: [String]

        func write(payload: inout RecordObjectWriter) throws {
            try payload.int("a", a)
            try payload.strings("b", b)
        }
    }

    func note(_ number: Int) -> Note {
        Note(
            author: "Lead — “quoted”\t\\",
            body: number % 2 == 0 ? "Line\nnext" : nil,
            count: number * 1_000_003 - 7,
            flagged: number % 3 == 0 ? nil : number % 3 == 1,
            on: Day.fixture("2025-03-31").adding(days: number * 97),
            score: number % 4 == 0 ? 2.5 : Double(number)
        )
    }

    @Test func everyKindOfMemberIsWrittenAsEncodableWritesIt() throws {
        for number in 0..<24 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(note(number))
        }
    }

    @Test func oneCharacterKeysAndListsOfTextsAreWrittenAsEncodableWritesThem() throws {
        try PayloadEncodingCheck.writesWhatEncodableWrites(Pair(a: -12, b: ["x", "“y”\n", ""]))
        try PayloadEncodingCheck.writesWhatEncodableWrites(Pair(a: 0, b: []))
    }

    @Test func keysOutOfOrderOrRepeatedAreLeftToEncodable() throws {
        var outOfOrder = note(2)
        outOfOrder.writesOutOfOrder = true
        var repeated = note(2)
        repeated.repeatsAKey = true
        for value in [outOfOrder, repeated] {
            #expect(RecordPayloadWriting.bytes(of: value) == nil)
            let stored = try RecordJSONEncoder().encode(value)
            #expect(stored == (try RecordJSONEncoder(alwaysThroughTree: true).encode(value)))
            #expect(try JSONDecoder().decode(Note.self, from: stored) == note(2))
        }
    }

    @Test func aValueThatThrowsGivesEncodablesError() throws {
        var broken = note(1)
        broken.score = .infinity
        #expect(RecordPayloadWriting.bytes(of: broken) == nil)
        let theirs = #expect(throws: EncodingError.self) {
            try RecordJSONEncoder(alwaysThroughTree: true).encode(broken)
        }
        let ours = #expect(throws: EncodingError.self) { try RecordJSONEncoder().encode(broken) }
        #expect(ours.map { "\($0)" } == theirs.map { "\($0)" })
    }

    /// Days are written digit by digit where the year has four; any other year as the day's own text.
    @Test func daysOfEveryWidthAreWrittenAsTheirText() throws {
        let last = Day.fixture("9999-12-31")
        for day in [
            Day.fixture("1970-01-01"), .fixture("2000-02-29"), last, last.adding(days: 1), last.adding(days: 400),
        ] {
            var value = note(3)
            value.on = day
            try PayloadEncodingCheck.writesWhatEncodableWrites(value)
            let text = String(decoding: try RecordJSONEncoder().encode(value), as: UTF8.self)
            #expect(text.contains(#""on":"\#(day.description)""#))
        }
    }
}
