public import Domain

/// The chain from learning to impact for one source of learning, and where it is broken: the
/// source's recommendations, each in a themed work stream, with actions, evidence that practice
/// changed, and closed on that evidence.
public struct LearningChain: Hashable, Sendable {
    /// A link of the chain.
    public enum Link: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// The learning: a review reported, an audit's findings, a return, a session, a signal.
        case learning
        /// Recommendations made from it.
        case recommendation
        /// Every recommendation in a themed work stream.
        case workStream = "work-stream"
        /// Actions for every recommendation.
        case action
        /// Evidence that practice changed, for every recommendation.
        case impact
        /// Every recommendation closed on that evidence.
        case closed

        /// The link's name, as a sentence has it.
        public var description: String {
            switch self {
            case .learning: "learning"
            case .recommendation: "recommendation"
            case .workStream: "work stream"
            case .action: "action"
            case .impact: "impact"
            case .closed: "closing"
            }
        }
    }

    /// The kind of source: a review, an audit, a Section 11 return, a scrutiny session, a data signal.
    public var kind: Recommendation.Source.Kind
    /// The source.
    public var source: RecordReference
    /// Its title.
    public var title: String
    /// Recommendations made from it.
    public var recommendations: Int
    /// Recommendations in a themed work stream.
    public var inWorkStreams: Int
    /// Actions towards them.
    public var actions: Int
    /// Actions completed.
    public var actionsCompleted: Int
    /// Learning products issued from it.
    public var productsIssued: Int
    /// Recommendations with evidence that practice changed.
    public var withImpact: Int
    /// Recommendations closed.
    public var closed: Int
    /// The links in place.
    public var present: Set<Link>

    /// The first link missing, where the chain is broken; `nil` when it is whole: every
    /// recommendation closed on evidence of impact.
    public var brokenAt: Link? { Link.allCases.first { !present.contains($0) } }

    /// Follows the chain for every source of learning a view holds.
    ///
    /// - Throws: What reading the view throws.
    public static func chains(in view: AssuranceView) async throws -> [LearningChain] {
        chains(
            reviews: try await view.all(Review.self),
            recommendations: try await view.all(Recommendation.self),
            streams: try await view.all(WorkStream.self),
            actions: try await TrackedActionSummary.all(in: view),
            products: try await view.all(LearningProduct.self),
            impact: try await view.all(ImpactRecord.self)
        )
    }

    /// Follows the chain for every review, and for every other source that recommendations name.
    public static func chains(
        reviews: [Review],
        recommendations: [Recommendation],
        streams: [WorkStream] = [],
        actions: [TrackedActionSummary],
        products: [LearningProduct],
        impact: [ImpactRecord]
    ) -> [LearningChain] {
        chains(
            positions: RecommendationPositions(recommendations),
            reviews: reviews,
            recommendations: recommendations,
            streams: streams,
            actions: actions,
            products: products,
            impact: impact
        )
    }

    /// Follows the chains with the recommendations' positions already found, as a report's
    /// sections share them.
    static func chains(
        positions: RecommendationPositions,
        reviews: [Review],
        recommendations: [Recommendation],
        streams: [WorkStream],
        actions: [TrackedActionSummary],
        products: [LearningProduct],
        impact: [ImpactRecord]
    ) -> [LearningChain] {
        precondition(positions.count == recommendations.count, "positions found for these recommendations")
        let counts = SourceCounts(
            positions: positions,
            recommendations: recommendations,
            streams: streams,
            actions: actions,
            impact: impact
        )
        var issuedFrom: [RecordReference: Int] = [:]
        for product in products where product.issuedOn != nil {
            for source in product.drawsOn { issuedFrom[source, default: 0] += 1 }
        }
        // Each source once, as an entry: reviews first (a later review of the same reference
        // renaming it, as the last word), then the sources only recommendations name.
        var entries: [(source: RecordReference, title: String, kind: Recommendation.Source.Kind, learned: Bool)] = []
        var reviewed: [RecordReference: Int] = [:]
        for review in reviews {
            let learned =
                review[.reportToPartners] != nil || review[.rapidReviewSent] != nil || review.status != .open
            if let entry = reviewed[review.reference] {
                entries[entry].title = review.title
                entries[entry].learned = entries[entry].learned || learned
            } else {
                reviewed[review.reference] = entries.count
                entries.append((review.reference, review.title, .review, learned))
            }
        }
        for (source, first) in zip(counts.sources, counts.firstPositions) where reviewed[source] == nil {
            let named = recommendations[first].source
            entries.append((source, named.title, named.kind, true))
        }
        // Positions are sorted, not the entries, so no entry is moved while they are ordered.
        return entries.indices.sorted { entries[$0].source < entries[$1].source }.map { position in
            let entry = entries[position]
            var chain = counts.chain(of: entry.source)
            chain.kind = entry.kind
            chain.title = entry.title
            chain.productsIssued = issuedFrom[entry.source] ?? 0
            if entry.learned { chain.present.insert(.learning) }
            return chain
        }
    }

    /// What is counted about each source's recommendations, in one pass over each list.
    ///
    /// Each recommendation is joined to its first position by ``RecommendationPositions`` and to its
    /// source's number, and everything counted goes in arrays by position or by source: a national
    /// tracker has hundreds of thousands of recommendations and actions, and dictionaries keyed by
    /// their ids were most of this view's report time.
    private struct SourceCounts {
        /// The sources recommendations name, in the order first named.
        var sources: [RecordReference] = []
        /// The position of each source's first recommendation.
        var firstPositions: [Int] = []
        private var numbers: [RecordReference: Int] = [:]
        private var tallies: [Tally] = []

        /// What is counted about one source's recommendations.
        private struct Tally {
            var made = 0
            var inStreams = 0
            var withImpact = 0
            var closed = 0
            var withActions = 0
            var actions = 0
            var completed = 0
        }

        init(
            positions: RecommendationPositions,
            recommendations: [Recommendation],
            streams: [WorkStream],
            actions: [TrackedActionSummary],
            impact: [ImpactRecord]
        ) {
            var positions = positions
            var placed = [Bool](repeating: false, count: recommendations.count)
            for stream in streams {
                for member in stream.members {
                    if let slot = positions.position(of: member.recommendation) { placed[slot] = true }
                }
            }
            var actionCounts = [(count: Int32, completed: Int32)](repeating: (0, 0), count: recommendations.count)
            for action in actions {
                guard let slot = positions.position(of: action.recommendation) else { continue }
                actionCounts[slot].count += 1
                if action.status.isComplete { actionCounts[slot].completed += 1 }
            }
            var changed = [Bool](repeating: false, count: recommendations.count)
            for record in impact where record.showsChange {
                if let slot = positions.position(of: record.recommendation) { changed[slot] = true }
            }
            // A source's recommendations are usually next to each other, so its number is looked up
            // once a run rather than once a recommendation.
            var last: (source: RecordReference, number: Int)?
            for (position, recommendation) in recommendations.enumerated() {
                guard let source = recommendation.source.record else { continue }
                let number: Int
                if let last, last.source == source {
                    number = last.number
                } else {
                    number = self.number(of: source, first: position)
                    last = (source, number)
                }
                let slot = positions.first(position)
                tallies[number].made += 1
                if placed[slot] { tallies[number].inStreams += 1 }
                if changed[slot] { tallies[number].withImpact += 1 }
                if recommendation.status == .closed { tallies[number].closed += 1 }
                if actionCounts[slot].count > 0 {
                    tallies[number].withActions += 1
                    tallies[number].actions += Int(actionCounts[slot].count)
                    tallies[number].completed += Int(actionCounts[slot].completed)
                }
            }
        }

        /// A source's number, given it when it is first named.
        private mutating func number(of source: RecordReference, first position: Int) -> Int {
            if let number = numbers[source] { return number }
            let number = sources.count
            numbers[source] = number
            sources.append(source)
            firstPositions.append(position)
            tallies.append(Tally())
            return number
        }

        /// A source's chain as its recommendations count it; the caller names it.
        func chain(of source: RecordReference) -> LearningChain {
            let tally = numbers[source].map { tallies[$0] } ?? Tally()
            var present: Set<Link> = []
            if tally.made > 0 {
                present.insert(.recommendation)
                if tally.inStreams == tally.made { present.insert(.workStream) }
                if tally.withActions == tally.made { present.insert(.action) }
                if tally.withImpact == tally.made { present.insert(.impact) }
                if tally.closed == tally.made { present.insert(.closed) }
            }
            return LearningChain(
                kind: .other,
                source: source,
                title: source.description,
                recommendations: tally.made,
                inWorkStreams: tally.inStreams,
                actions: tally.actions,
                actionsCompleted: tally.completed,
                productsIssued: 0,
                withImpact: tally.withImpact,
                closed: tally.closed,
                present: present
            )
        }
    }
}
