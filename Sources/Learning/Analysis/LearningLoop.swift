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
            actions: try await view.all(TrackedAction.self),
            products: try await view.all(LearningProduct.self),
            impact: try await view.all(ImpactRecord.self)
        )
    }

    /// Follows the chain for every review, and for every other source that recommendations name.
    public static func chains(
        reviews: [Review],
        recommendations: [Recommendation],
        streams: [WorkStream] = [],
        actions: [TrackedAction],
        products: [LearningProduct],
        impact: [ImpactRecord]
    ) -> [LearningChain] {
        let bySource = Dictionary(
            grouping: recommendations.filter { $0.source.record != nil },
            by: { $0.source.record! }
        )
        let placed = Set(streams.flatMap(\.recommendations))
        let actionsByRecommendation = Dictionary(grouping: actions, by: \.recommendation)
        let changed = Set(impact.filter(\.showsChange).map(\.recommendation))
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
            var present: Set<Link> = []
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
