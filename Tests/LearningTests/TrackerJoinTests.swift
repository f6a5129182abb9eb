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

/// The stalled-work-stream rule tallies a run of one stream's actions at a time; held here to each
/// stream's open actions and latest day counted action by action, with streams interleaved.
struct WorkStreamStalledTallyTests {
    @Test(arguments: 0..<10)
    func interleavedStreamsAreTalliedAsEachActionAlone(seed: Int) async throws {
        var random = RepeatableRandom(seed: UInt64(seed) &+ 0x57A11)
        let store = InMemoryStore()
        let records = Records(store: store)
        let streams: [WorkStream] = ["ws-a", "ws-b", "ws-c"].map {
            WorkStream(id: WorkStream.ID(rawValue: $0)!, theme: .neglect, title: $0.uppercased())
        }
        for stream in streams { _ = try await records.save(stream, version: 0, by: .system) }
        var actions: [TrackedAction] = []
        for number in 0..<Int.random(in: 1...40, using: &random) {
            var action = TrackedAction(
                id: TrackedAction.ID(rawValue: "act-\(number)")!,
                recommendation: "rec",
                text: "t",
                lead: "l",
                startOn: Day.fixture("2025-01-01").adding(days: Int.random(in: 0...200, using: &random)),
                dueOn: .fixture("2026-01-01")
            )
            action.workStream = Bool.random(using: &random) ? streams.randomElement(using: &random)!.id : nil
            action.status = TrackedAction.Status.allCases.randomElement(using: &random)!
            actions.append(action)
            _ = try await records.save(action, version: 0, by: .system)
        }
        let day = Day.fixture("2025-10-01")
        let found = try await WorkStreamStalledRule(months: 3).evaluate(in: AssuranceView(store: store), on: day)
        let expected = streams.compactMap { stream -> String? in
            let own = actions.filter { $0.workStream == stream.id }
            let open = own.filter { !$0.status.isComplete }.count
            guard open > 0, let last = own.map(\.startOn).max(), last.adding(months: 3) <= day else { return nil }
            return "\(stream.id.rawValue): \(open) open, since \(last)"
        }
        #expect(
            found.map { "\($0.key): \(openAndSince($0.message))" } == expected,
            "streams: \(actions.map { $0.workStream?.rawValue ?? "-" })"
        )
    }

    /// "… has 3 open actions and no progress update since 2025-05-01." as "3 open, since 2025-05-01".
    private func openAndSince(_ message: String) -> String {
        let words = message.split(separator: " ")
        let open = words[words.firstIndex(of: "has")! + 1]
        let since = words.last!.dropLast()
        return "\(open) open, since \(since)"
    }
}
