public import Domain

/// The Learning module of the framework: reviews against their clocks, the one action tracker, work
/// streams, dissemination and the closing of the learning loop.
public struct LearningModule: AssuranceModule {
    /// `Learning`.
    public var name: String { "Learning" }
    /// Months an action may stay completed without evidence of completion.
    public var evidenceMonths: Int
    /// Months a review's learning may go undisseminated after its report.
    public var disseminationMonths: Int
    /// Months a work stream may go without a progress update.
    public var stalledMonths: Int

    /// Creates the module.
    public init(evidenceMonths: Int = 3, disseminationMonths: Int = 3, stalledMonths: Int = 3) {
        self.evidenceMonths = evidenceMonths
        self.disseminationMonths = disseminationMonths
        self.stalledMonths = stalledMonths
    }

    /// Reviews, clocks, actions, impact records, work streams and learning products.
    public var recordTypes: [any StorableRecord.Type] {
        [
            Review.self, StatutoryClock.self, TrackedAction.self, ImpactRecord.self, WorkStream.self,
            LearningProduct.self,
        ]
    }

    /// The module's rules.
    public var rules: [any AssuranceRule] {
        [
            ReviewClockRule(
                clock: "panel-notification",
                ruleID: "learning.panel-notification-late",
                title: "Panel notification late"
            ),
            ReviewClockRule(clock: "rapid-review", ruleID: "learning.rapid-review-late", title: "Rapid review late"),
            ReviewClockRule(
                clock: "local-review-publication",
                ruleID: "learning.local-review-overdue",
                title: "Local review not published within 6 months"
            ),
            BreachWithoutReasonRule(), ActionOverdueRule(), CompletedWithoutEvidenceRule(months: evidenceMonths),
            LearningNotDisseminatedRule(months: disseminationMonths), WorkStreamStalledRule(months: stalledMonths),
            ClosedWithoutImpactRule(),
        ]
    }

    /// The Practice Development Group's and the yearly reports, and sub-group reports.
    public var reportContributions: [ReportContribution] {
        [
            ReportContribution(.practiceDevelopmentAssurance), ReportContribution(.yearly),
            ReportContribution(.subGroupReport),
        ]
    }

    /// Reviews and clocks, the tracker by work stream, dissemination, the learning loop, overdue actions.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        guard contributes(to: request.kind) else { return [] }
        return try await LearningSections(module: self).sections(for: request, in: view)
    }
}

/// Everything the Learning rules and sections read, loaded once per view.
struct LearningState: Sendable {
    var clocks: [StatutoryClock]
    var reviews: [Review]
    var recommendations: [Recommendation]
    var actions: [TrackedAction]
    var impact: [ImpactRecord]
    var streams: [WorkStream]
    var products: [LearningProduct]
    var agencies: [Agency.ID: Agency]

    static func load(_ view: AssuranceView) async throws -> LearningState {
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
                actions: try await view.all(TrackedAction.self),
                impact: try await view.all(ImpactRecord.self),
                streams: try await view.all(WorkStream.self),
                products: try await view.all(LearningProduct.self),
                agencies: try await view.byID(Agency.self)
            )
        }
    }

    func name(_ agency: Agency.ID?) -> String {
        guard let agency else { return "the partnership" }
        return agencies[agency]?.name ?? agency.rawValue
    }
}
