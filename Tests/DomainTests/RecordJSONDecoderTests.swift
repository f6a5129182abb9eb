import AssuranceTesting
import Domain
import Foundation
import Testing

/// The store's own JSON decoder gives what Foundation's decoder gives: the same values, and where a
/// payload does not decode, Foundation's own error.
struct RecordJSONDecoderTests {
    typealias Everything = RecordJSONEncoderTests.Everything

    @Test func itReadsWhatTheEncoderWritesAsFoundationDoes() throws {
        let data = try RecordJSONEncoder().encode(Everything())
        let ours = try RecordJSONDecoder().decode(Everything.self, from: data)
        #expect(ours == Everything())
        #expect(ours == (try JSONDecoder().decode(Everything.self, from: data)))
    }

    /// One decoder parses payload after payload into the memory it keeps: larger ones than it has room
    /// for, smaller ones after them, nesting as deep as a payload allows (a node a byte), and one
    /// that does not parse between them, each as a fresh decoder and Foundation read it.
    @Test func oneDecoderReadsPayloadAfterPayloadOfAnySize() throws {
        let decoder = RecordJSONDecoder()
        let texts = (0..<40).map { number in
            (0..<(number * number * 7)).map { "t\($0)\u{e9}" }
        }
        for (number, strings) in texts.enumerated() {
            let data = try JSONEncoder().encode(strings)
            #expect(try decoder.decodeWithoutFallback([String].self, from: data) == strings)
            let nested = Data(
                (String(repeating: "[", count: number * 11) + String(repeating: "]", count: number * 11)).utf8
            )
            if number > 0 {
                #expect(throws: (any Error).self) { try decoder.decodeWithoutFallback([String].self, from: nested) }
            }
            let broken = Data(String(decoding: data, as: UTF8.self).dropLast().utf8)
            #expect(throws: (any Error).self) { try decoder.decode([String].self, from: broken) }
            let small = try JSONEncoder().encode(["x\(number)"])
            #expect(try decoder.decodeWithoutFallback([String].self, from: small) == ["x\(number)"])
        }
        let deepest = Data((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8)
        #expect(
            try decoder.decode(JSONValue.self, from: deepest)
                == (try JSONDecoder().decode(JSONValue.self, from: deepest))
        )
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        let json = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d\ud83e\uddd2", "plain é 中 🧒", ""]"#
        let ours = try RecordJSONDecoder().decode([String].self, from: Data(json.utf8))
        #expect(ours == (try JSONDecoder().decode([String].self, from: Data(json.utf8))))
        #expect(ours[1] == "é中🧒")
    }

    @Test func numbersAreReadExactly() throws {
        let doubles =
            "[0.1, 0.30000000000000004, 1e-300, 2.2250738585072014e-308, 1.7976931348623157e308, -0, 5e-324, 123456789012345678]"
        #expect(
            try RecordJSONDecoder().decode([Double].self, from: Data(doubles.utf8))
                == (try JSONDecoder().decode([Double].self, from: Data(doubles.utf8)))
        )
        let integers = "[9223372036854775807, -9223372036854775808, 0, -1]"
        #expect(
            try RecordJSONDecoder().decode([Int].self, from: Data(integers.utf8))
                == [Int.max, Int.min, 0, -1]
        )
        let floats = "[0.1, 3.4028235e38, 1e-45]"
        #expect(
            try RecordJSONDecoder().decode([Float].self, from: Data(floats.utf8))
                == (try JSONDecoder().decode([Float].self, from: Data(floats.utf8)))
        )
    }

    @Test func whatItDoesNotTakeItselfFoundationDecides() throws {
        // An integer written with a fraction, and JSON with white space and a repeated structure.
        struct Count: Codable, Equatable { var count: Int }
        for json in [#"{"count": 2.0}"#, #" { "count" : 3 } "#] {
            let foundation = try JSONDecoder().decode(Count.self, from: Data(json.utf8))
            #expect(try RecordJSONDecoder().decode(Count.self, from: Data(json.utf8)) == foundation)
        }
    }

    @Test func aPayloadThatDoesNotDecodeFailsWithFoundationsError() throws {
        struct Count: Codable { var count: Int }
        for json in [#"{"count": "two"}"#, #"{"total": 2}"#, #"{"count": 2"#, #"{"count": 99999999999999999999}"#, ""] {
            let data = Data(json.utf8)
            var theirs = ""
            do { _ = try JSONDecoder().decode(Count.self, from: data) } catch { theirs = "\(error)" }
            #expect(!theirs.isEmpty)
            #expect {
                try RecordJSONDecoder().decode(Count.self, from: data)
            } throws: { error in
                "\(error)" == theirs
            }
        }
    }

    @Test func everyRecordOfAPartnershipDecodesAsFoundationDecodesIt() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-01-01"))
            .save(into: Records(store: store, clock: .fixed(.fixture("2025-06-02"))))
        let snapshot = try await store.snapshot()
        #expect(snapshot.records.count > 20)
        for record in snapshot.records {
            let ours = try RecordJSONDecoder().decode(JSONValue.self, from: record.payload)
            #expect(ours == (try JSONDecoder().decode(JSONValue.self, from: record.payload)), "\(record.reference)")
        }
    }

    /// A type that asks whether a missing key is null gets Foundation's answer: an error.
    @Test func nilForAMissingKeyIsFoundationsAnswer() throws {
        struct Probe: Decodable {
            enum Keys: String, CodingKey { case present, missing }
            var missingIsNil: Bool
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                missingIsNil = try container.decodeNil(forKey: .missing)
            }
        }
        let data = Data(#"{"present":1}"#.utf8)
        var foundation: String?
        do { _ = try JSONDecoder().decode(Probe.self, from: data) } catch { foundation = "\(error)" }
        var ours: String?
        do { _ = try RecordJSONDecoder().decode(Probe.self, from: data) } catch { ours = "\(error)" }
        #expect(ours == foundation)
    }
}
