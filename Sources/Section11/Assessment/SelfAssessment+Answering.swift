public import Domain

/// Why an answer was refused: which of the answers, which of its fields, and what is wrong.
struct AnswerProblem: Error {
    /// The position of the answer among those given.
    var index: Int
    /// The field at fault: `criterion`, `rating` or `moderatedRating`.
    var field: String
    /// What is wrong and what was expected.
    var message: String
    /// The criterion the answer names.
    var criterion: CriterionCode? = nil
    /// The value at fault.
    var value: String? = nil

    /// The problem as the error a host acts on: which answer, which field, which criterion and value.
    func error(in assessment: SelfAssessment) -> DomainError {
        DomainError(
            .invalidInput,
            message,
            context: .init(
                record: assessment.reference,
                field: field,
                index: index,
                value: value ?? criterion?.rawValue
            )
        )
    }
}

extension SelfAssessment {
    /// Applies answers to criteria, the one way an agency's answers reach its assessment: from the
    /// service, one or many at a time, and from an imported file.
    ///
    /// Each criterion is answered at most once and must be the assessment's; a rating must be on the
    /// set's scale; a moderated rating is moderation's to set. Moderation and challenge already
    /// recorded on a criterion are kept, and a carried-forward answer becomes the agency's own.
    mutating func answer(_ responses: [CriterionResponse], on scale: RatingScale) throws(AnswerProblem) {
        guard !responses.isEmpty else {
            throw AnswerProblem(index: 0, field: "responses", message: "no answers were given; give at least one")
        }
        var answered = Set<CriterionCode>()
        for (position, response) in responses.enumerated() {
            guard answered.insert(response.criterion).inserted else {
                throw AnswerProblem(
                    index: position,
                    field: "criterion",
                    message:
                        "criterion \(DomainError.quote(response.criterion)) is answered twice; answer each criterion once",
                    criterion: response.criterion
                )
            }
            guard let index = self.responses.firstIndex(where: { $0.criterion == response.criterion }) else {
                throw AnswerProblem(
                    index: position,
                    field: "criterion",
                    message: "\(DomainError.quote(response.criterion)) is not a criterion of \(agency)'s assessment",
                    criterion: response.criterion
                )
            }
            if response.moderatedRating != nil, response.moderatedRating != self.responses[index].moderatedRating {
                throw AnswerProblem(
                    index: position,
                    field: "moderatedRating",
                    message: "criterion \(response.criterion): moderated ratings are set by moderation, not by the "
                        + "agency's answers",
                    criterion: response.criterion,
                    value: response.moderatedRating?.rawValue
                )
            }
            if let rating = response.selfRating, scale.level(rating) == nil {
                throw AnswerProblem(
                    index: position,
                    field: "rating",
                    message: "criterion \(response.criterion): rating \(DomainError.quote(rating)) is not on the "
                        + "\(scale.name) scale; expected one of "
                        + scale.levels.map(\.code.rawValue).joined(separator: ", "),
                    criterion: response.criterion,
                    value: rating.rawValue
                )
            }
            var updated = response
            updated.moderatedRating = self.responses[index].moderatedRating
            updated.challenges = self.responses[index].challenges
            updated.carriedForward = nil
            self.responses[index] = updated
        }
    }
}

extension SelfAssessment {
    /// The assessment with each tracked action as the one tracker has it: its text, due day and
    /// completion are the tracker's, so that every reader of the assessment sees one list.
    public func trackingActions(in tracker: [TrackedAction.ID: TrackedActionSummary]) -> SelfAssessment {
        var assessment = self
        for (index, response) in responses.enumerated() {
            guard let actions = response.actions, actions.contains(where: { $0.tracked != nil }) else { continue }
            assessment.responses[index].actions = actions.map { action in
                guard let tracked = action.tracked.flatMap({ tracker[$0] }) else { return action }
                var current = action
                current.text = tracked.text
                current.dueOn = tracked.dueOn
                current.completedOn = tracked.status.isComplete ? (tracked.completedOn ?? tracked.dueOn) : nil
                return current
            }
        }
        return assessment
    }

    /// The assessment with each tracked action as the whole records of the tracker have it.
    public func trackingActions(in tracker: [TrackedAction.ID: TrackedAction]) -> SelfAssessment {
        trackingActions(in: tracker.mapValues(TrackedActionSummary.init))
    }
}
