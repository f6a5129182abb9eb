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
        let counts = SlotCounts(recommendations: recommendations, streams: streams, actions: actions, impact: impact)
        var issuedFrom: [RecordReference: Int] = [:]
        for product in products where product.issuedOn != nil {
            for source in product.drawsOn { issuedFrom[source, default: 0] += 1 }
        }
        var sources: [RecordReference: (title: String, kind: Recommendation.Source.Kind)] = [:]
        var learned: Set<RecordReference> = []
        for review in reviews {
            sources[review.reference] = (review.title, .review)
            if review[.reportToPartners] != nil || review[.rapidReviewSent] != nil || review.status != .open {
                learned.insert(review.reference)
            }
        }
        for (source, positions) in counts.bySource where sources[source] == nil {
            let first = recommendations[positions[0]].source
            sources[source] = (first.title, first.kind)
            learned.insert(source)
        }
        return sources.keys.sorted().map { source in
            var chain = counts.chain(of: source, in: recommendations)
            chain.kind = sources[source]?.kind ?? .other
            chain.title = sources[source]?.title ?? source.description
            chain.productsIssued = issuedFrom[source] ?? 0
            if learned.contains(source) { chain.present.insert(.learning) }
            return chain
        }
    }

    /// What is counted about each recommendation, by slot.
    ///
    /// Each recommendation id is looked up once to find its slot (the first position it holds), and
    /// everything counted about it goes in arrays by slot. Counted by position, not grouped: a national tracker has hundreds of thousands
    /// of recommendations and actions.
    private struct SlotCounts {
        var slots: [Int] = []
        var bySource: [RecordReference: [Int]] = [:]
        var placed: [Bool]
        var actionCounts: [Int]
        var completedCounts: [Int]
        var changed: [Bool]

        init(
            recommendations: [Recommendation],
            streams: [WorkStream],
            actions: [TrackedActionSummary],
            impact: [ImpactRecord]
        ) {
            var slotOf: [Recommendation.ID: Int] = [:]
            slotOf.reserveCapacity(recommendations.count)
            slots.reserveCapacity(recommendations.count)
            for (position, recommendation) in recommendations.enumerated() {
                let slot = slotOf[recommendation.id] ?? position
                if slot == position { slotOf[recommendation.id] = position }
                slots.append(slot)
                if let source = recommendation.source.record { bySource[source, default: []].append(position) }
            }
            placed = [Bool](repeating: false, count: recommendations.count)
            for stream in streams {
                for member in stream.members {
                    if let slot = slotOf[member.recommendation] { placed[slot] = true }
                }
            }
            actionCounts = [Int](repeating: 0, count: recommendations.count)
            completedCounts = [Int](repeating: 0, count: recommendations.count)
            for action in actions {
                guard let slot = slotOf[action.recommendation] else { continue }
                actionCounts[slot] += 1
                if action.status.isComplete { completedCounts[slot] += 1 }
            }
            changed = [Bool](repeating: false, count: recommendations.count)
            for record in impact where record.showsChange {
                if let slot = slotOf[record.recommendation] { changed[slot] = true }
            }
        }

        /// A source's chain as its recommendations count it; the caller names it.
        func chain(of source: RecordReference, in recommendations: [Recommendation]) -> LearningChain {
            var made = 0
            var inStreams = 0
            var withImpact = 0
            var closed = 0
            var withActions = 0
            var madeActions = (count: 0, completed: 0)
            for position in bySource[source] ?? [] {
                let slot = slots[position]
                made += 1
                if placed[slot] { inStreams += 1 }
                if changed[slot] { withImpact += 1 }
                if recommendations[position].status == .closed { closed += 1 }
                if actionCounts[slot] > 0 {
                    withActions += 1
                    madeActions.count += actionCounts[slot]
                    madeActions.completed += completedCounts[slot]
                }
            }
            var present: Set<Link> = []
            if made > 0 {
                present.insert(.recommendation)
                if inStreams == made { present.insert(.workStream) }
                if withActions == made { present.insert(.action) }
                if withImpact == made { present.insert(.impact) }
                if closed == made { present.insert(.closed) }
            }
            return LearningChain(
                kind: .other,
                source: source,
                title: source.description,
                recommendations: made,
                inWorkStreams: inStreams,
                actions: madeActions.count,
                actionsCompleted: madeActions.completed,
                productsIssued: 0,
                withImpact: withImpact,
                closed: closed,
                present: present
            )
        }
    }
}
