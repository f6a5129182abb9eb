import AssuranceTesting
import Domain
import Testing

@testable import Learning

/// The chains are counted through positions and tallies; these tests hold them to grouping copies of
/// every recommendation and action by source, as the chains were first built, on random trackers.
struct LearningChainCountingTests {
    @Test(arguments: 0..<60)
    func countedChainsEqualGroupedChains(seed: Int) {
        var random = RepeatableRandom(seed: UInt64(seed) &+ 0x5EED)
        let tracker = RandomTracker(&random)
        let counted = LearningChain.chains(
            reviews: tracker.reviews,
            recommendations: tracker.recommendations,
            streams: tracker.streams,
            actions: tracker.actions.map(TrackedActionSummary.init),
            products: tracker.products,
            impact: tracker.impact
        )
        let grouped = groupedChains(tracker)
        #expect(counted == grouped)
        #expect(!counted.isEmpty)
    }

    @Test func aRepeatedRecommendationCountsItsActionsEachTime() {
        let source = RecordReference(type: "audit.audit", id: "a")
        let recommendation = Recommendation(
            id: "r",
            source: .init(.audit, record: source, title: "An audit"),
            text: "t",
            raisedOn: .fixture("2025-01-01")
        )
        var done = TrackedAction(
            id: "x",
            recommendation: "r",
            text: "t",
            lead: "l",
            startOn: .fixture("2025-01-01"),
            dueOn: .fixture("2025-02-01")
        )
        done.status = .completed
        let chain = LearningChain.chains(
            reviews: [],
            recommendations: [recommendation, recommendation],
            actions: [TrackedActionSummary(done)],
            products: [],
            impact: []
        )
        #expect(chain.map(\.recommendations) == [2])
        #expect(chain.map(\.actions) == [2])
        #expect(chain.map(\.actionsCompleted) == [2])
        #expect(chain.first?.present.contains(.action) == true)
    }

    /// The chains as first written: grouping copies by source and by recommendation.
    private func groupedChains(_ tracker: RandomTracker) -> [LearningChain] {
        let bySource = Dictionary(
            grouping: tracker.recommendations.filter { $0.source.record != nil },
            by: { $0.source.record! }
        )
        let placed = Set(tracker.streams.flatMap(\.recommendations))
        let actionsByRecommendation = Dictionary(grouping: tracker.actions, by: \.recommendation)
        let changed = Set(tracker.impact.filter(\.showsChange).map(\.recommendation))
        var issuedFrom: [RecordReference: Int] = [:]
        for product in tracker.products where product.issuedOn != nil {
            for source in product.drawsOn { issuedFrom[source, default: 0] += 1 }
        }
        var sources: [RecordReference: (title: String, kind: Recommendation.Source.Kind)] = [:]
        var learned: Set<RecordReference> = []
        for review in tracker.reviews {
            sources[review.reference] = (review.title, .review)
            if review[.reportToPartners] != nil || review[.rapidReviewSent] != nil || review.status != .open {
                learned.insert(review.reference)
            }
        }
        for (source, recommendations) in bySource where sources[source] == nil {
            let first = recommendations.first?.source
            sources[source] = (first?.title ?? source.description, first?.kind ?? .other)
            learned.insert(source)
        }
        return sources.keys.sorted().map { source in
            let made = bySource[source] ?? []
            let madeActions = made.flatMap { actionsByRecommendation[$0.id] ?? [] }
            let inStreams = made.filter { placed.contains($0.id) }.count
            let withImpact = made.filter { changed.contains($0.id) }.count
            let closed = made.filter { $0.status == .closed }.count
            var present: Set<LearningChain.Link> = []
            if learned.contains(source) { present.insert(.learning) }
            if !made.isEmpty { present.insert(.recommendation) }
            if !made.isEmpty, inStreams == made.count { present.insert(.workStream) }
            if !made.isEmpty, made.allSatisfy({ !(actionsByRecommendation[$0.id] ?? []).isEmpty }) {
                present.insert(.action)
            }
            if !made.isEmpty, withImpact == made.count { present.insert(.impact) }
            if !made.isEmpty, closed == made.count { present.insert(.closed) }
            return LearningChain(
                kind: sources[source]?.kind ?? .other,
                source: source,
                title: sources[source]?.title ?? source.description,
                recommendations: made.count,
                inWorkStreams: inStreams,
                actions: madeActions.count,
                actionsCompleted: madeActions.filter { $0.status.isComplete }.count,
                productsIssued: issuedFrom[source] ?? 0,
                withImpact: withImpact,
                closed: closed,
                present: present
            )
        }
    }
}

/// A small random tracker whose records often share sources and recommendations, and sometimes name
/// ones that do not exist, so that every branch of the counting is taken.
private struct RandomTracker {
    var reviews: [Review] = []
    var recommendations: [Recommendation] = []
    var streams: [WorkStream] = []
    var actions: [TrackedAction] = []
    var products: [LearningProduct] = []
    var impact: [ImpactRecord] = []

    init(_ random: inout RepeatableRandom) {
        let day = Day.fixture("2025-04-01")
        for number in 0..<Int.random(in: 0...4, using: &random) {
            var review = Review(
                id: Review.ID(rawValue: "rv\(number)")!,
                kind: .localLearningReview,
                title: "R\(number)"
            )
            review.status = Review.Status.allCases.randomElement(using: &random)!
            if Bool.random(using: &random) { review.milestones[.reportToPartners] = day }
            reviews.append(review)
        }
        let kinds = Recommendation.Source.Kind.allCases
        let sources: [RecordReference?] =
            reviews.map(\.reference)
            + (0..<3).map { RecordReference(type: "audit.audit", id: Identifier(rawValue: "au\($0)")!) } + [nil]
        let recommendationIDs = (0..<12).map { Recommendation.ID(rawValue: "rec\($0)")! }
        for _ in 0..<Int.random(in: 1...16, using: &random) {
            let source = sources.randomElement(using: &random)!
            var recommendation = Recommendation(
                id: recommendationIDs.randomElement(using: &random)!,
                source: .init(
                    kinds.randomElement(using: &random)!,
                    record: source,
                    title: "S\(Int.random(in: 0...3, using: &random))"
                ),
                text: "t",
                raisedOn: day
            )
            recommendation.status = Recommendation.Status.allCases.randomElement(using: &random)!
            recommendations.append(recommendation)
        }
        var stream = WorkStream(id: "w", theme: .neglect, title: "Neglect")
        stream.members = recommendationIDs.filter { _ in Bool.random(using: &random) }.map {
            WorkStream.Member(recommendation: $0, match: .theme, confirmed: true)
        }
        streams = [stream]
        for number in 0..<Int.random(in: 0...30, using: &random) {
            var action = TrackedAction(
                id: TrackedAction.ID(rawValue: "act\(number)")!,
                recommendation: recommendationIDs.randomElement(using: &random)!,
                text: "t",
                lead: "l",
                startOn: day,
                dueOn: day.adding(days: 30)
            )
            action.status = TrackedAction.Status.allCases.randomElement(using: &random)!
            actions.append(action)
        }
        for number in 0..<Int.random(in: 0...10, using: &random) {
            impact.append(
                ImpactRecord(
                    id: ImpactRecord.ID(rawValue: "imp\(number)")!,
                    recommendation: recommendationIDs.randomElement(using: &random)!,
                    judgement: ImpactRecord.Judgement.allCases.randomElement(using: &random)!,
                    evidence: [],
                    recordedOn: day,
                    recordedBy: "p"
                )
            )
        }
        for number in 0..<Int.random(in: 0...4, using: &random) {
            products.append(
                LearningProduct(
                    id: LearningProduct.ID(rawValue: "pr\(number)")!,
                    kind: .learningBriefing,
                    title: "P",
                    drawsOn: sources.compactMap { $0 }.filter { _ in Bool.random(using: &random) },
                    audiences: [],
                    issuedOn: Bool.random(using: &random) ? day : nil
                )
            )
        }
    }
}
