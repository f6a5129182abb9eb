import AssuranceTesting
import Domain
import Foundation
import Testing

/// The store's own JSON encoder writes what Foundation's decoder reads back, the same bytes every time.
struct RecordJSONEncoderTests {
    enum Colour: String, Codable, CodingKeyRepresentable { case red, green }

    struct Inner: Codable, Hashable {
        var name: String
        var weights: [Double]
    }

    struct Everything: Codable, Hashable {
        var text = "quote \" backslash \\ slash / newline \n tab \t bell \u{7} é 中 🧒"
        var integer = -42
        var big: Int64 = 9_007_199_254_740_993
        var unsigned: UInt8 = 255
        var whole = 3.0
        var fraction = 0.1
        var tiny = 1e-7
        var huge = 1.5e300
        var negativeZero = -0.0
        var flag = true
        var missing: String? = nil
        var present: Int? = 7
        var list = [Inner(name: "a", weights: [1, 2.5]), Inner(name: "b", weights: [])]
        var byName = ["zeta": 1, "alpha": 2, "Mid": 3]
        var byNumber = [10: "ten", 2: "two"]
        var byColour: [Colour: Int] = [.red: 1, .green: 2]
        var nested: [[String]] = [["x"], []]
        var date = Date(timeIntervalSinceReferenceDate: 799_200_000.125)
        var data = Data([0, 1, 2, 254, 255])
        var url = URL(string: "https://example.org/a?b=c")!
        var day = Day.fixture("2026-04-30")
        var period = try! ReportingPeriod(parsing: "FY2025-26-Q4")
    }

    @Test func foundationDecodesWhatItWritesToTheSameValue() throws {
        let value = Everything()
        let data = try RecordJSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(Everything.self, from: data) == value)
    }

    @Test func itWritesTheSameJSONAsFoundationSortedAndCompact() throws {
        let value = Everything()
        let ours = try JSONSerialization.jsonObject(with: try RecordJSONEncoder().encode(value)) as? NSDictionary
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let theirs = try JSONSerialization.jsonObject(with: try encoder.encode(value)) as? NSDictionary
        #expect(ours == theirs)
        let text = String(decoding: try RecordJSONEncoder().encode(Inner(name: "n", weights: [2, 0.5])), as: UTF8.self)
        #expect(text == #"{"name":"n","weights":[2,0.5]}"#)
        #expect(
            String(decoding: try RecordJSONEncoder().encode(["b": 1, "a": 2, "c": 3]), as: UTF8.self)
                == #"{"a":2,"b":1,"c":3}"#
        )
    }

    @Test func theSameValueIsTheSameBytes() throws {
        let first = try RecordJSONEncoder().encode(Everything())
        for _ in 0..<20 { #expect(try RecordJSONEncoder().encode(Everything()) == first) }
    }

    @Test func aNumberJSONCannotHoldIsRefusedWithItsPath() {
        struct Holder: Encodable { var values: [Double] }
        #expect {
            try RecordJSONEncoder().encode(Holder(values: [1, .nan]))
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["values", "1"]
        }
        #expect(throws: EncodingError.self) { try RecordJSONEncoder().encode([Double.infinity]) }
    }

    @Test func superEncodersAndRepeatedKeysBehaveAsFoundationsDo() throws {
        struct Base: Codable, Equatable { var id = "b" }
        struct Derived: Encodable {
            enum Keys: String, CodingKey { case name, `super` }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode("first", forKey: .name)
                try container.encode("second", forKey: .name)
                try Base().encode(to: container.superEncoder())
            }
        }
        let text = String(decoding: try RecordJSONEncoder().encode(Derived()), as: UTF8.self)
        #expect(text == #"{"name":"second","super":{"id":"b"}}"#)
    }

    @Test func theOnePassWriterWritesWhatTheTreeWrites() throws {
        let tree = RecordJSONEncoder(alwaysThroughTree: true)
        let onePass = try #require(try RecordJSONStreamEncoder.encode(Everything()))
        #expect(onePass == Array(try tree.encode(Everything())))
        #expect(try RecordJSONEncoder().encode(Everything()) == tree.encode(Everything()))
        struct Repeated: Encodable {
            enum Keys: String, CodingKey { case b, a, c }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .b)
                try container.encode([2.5, 3], forKey: .a)
                try container.encode(["z": "last"], forKey: .b)
                try container.encodeNil(forKey: .c)
            }
        }
        let repeated = try #require(try RecordJSONStreamEncoder.encode(Repeated()))
        #expect(String(decoding: repeated, as: UTF8.self) == #"{"a":[2.5,3],"b":{"z":"last"},"c":null}"#)
        #expect(repeated == Array(try tree.encode(Repeated())))
        let integers: [Int64] = [0, 7, -7, 10, -10, 1_000_000, .max, .min]
        let unsigned: [UInt64] = [0, .max]
        #expect(try RecordJSONStreamEncoder.encode(integers) == Array(try tree.encode(integers)))
        #expect(try RecordJSONStreamEncoder.encode(unsigned) == Array("[0,18446744073709551615]".utf8))
        #expect(try RecordJSONStreamEncoder.encode([Int8.min, 0, Int8.max]) == Array("[-128,0,127]".utf8))
        struct Empty: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(try RecordJSONStreamEncoder.encode(Empty()) == Array("{}".utf8))
        #expect(try RecordJSONStreamEncoder.encode([Empty(), Empty()]) == Array("[{},{}]".utf8))
    }

    @Test func whatOnePassCannotWriteIsWrittenThroughTheTree() throws {
        struct Nested: Encodable {
            enum Keys: String, CodingKey { case outer, list, name }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try container.encode("n", forKey: .name)
                try inner.encode("later", forKey: .name)
                try list.encode(1)
            }
        }
        struct Twice: Encodable {
            enum Keys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: Keys.self)
                try first.encode(1, forKey: .b)
                var second = encoder.container(keyedBy: Keys.self)
                try second.encode(2, forKey: .a)
            }
        }
        struct SingleTwice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode("first")
                try container.encode("second")
            }
        }
        final class Kept: @unchecked Sendable {
            var container: KeyedEncodingContainer<Nested.Keys>?
            var encoder: (any Encoder)?
        }
        struct Keeping: Encodable {
            let kept: Kept
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Nested.Keys.self)
                try container.encode("inner", forKey: .name)
                kept.container = container
                kept.encoder = encoder
            }
        }
        let keptEncoder = Kept()
        #expect(try RecordJSONStreamEncoder.encode(Keeping(kept: keptEncoder)) == Array(#"{"name":"inner"}"#.utf8))
        #expect(keptEncoder.encoder?.codingPath.isEmpty == true)
        struct KeptPastItsValue: Encodable {
            func encode(to encoder: any Encoder) throws {
                let kept = Kept()
                var container = encoder.container(keyedBy: Nested.Keys.self)
                try container.encode(Keeping(kept: kept), forKey: .outer)
                try container.encode(Keeping(kept: Kept()), forKey: .list)
                try kept.container?.encode("added later", forKey: .list)
            }
        }
        #expect(try RecordJSONStreamEncoder.encode(KeptPastItsValue()) == nil)
        #expect(
            String(decoding: try RecordJSONEncoder().encode(KeptPastItsValue()), as: UTF8.self)
                == #"{"list":{"name":"inner"},"outer":{"list":"added later","name":"inner"}}"#
        )
        #expect(try RecordJSONStreamEncoder.encode(Nested()) == nil)
        #expect(try RecordJSONStreamEncoder.encode(Twice()) == nil)
        #expect(try RecordJSONStreamEncoder.encode(SingleTwice()) == nil)
        let text = { (data: Data) in String(decoding: data, as: UTF8.self) }
        #expect(text(try RecordJSONEncoder().encode(Nested())) == #"{"list":[1],"name":"n","outer":{"name":"later"}}"#)
        #expect(text(try RecordJSONEncoder().encode(Twice())) == #"{"a":2,"b":1}"#)
        #expect(text(try RecordJSONEncoder().encode(SingleTwice())) == #""second""#)
    }

    @Test func everyRecordOfTheScenarioRoundTripsThroughTheStore() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(.fixture("2025-06-02")))
        let scenario = PartnershipScenario.small(from: .fixture("2025-01-01"))
        try await scenario.save(into: records)
        let agencies = try await records.all(Agency.self, as: .system).map(\.value)
        #expect(agencies.sorted { $0.id < $1.id } == scenario.agencies.sorted { $0.id < $1.id })
        let meetings = try await records.all(Meeting.self, as: .system).map(\.value)
        #expect(Set(meetings) == Set(scenario.meetings))
    }
}
