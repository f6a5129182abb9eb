import AssuranceTesting
import Domain
import Testing

@testable import Learning

/// The joins the national tracker's sections make by position: each held to what the standard
/// library's searching and sorting give, on random inputs with repeats, misses and ties.
struct TrackerJoinTests {
    @Test(arguments: 0..<20)
    func aPositionIsTheFirstPositionOfItsID(seed: Int) {
        var random = RepeatableRandom(seed: UInt64(seed) &+ 0x1D5)
        // Ids shorter than a word, of a word, and over two words, so every tail of the hash is taken.
        let stems = ["r", "rec-0001", "p001-audit-2022-01-rec-", "s11-p001-s175-2025-agency-0009-S7-"]
        let named = (0..<400).map { number in
            Recommendation.ID(rawValue: stems[number % stems.count] + String(number / 3))!
        }
        let recommendations = (0..<Int.random(in: 0...600, using: &random)).map { _ in
            recommendation(named.randomElement(using: &random)!)
        }
        var positions = RecommendationPositions(recommendations)
        // Asked in the store's order and then at random, so the cursor is right and wrong.
        let asked = named.sorted() + (0..<800).map { _ in named.randomElement(using: &random)! }
        for id in asked {
            #expect(positions.position(of: id) == recommendations.firstIndex { $0.id == id })
        }
        for position in recommendations.indices {
            #expect(positions.first(position) == recommendations.firstIndex { $0.id == recommendations[position].id })
        }
    }

    @Test func anIDNoRecommendationHasHasNoPosition() {
        var positions = RecommendationPositions([recommendation("a"), recommendation("b")])
        #expect(positions.position(of: "c") == nil)
        #expect(positions.position(of: "b") == 1)
        var empty = RecommendationPositions([])
        #expect(empty.position(of: "a") == nil)
    }

    @Test(arguments: 0..<30)
    func theFirstInOrderAreWhatAStableSortPutsFirst(seed: Int) {
        var random = RepeatableRandom(seed: UInt64(seed) &+ 0xF1257)
        let values = (0..<Int.random(in: 0...300, using: &random)).map { _ in
            (key: Int.random(in: 0...20, using: &random), kept: Bool.random(using: &random))
        }
        for count in [0, 1, 5, 40, 400] {
            let first = values.positions(ofFirst: count, where: \.kept) { $0.key < $1.key }
            let sorted = values.indices.filter { values[$0].kept }.sorted { values[$0].key < values[$1].key }
            #expect(first == Array(sorted.prefix(count)))
        }
    }

    private func recommendation(_ id: Recommendation.ID) -> Recommendation {
        Recommendation(id: id, source: .init(.audit, title: "An audit"), text: "t", raisedOn: .fixture("2025-01-01"))
    }
}
