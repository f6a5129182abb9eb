public import Domain

/// One criterion's answer in an assessment.
public struct CriterionResponse: Hashable, Sendable, Codable {
    /// A challenge raised against a response during moderation or scrutiny.
    public struct Challenge: Hashable, Sendable, Codable {
        /// Who challenged.
        public var by: Principal.ID
        /// When.
        public var on: Day
        /// The challenge.
        public var text: String

        /// Creates a challenge.
        public init(by: Principal.ID, on: Day, text: String) {
            self.by = by
            self.on = on
            self.text = text
        }
    }

    /// The criterion's code.
    public var criterion: CriterionCode
    /// The agency's own rating: a level code of the set's scale.
    public var selfRating: RatingCode?
    /// The rating after moderation, kept apart from the self-rating.
    public var moderatedRating: RatingCode?
    /// References to the evidence.
    public var evidence: [EvidenceReference]?
    /// The agency's narrative.
    public var narrative: String?
    /// Areas for improvement.
    public var areasForImprovement: String?
    /// Actions to close the gap.
    public var actions: [AssessmentAction]?
    /// Challenges raised against the response.
    public var challenges: [Challenge]?
    /// Whether the answer was carried forward from the previous cycle and not yet changed.
    public var carriedForward: Bool?

    /// Creates a response.
    public init(
        criterion: CriterionCode,
        selfRating: RatingCode? = nil,
        evidence: [EvidenceReference]? = nil,
        narrative: String? = nil,
        areasForImprovement: String? = nil,
        actions: [AssessmentAction]? = nil
    ) {
        self.criterion = criterion
        self.selfRating = selfRating
        self.evidence = evidence
        self.narrative = narrative
        self.areasForImprovement = areasForImprovement
        self.actions = actions
    }

    /// The rating that stands: the moderated one where there is one.
    public var standingRating: RatingCode? { moderatedRating ?? selfRating }
}
