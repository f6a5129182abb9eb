import Foundation

/// The partnership's assurance activity beyond its modules' own: the independent scrutineer's
/// judgements, external inspections and their recommendations, and surveys.
///
/// ```swift
/// let activity = AssuranceActivity(environment: environment)
/// try await activity.record(survey, by: qaLead)      // its results become the measures' observations
/// ```
public struct AssuranceActivity: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment

    /// Creates the service.
    public init(environment: AssuranceEnvironment) {
        self.environment = environment
    }

    /// A recommendation an inspection made, as it enters the tracker.
    public struct InspectionRecommendation: Hashable, Sendable {
        /// What it asks.
        public var text: String
        /// The themes it bears on: it joins the work stream of the first.
        public var themes: [Theme]
        /// The agency that owns it, if one does.
        public var owner: Agency.ID?
        /// The day it is due, if the inspection gave one.
        public var dueOn: Day?

        /// Creates a recommendation.
        public init(_ text: String, themes: [Theme], owner: Agency.ID? = nil, dueOn: Day? = nil) {
            self.text = text
            self.themes = themes
            self.owner = owner
            self.dueOn = dueOn
        }
    }

    /// Records the independent scrutineer's judgements of a year.
    ///
    /// - Throws: `DomainError.Code.accessDenied` unless the principal may write scrutiny (the
    ///   scrutineer, or the partnership's leads); `duplicate` for a second record with the same id.
    @discardableResult
    public func record(_ judgement: ScrutinyJudgement, by principal: Principal) async throws -> ScrutinyJudgement {
        try await environment.records.save(judgement, version: 0, by: principal).value
    }

    /// Records an inspection and puts each of its recommendations in the one action tracker, in its
    /// theme's work stream, in one transaction.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a recommendation with no text;
    ///   `DomainError.Code.accessDenied`; `duplicate` for an inspection already recorded.
    @discardableResult
    public func record(
        _ inspection: Inspection,
        recommendations: [InspectionRecommendation],
        by principal: Principal
    ) async throws -> (Inspection, [Recommendation]) {
        if let empty = recommendations.firstIndex(where: { $0.text.allSatisfy(\.isWhitespace) }) {
            throw DomainError(
                .invalidInput,
                "inspection \(inspection.id): recommendation \(empty + 1) has no text"
            )
        }
        var chain = try await ChainWrites(environment: environment)
        var batch = RecordBatch()
        var recorded = inspection
        var raised: [Recommendation] = []
        for (offset, item) in recommendations.enumerated() {
            let recommendation = Recommendation(
                id: Recommendation.ID(rawValue: "\(inspection.id)-rec-\(offset + 1)") ?? environment.ids.make(),
                source: Recommendation.Source(.inspection, record: inspection.reference, title: inspection.title),
                text: item.text,
                ownerAgency: item.owner,
                themes: item.themes,
                raisedOn: inspection.reportedOn,
                dueOn: item.dueOn
            )
            try chain.raise(recommendation, in: &batch)
            raised.append(recommendation)
        }
        recorded.recommendations = raised.map(\.id)
        try batch.save(recorded, version: 0)
        try chain.finish(into: &batch)
        try await environment.records.commit(batch, by: principal)
        return (recorded, raised)
    }

    /// Records a survey, and its results as the partnership's observations of the measures it feeds
    /// for its period (replacing an earlier value for that period), in one transaction: a survey
    /// recorded twice is refused and its figures are not written again.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for no responses, no findings, or a result that is
    ///   negative or not a number (naming the measure); `DomainError.Code.accessDenied` unless the
    ///   principal may write measure data; `duplicate` for a survey already recorded.
    @discardableResult
    public func record(_ survey: Survey, by principal: Principal) async throws -> Survey {
        guard survey.responses > 0 else {
            throw DomainError(
                .invalidInput,
                "survey \(survey.id) has \(survey.responses) responses; expected at least 1"
            )
        }
        guard survey.findings.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw DomainError(.invalidInput, "survey \(survey.id) records no findings; say what it found")
        }
        if let bad = survey.results.first(where: { !$0.value.isFinite || $0.value < 0 }) {
            throw DomainError(
                .invalidInput,
                "survey \(survey.id): the result for \(bad.key) is \(bad.value); expected a number of 0 or more"
            )
        }
        var batch = RecordBatch()
        try batch.save(survey, version: 0)
        try batch.append(survey.observations, mode: .replaceExisting)
        try await environment.records.commit(batch, by: principal)
        return survey
    }
}
