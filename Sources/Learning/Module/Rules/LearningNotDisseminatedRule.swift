public import Domain

/// A review's learning not disseminated within some months of its report.
public struct LearningNotDisseminatedRule: AssuranceRule {
    /// `learning.not-disseminated`.
    public var id: RuleID { .learningNotDisseminated }
    /// The rule's title.
    public var title: String { "Learning not disseminated" }
    /// The months allowed.
    public var months: Int

    /// Creates the rule, with the months from a report to a learning product.
    public init(months: Int = 3) {
        self.months = months
    }
    /// What the rule checks.
    public var summary: String {
        "A review's report went to the partners \(months) or more months ago and no learning product drawing on it has been issued."
    }
    /// The framework: feed learning back to practitioners.
    public var source: ObligationSource {
        .framework(.learningLoop, "learning from reviews reaches practitioners")
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time from report to a learning product", "\(months) months", setting: "disseminationMonths")]
    }

    /// One finding per review.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let disseminated = Set(state.products.filter { $0.issuedOn.map { $0 <= day } ?? false }.flatMap(\.drawsOn))
        return state.reviews.compactMap { review in
            guard let reported = review[.reportToPartners], reported.adding(months: months) <= day,
                !disseminated.contains(review.reference)
            else { return nil }
            return FindingDraft(
                key: review.id.rawValue,
                subject: review.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message:
                    "\(review.title): reported to the partners on \(reported); no learning product has been issued from it.",
                themes: review.themes
            )
        }
    }
}
