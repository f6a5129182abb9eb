public import Domain

/// The chain from learning to impact for one source of learning: learning → recommendation → action
/// → dissemination → evidence of impact, and where it is broken.
public struct LearningChain: Hashable, Sendable {
    /// A link of the chain.
    public enum Link: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// The learning: a review reported, or an audit's findings.
        case learning
        /// Recommendations made from it.
        case recommendation
        /// Actions for every recommendation.
        case action
        /// A learning product issued from it.
        case dissemination
        /// Evidence of impact for every recommendation.
        case impact

        /// The link's name.
        public var description: String { rawValue }
    }

    /// The source: a review or an audit.
    public var source: RecordReference
    /// Its title.
    public var title: String
    /// Recommendations made from it.
    public var recommendations: Int
    /// Actions towards them.
    public var actions: Int
    /// Actions completed.
    public var actionsCompleted: Int
    /// Learning products issued from it.
    public var productsIssued: Int
    /// Recommendations with evidence of impact.
    public var withImpact: Int
    /// The links in place.
    public var present: Set<Link>

    /// The first link missing, where the chain is broken; `nil` when it is whole.
    public var brokenAt: Link? { Link.allCases.first { !present.contains($0) } }

    /// Follows the chain for every review, and for every other source that recommendations name.
    public static func chains(
        reviews: [Review],
        recommendations: [Recommendation],
        actions: [TrackedAction],
        products: [LearningProduct],
        impact: [ImpactRecord]
    ) -> [LearningChain] {
        let bySource = Dictionary(
            grouping: recommendations.filter { $0.source.record != nil },
            by: { $0.source.record! }
        )
        let actionsByRecommendation = Dictionary(grouping: actions, by: \.recommendation)
        let impactByRecommendation = Set(impact.filter { $0.judgement != .notAchieved }.map(\.recommendation))
        var issuedFrom: [RecordReference: Int] = [:]
        for product in products where product.issuedOn != nil {
            for source in product.drawsOn { issuedFrom[source, default: 0] += 1 }
        }
        var sources: [RecordReference: String] = [:]
        var learned: Set<RecordReference> = []
        for review in reviews {
            sources[review.reference] = review.title
            if review[.reportToPartners] != nil || review[.rapidReviewSent] != nil || review.status != .open {
                learned.insert(review.reference)
            }
        }
        for (source, recommendations) in bySource where sources[source] == nil {
            sources[source] = recommendations.first?.source.title ?? source.description
            learned.insert(source)
        }
        return sources.keys.sorted().map { source in
            let made = bySource[source] ?? []
            let madeActions = made.flatMap { actionsByRecommendation[$0.id] ?? [] }
            var present: Set<Link> = []
            if learned.contains(source) { present.insert(.learning) }
            if !made.isEmpty { present.insert(.recommendation) }
            if !made.isEmpty, made.allSatisfy({ !(actionsByRecommendation[$0.id] ?? []).isEmpty }) {
                present.insert(.action)
            }
            if (issuedFrom[source] ?? 0) > 0 { present.insert(.dissemination) }
            let withImpact = made.filter { impactByRecommendation.contains($0.id) }.count
            if !made.isEmpty, withImpact == made.count { present.insert(.impact) }
            return LearningChain(
                source: source,
                title: sources[source] ?? source.description,
                recommendations: made.count,
                actions: madeActions.count,
                actionsCompleted: madeActions.filter { $0.status.isComplete }.count,
                productsIssued: issuedFrom[source] ?? 0,
                withImpact: withImpact,
                present: present
            )
        }
    }
}
