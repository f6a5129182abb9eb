import Domain
import Foundation

extension SelfAssessments {
    /// Puts a submitted assessment's actions in the one action tracker, in the batch that submits it.
    ///
    /// Each criterion with actions has a recommendation, the agency's own, with the criterion's themes,
    /// placed in the themes' work streams; each action is a tracked action with the response as its
    /// origin, and the response refers to it. An action already tracked (resubmitted after rework, or
    /// carried forward from the last cycle) keeps its tracked action and its history; a changed text
    /// or due day is updated there.
    func track(
        _ assessment: inout SelfAssessment,
        set: StandardSet,
        agencyName: String,
        cycleName: String?,
        day: Day,
        chain: inout ChainWrites,
        batch: inout RecordBatch
    ) async throws {
        for (index, response) in assessment.responses.enumerated() {
            guard let actions = response.actions, !actions.isEmpty else { continue }
            let criterion = response.criterion
            let recommendationID = assessment.trackingRecommendationID(for: criterion)
            var held: [TrackedAction.ID: Versioned<TrackedAction>] = [:]
            for id in actions.compactMap(\.tracked) {
                held[id] = try await records.load(TrackedAction.self, id: id, as: .system)
            }
            // Actions carried forward from an earlier cycle serve that cycle's recommendation; the
            // rest serve this assessment's.
            let servesThis = actions.contains { action in
                action.tracked.flatMap { held[$0] }.map { $0.value.recommendation == recommendationID } ?? true
            }
            if servesThis {
                try await upsertRecommendation(
                    recommendationID,
                    for: assessment,
                    response: response,
                    set: set,
                    agencyName: agencyName,
                    cycleName: cycleName,
                    day: day,
                    chain: &chain,
                    batch: &batch
                )
            }
            var tracked: [AssessmentAction] = []
            for var action in actions {
                if let id = action.tracked, let existing = held[id] {
                    var updated = existing.value
                    updated.text = action.text
                    updated.lead = action.owner
                    updated.dueOn = action.dueOn
                    if updated != existing.value { try batch.save(updated, version: existing.version) }
                } else {
                    let new = assessment.trackedAction(
                        for: action,
                        on: criterion,
                        serving: recommendationID,
                        in: chain.stream(of: recommendationID),
                        day: day
                    )
                    try batch.save(new, version: 0)
                    let id = new.id
                    action.tracked = id
                }
                tracked.append(action)
            }
            assessment.responses[index].actions = tracked
        }
    }

    private func upsertRecommendation(
        _ id: Recommendation.ID,
        for assessment: SelfAssessment,
        response: CriterionResponse,
        set: StandardSet,
        agencyName: String,
        cycleName: String?,
        day: Day,
        chain: inout ChainWrites,
        batch: inout RecordBatch
    ) async throws {
        var recommendation = assessment.trackingRecommendation(
            for: response,
            set: set,
            agencyName: agencyName,
            cycleName: cycleName,
            day: day
        )
        guard let held = try await records.load(Recommendation.self, id: id, as: .system) else {
            try chain.raise(recommendation, in: &batch)
            return
        }
        // Keep what the tracker has made of it: its status, its closing and the day it was raised.
        recommendation.status = held.value.status
        recommendation.closedOn = held.value.closedOn
        recommendation.closingNote = held.value.closingNote
        recommendation.raisedOn = held.value.raisedOn
        if recommendation != held.value { try batch.save(recommendation, version: held.version) }
    }
}
