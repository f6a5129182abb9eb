public import Domain
import Foundation

extension SelfAssessments {
    // MARK: The partnership's steps

    /// Puts a submitted assessment under challenge.
    @discardableResult
    public func openChallenge(
        _ assessment: SelfAssessment.ID,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, _, day in
            guard assessment.status == .submitted else {
                throw transition(assessment, "put under challenge", allowed: "once it is submitted")
            }
            assessment.advance(to: .underChallenge, on: day, by: principal.id)
        }
    }

    /// Records a challenge against a criterion's answer (the independent scrutineer may).
    @discardableResult
    public func challenge(
        _ criterion: CriterionCode,
        of assessment: SelfAssessment.ID,
        _ text: String,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .challenge, by: principal) { assessment, _, day in
            guard [.submitted, .underChallenge, .moderated].contains(assessment.status) else {
                throw transition(assessment, "challenged", allowed: "once it is submitted")
            }
            guard let index = assessment.responses.firstIndex(where: { $0.criterion == criterion }) else {
                throw DomainError(
                    .invalidInput,
                    "criterion \(DomainError.quote(criterion)) is not one of assessment \(assessment.id)'s criteria"
                )
            }
            assessment.responses[index].challenges =
                (assessment.responses[index].challenges ?? []) + [
                    CriterionResponse.Challenge(by: principal.id, on: day, text: text)
                ]
        }
    }

    /// Moderates an assessment under challenge: sets moderated ratings, kept apart from the self-ratings.
    ///
    /// - Parameters:
    ///   - assessment: The assessment.
    ///   - ratings: Moderated ratings by criterion; a criterion left out keeps its self-rating.
    ///   - principal: Who moderates: the QA lead.
    /// - Returns: The assessment at its new version.
    /// - Throws: `DomainError.Code.invalidTransition` unless it is under challenge;
    ///   `DomainError.Code.invalidInput` for a criterion or rating not in the set.
    @discardableResult
    public func moderate(
        _ assessment: SelfAssessment.ID,
        ratings: [CriterionCode: RatingCode],
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, set, day in
            guard assessment.status == .underChallenge else {
                throw transition(assessment, "moderated", allowed: "while it is under challenge")
            }
            for (criterion, rating) in ratings.sorted(by: { $0.key < $1.key }) {
                guard let index = assessment.responses.firstIndex(where: { $0.criterion == criterion }) else {
                    throw DomainError(
                        .invalidInput,
                        "criterion \(DomainError.quote(criterion)) is not one of assessment \(assessment.id)'s criteria"
                    )
                }
                _ = try set.scale.requireLevel(rating)
                assessment.responses[index].moderatedRating = rating
            }
            assessment.advance(to: .moderated, on: day, by: principal.id)
        }
    }

    /// Accepts a moderated assessment.
    @discardableResult
    public func accept(
        _ assessment: SelfAssessment.ID,
        by principal: Principal
    ) async throws -> Versioned<SelfAssessment> {
        try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, _, day in
            guard assessment.status == .moderated else {
                throw transition(assessment, "accepted", allowed: "once it is moderated")
            }
            assessment.advance(to: .accepted, on: day, by: principal.id)
        }
    }

    /// Returns an assessment to the agency for rework, with the reason.
    @discardableResult
    public func returnForRework(
        _ assessment: SelfAssessment.ID,
        reason: String,
        by principal: Principal
    ) async throws
        -> Versioned<SelfAssessment>
    {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "returning assessment \(assessment) for rework needs a reason the agency can act on"
            )
        }
        return try await change(assessment, version: nil, as: .moderate, by: principal) { assessment, _, day in
            guard [.submitted, .underChallenge, .moderated].contains(assessment.status) else {
                throw transition(
                    assessment,
                    "returned for rework",
                    allowed: "once it is submitted and before it is accepted"
                )
            }
            assessment.advance(to: .returned, on: day, by: principal.id, reason: reason)
        }
    }

    // MARK: Recommendations

    /// Turns a cycle's system-wide gaps into recommendations for the one action tracker, once each.
    ///
    /// - Returns: The recommendations created (none for gaps already recommended on).
    @discardableResult
    public func raiseRecommendations(
        for cycleID: AssessmentCycle.ID,
        gapShare: Double = 0.25,
        by principal: Principal
    ) async throws -> [Recommendation] {
        let cycle = try await records.require(AssessmentCycle.self, id: cycleID, as: principal).value
        let set = try await standardSet(cycle.standardSet)
        let assessments = try await assessments(in: cycleID, as: .system).map(\.value)
        let agencies = try await records.byID(Agency.self)
        let analysis = Section11Analysis(
            set: set,
            assessments: assessments,
            agencies: agencies,
            on: environment.today()
        )
        let existing = Set(
            try await records.all(Recommendation.self, RecordFilter(parent: cycleID.retyped()), as: .system).map(
                \.value.id
            )
        )
        var batch = RecordBatch()
        var chain = try await ChainWrites(environment: environment)
        var created: [Recommendation] = []
        for gap in analysis.gaps(share: gapShare) {
            let id =
                Recommendation.ID(rawValue: "s11-\(cycleID)-\(gap.criterion)".replacingOccurrences(of: ".", with: "-"))
                ?? environment.ids.make()
            guard !existing.contains(id) else { continue }
            let recommendation = Recommendation(
                id: id,
                source: Recommendation.Source(.section11, record: cycle.reference, title: cycle.name),
                text:
                    "Partnership-wide gap on criterion \(gap.criterion) (\(gap.text)): \(gap.belowGreen) of \(gap.rated) agencies rated it \(set.scale.belowGreen). Agree a partnership action to close it.",
                themes: set.themes(of: gap.criterion),
                raisedOn: environment.today(),
                dueOn: environment.today().adding(months: 6)
            )
            try chain.raise(recommendation, in: &batch)
            created.append(recommendation)
        }
        try chain.finish(into: &batch)
        try await records.commit(batch, by: principal)
        return created
    }
}
