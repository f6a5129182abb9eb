import Domain
import Foundation
import Testing

/// A decoder shares the storage of a longer text it read before with an equal text it reads again,
/// and never hands one text's storage to a different text.
struct SharedDecodedTextTests {
    private struct Named: Codable, Equatable {
        var name: String
        var other: String
    }

    private func decoded(_ names: [(String, String)]) throws -> [Named] {
        let decoder = RecordJSONDecoder()
        return try names.map { name, other in
            let payload = try JSONEncoder().encode(Named(name: name, other: other))
            return try decoder.decodeWithoutFallback(Named.self, from: payload)
        }
    }

    @Test func anEqualTextReadAgainSharesTheStorageOfTheFirst() throws {
        let lead = "Quality Assurance Lead for the partnership"
        let read = try decoded([(lead, "x"), (lead, "y"), ("x", lead)])
        #expect(read.map(\.name) == [lead, lead, "x"])
        #expect(read.map(\.other) == ["x", "y", lead])
        #expect(storage(read[0].name) == storage(read[1].name))
        #expect(storage(read[0].name) == storage(read[2].other))
    }

    /// Texts made to fall in one slot (same length, first sixteen and last eight bytes) and to
    /// differ only in the middle, or by one byte anywhere, each read as itself in any order.
    @Test func textsThatShareASlotAreEachReadAsThemselves() throws {
        let stem = "p001-audit-2022-"
        let alike = [
            "\(stem)01-rec-1-act-1", "\(stem)02-rec-1-act-1", "\(stem)01-rec-1-act-2", "\(stem)01-rec-1-act-1x",
        ]
        let shortAndOdd = [
            "short", "fifteen bytes!!", "sixteen bytes!!!", "Café au lait, déjà vu, naïve", "tab\tand \"quote\"",
        ]
        let texts = alike + shortAndOdd
        var pairs: [(String, String)] = []
        for first in texts { for second in texts { pairs.append((first, second)) } }
        let read = try decoded(pairs)
        #expect(read.map(\.name) == pairs.map(\.0))
        #expect(read.map(\.other) == pairs.map(\.1))
        #expect(Set(alike.map(\.utf8.count)).count == 2)
    }

    private func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }
}
