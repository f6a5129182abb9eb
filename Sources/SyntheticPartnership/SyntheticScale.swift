/// How much synthetic data to generate: one generator, different sizes.
public struct SyntheticScale: Hashable, Sendable, CustomStringConvertible {
    /// The scale's name.
    public var name: String
    /// Partnerships.
    public var partnerships: Int
    /// Agencies and schools in each partnership (the three statutory partners among them).
    public var agencies: Int
    /// Localities in each partnership.
    public var localities: Int
    /// Measures with data in each partnership.
    public var measures: Int
    /// Months of history, ending with the month before the reference day.
    public var months: Int
    /// Section 11 cycles of history in each partnership.
    public var section11Cycles: Int
    /// Criteria in each Section 11 assessment.
    public var criteriaPerAssessment: Int
    /// Audits a year in each partnership.
    public var auditsPerYear: Int
    /// Cases sampled in each audit.
    public var casesPerAudit: Int
    /// Agencies returning on each case.
    public var agenciesPerCase: Int
    /// Reviews a year in each partnership.
    public var reviewsPerYear: Int
    /// Recommendations from each review.
    public var recommendationsPerReview: Int
    /// Actions across each partnership's recommendations.
    public var actionsPerPartnership: Int
    /// Progress updates on each action.
    public var updatesPerAction: Int

    /// The demo partnership: the three statutory partners and 60 other agencies and schools,
    /// 10 localities, three years of the starter catalogue's 30 measures (the framework's and the
    /// Department for Education's, with their real names).
    public static let demo = SyntheticScale(
        name: "demo",
        partnerships: 1,
        agencies: 63,
        localities: 10,
        measures: 30,
        months: 36,
        section11Cycles: 2,
        criteriaPerAssessment: 24,
        auditsPerYear: 12,
        casesPerAudit: 6,
        agenciesPerCase: 4,
        reviewsPerYear: 2,
        recommendationsPerReview: 5,
        actionsPerPartnership: 40,
        updatesPerAction: 4
    )

    /// A miniature partnership for snapshot tests and examples: ten agencies, two localities, the
    /// first eight measures of the starter catalogue (the planted stories among them), two years, and
    /// Section 11 returns that answer a criterion of every standard.
    public static let miniature = SyntheticScale(
        name: "miniature",
        partnerships: 1,
        agencies: 10,
        localities: 2,
        measures: 8,
        months: 24,
        section11Cycles: 2,
        criteriaPerAssessment: 8,
        auditsPerYear: 2,
        casesPerAudit: 2,
        agenciesPerCase: 3,
        reviewsPerYear: 1,
        recommendationsPerReview: 2,
        actionsPerPartnership: 8,
        updatesPerAction: 2
    )

    /// One county-sized partnership: 600 agencies and schools, 10 localities, 60 measures, 5 years monthly.
    public static let county = SyntheticScale(
        name: "county",
        partnerships: 1,
        agencies: 600,
        localities: 10,
        measures: 60,
        months: 60,
        section11Cycles: 3,
        criteriaPerAssessment: 40,
        auditsPerYear: 12,
        casesPerAudit: 8,
        agenciesPerCase: 6,
        reviewsPerYear: 8,
        recommendationsPerReview: 10,
        actionsPerPartnership: 1000,
        updatesPerAction: 10
    )

    /// A national view: 150 county-sized partnerships (about 5 million observations, 90,000 Section 11
    /// assessments, 9,000 audits, 150,000 actions).
    public static let national = SyntheticScale(
        name: "national",
        partnerships: 150,
        agencies: 600,
        localities: 10,
        measures: 60,
        months: 60,
        section11Cycles: 1,
        criteriaPerAssessment: 40,
        auditsPerYear: 12,
        casesPerAudit: 8,
        agenciesPerCase: 6,
        reviewsPerYear: 8,
        recommendationsPerReview: 10,
        actionsPerPartnership: 1000,
        updatesPerAction: 10
    )

    /// The named scales.
    public static let named: [SyntheticScale] = [.miniature, .demo, .county, .national]

    /// The scale with this many partnerships, for scaling runs at a fraction of the full size.
    ///
    /// A single-partnership scale is scaled by its agencies, localities' measures and actions instead.
    public func fraction(_ share: Double) -> SyntheticScale {
        var scaled = self
        scaled.name = "\(name)×\(share)"
        if partnerships > 1 {
            scaled.partnerships = max(1, Int((Double(partnerships) * share).rounded()))
        } else {
            scaled.agencies = max(3, Int((Double(agencies) * share).rounded()))
            scaled.measures = max(1, Int((Double(measures) * share).rounded()))
            scaled.actionsPerPartnership = max(1, Int((Double(actionsPerPartnership) * share).rounded()))
            scaled.auditsPerYear = max(1, Int((Double(auditsPerYear) * share).rounded()))
            scaled.reviewsPerYear = max(1, Int((Double(reviewsPerYear) * share).rounded()))
        }
        return scaled
    }

    /// The scale's name.
    public var description: String { name }
}
