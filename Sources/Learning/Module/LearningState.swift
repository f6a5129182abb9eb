public import Domain

/// Everything the Learning rules and sections read, loaded once per view: for a host's rule to
/// read reviews, the one tracker and its impact as the module's own rules do.
///
/// ```swift
/// let state = try await LearningState.load(view)
/// let unowned = state.actions.filter { $0.ownerAgency == nil && !$0.status.isComplete }
/// ```
public struct LearningState: Sendable {
    /// The clocks: the package's statutory clocks as the partnership has kept them, then its own.
    public var clocks: [StatutoryClock]
    /// Every review.
    public var reviews: [Review]
    /// Every recommendation, from every source.
    public var recommendations: [Recommendation]
    /// Every tracked action, summarised: a rule that needs an action's updates or evidence reads the
    /// whole record by its id.
    public var actions: [TrackedActionSummary]
    /// Every record of impact.
    public var impact: [ImpactRecord]
    /// Every themed work stream.
    public var streams: [WorkStream]
    /// Every learning product.
    public var products: [LearningProduct]
    /// Every agency, by id.
    public var agencies: [Agency.ID: Agency]

    /// The state of the records a view sees, loaded once per view and shared by every rule and section.
    public static func load(_ view: AssuranceView) async throws -> LearningState {
        try await view.memoized("learning.state") {
            let stored = (try await view.all(StatutoryClock.self)).keyed(by: \.id)
            let clocks =
                StatutoryClock.starter.map { stored[$0.id] ?? $0 }
                + stored.values.filter { clock in !StatutoryClock.starter.contains { $0.id == clock.id } }.sorted {
                    $0.id < $1.id
                }
            return LearningState(
                clocks: clocks,
                reviews: try await view.all(Review.self),
                recommendations: try await view.all(Recommendation.self),
                actions: try await TrackedActionSummary.all(in: view),
                impact: try await view.all(ImpactRecord.self),
                streams: try await view.all(WorkStream.self),
                products: try await view.all(LearningProduct.self),
                agencies: try await view.byID(Agency.self)
            )
        }
    }

    /// An agency's name, its id when it has none, or `the partnership` for no agency.
    public func name(_ agency: Agency.ID?) -> String {
        guard let agency else { return "the partnership" }
        return agencies[agency]?.name ?? agency.rawValue
    }
}

extension LearningState {
    /// The kinds of source whose recommendations a group of a kind follows through the tracker.
    ///
    /// The Quality Assurance Delivery Group its audits, Section 11 returns and data signals; the
    /// practice review group its reviews; the Practice Development Group the partnership's plan,
    /// inspections and the rest. Other groups follow none of their own.
    public static func sourcesFollowed(by kind: GroupKind) -> Set<Recommendation.Source.Kind> {
        switch kind {
        case .qualityAssuranceDeliveryGroup: [.audit, .section11, .measure]
        case .practiceReviewGroup: [.review]
        case .practiceDevelopmentGroup: [.partnershipPlan, .inspection, .other]
        default: []
        }
    }

    /// The part of the tracker a group follows: the recommendations of the sources its kind follows
    /// (`sourcesFollowed(by:)`), their actions and impact, and the work streams that hold them.
    public func followed(by group: Group) -> LearningState {
        let kinds = Self.sourcesFollowed(by: group.kind)
        var own = self
        own.recommendations = recommendations.filter { kinds.contains($0.source.kind) }
        let ids = Set(own.recommendations.map(\.id))
        own.actions = actions.filter { ids.contains($0.recommendation) }
        own.impact = impact.filter { ids.contains($0.recommendation) }
        own.streams = streams.compactMap { stream in
            var kept = stream
            kept.members = stream.members.filter { ids.contains($0.recommendation) }
            return kept.members.isEmpty ? nil : kept
        }
        return own
    }
}
