public import Domain
import Foundation

extension SelfAssessments {
    /// Records an agency's re-rating of a criterion as evidence of impact on a recommendation, in the
    /// one action tracker, with the later assessment as its source.
    ///
    /// The judgement follows the ratings: a criterion now rated green is `embedded`; one rated better
    /// than before but not green is `progressing`; one no better is `notAchieved`, which is recorded
    /// too, and on which the recommendation cannot close. The earlier rating is the one the agency
    /// gave on the recommendation's own return, when the recommendation is an agency's; a
    /// partnership-wide gap has none, and only green then shows change.
    ///
    /// - Parameters:
    ///   - recommendation: The recommendation the re-rating bears on.
    ///   - criterion: The criterion re-rated.
    ///   - later: The returned assessment that re-rates it.
    ///   - actions: The recommendation's actions the re-rating bears on.
    ///   - principal: Who records it.
    /// - Returns: The impact record.
    /// - Throws: `DomainError.Code.invalidInput` when the later assessment is not yet returned, does
    ///   not rate the criterion, or is not later than the recommendation's return;
    ///   `DomainError.Code.notFound` for an unknown recommendation or assessment.
    @discardableResult
    public func recordReRating(
        of recommendation: Recommendation.ID,
        criterion: CriterionCode,
        in later: SelfAssessment.ID,
        actions: [TrackedAction.ID] = [],
        by principal: Principal
    ) async throws -> ImpactRecord {
        let held = try await records.require(Recommendation.self, id: recommendation, as: principal).value
        let after = try await records.require(SelfAssessment.self, id: later, as: principal).value
        guard after.status.isReturned else {
            throw DomainError(
                .invalidInput,
                "assessment \(later) is \(after.status); a re-rating counts as evidence once the assessment is returned"
            )
        }
        let set = try await standardSet(after.standardSet)
        guard let now = after.response(criterion)?.standingRating, let nowLevel = set.scale.level(now) else {
            throw DomainError(
                .invalidInput,
                "assessment \(later) does not rate criterion \(criterion); expected a rating on the scale \(set.scale.name)"
            )
        }
        var before: (SelfAssessment, RatingLevel)?
        if let source = held.source.record, source.type == SelfAssessment.recordType,
            let earlier = try await records.load(SelfAssessment.self, id: source.id.retyped(), as: .system)
        {
            guard earlier.value.id != later else {
                throw DomainError(
                    .invalidInput,
                    "assessment \(later) is the return recommendation \(recommendation) came from; re-rate in a later one"
                )
            }
            if let rating = earlier.value.response(criterion)?.standingRating, let level = set.scale.level(rating) {
                before = (earlier.value, level)
            }
        }
        let judgement: ImpactRecord.Judgement =
            if nowLevel.rag == .green {
                .embedded
            } else if let before, nowLevel.rank > before.1.rank {
                .progressing
            } else {
                .notAchieved
            }
        let movement = before.map { " from \($0.1.label.lowercased())" } ?? ""
        let summary =
            "Criterion \(criterion) re-rated \(nowLevel.label.lowercased())\(movement) in assessment \(later)."
        return try await ActionTracker(environment: environment).recordImpact(
            of: recommendation,
            judgement: judgement,
            evidence: [ImpactRecord.Evidence(kind: .reRating, summary: summary, reference: after.reference)],
            source: after.reference,
            actions: actions,
            by: principal
        )
    }
}
