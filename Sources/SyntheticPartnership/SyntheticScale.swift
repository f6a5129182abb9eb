/// How much synthetic data to generate: one generator, different sizes.
package struct SyntheticScale: Hashable, Sendable, CustomStringConvertible {
    /// The scale's name.
    package var name: String
    /// Partnerships.
    package var partnerships: Int
    /// Agencies and schools in each partnership (the three statutory partners among them).
    package var agencies: Int
    /// Localities in each partnership.
    package var localities: Int
    /// Measures with data in each partnership.
    package var measures: Int
    /// Months of history, ending with the month before the reference day.
    package var months: Int
    /// Section 11 cycles of history in each partnership.
    package var section11Cycles: Int
    /// Criteria in each Section 11 assessment.
    package var criteriaPerAssessment: Int
    /// Audits a year in each partnership.
    package var auditsPerYear: Int
    /// Cases sampled in each audit.
    package var casesPerAudit: Int
    /// Agencies returning on each case.
    package var agenciesPerCase: Int
    /// Reviews a year in each partnership.
    package var reviewsPerYear: Int
    /// Recommendations from each review.
    package var recommendationsPerReview: Int
    /// Actions across each partnership's recommendations.
    package var actionsPerPartnership: Int
    /// Progress updates on each action.
    package var updatesPerAction: Int

    /// The demo partnership: the three statutory partners and 60 other agencies and schools,
    /// 10 localities, three years of the starter catalogue's 30 measures (the framework's and the
    /// Department for Education's, with their real names).
    package static let demo = SyntheticScale(
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
    package static let miniature = SyntheticScale(
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
    package static let county = SyntheticScale(
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
    package static let national = SyntheticScale(
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
    package static let named: [SyntheticScale] = [.miniature, .demo, .county, .national]

    /// The scale with this many partnerships, for scaling runs at a fraction of the full size.
    ///
    /// A single-partnership scale is scaled by its agencies, localities' measures and actions instead.
    package func fraction(_ share: Double) -> SyntheticScale {
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
    package var description: String { name }
}
