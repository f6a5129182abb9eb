public import Domain

/// A cycle of self-assessment: the partnership issues a standard set to the agencies it invites, with
/// a deadline for returns and a window for challenge.
public struct AssessmentCycle: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "cycle" }
    /// The type of the cycle's identifier.
    public typealias ID = Identifier<AssessmentCycle>
    /// `section11.cycle`.
    public static var recordType: RecordType { "section11.cycle" }

    /// Whether a cycle is still running.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Open for returns, challenge and moderation.
        case open
        /// Closed.
        case closed
    }

    /// The cycle's id.
    public var id: AssessmentCycle.ID
    /// Its name, such as `Section 11 2025–26`.
    public var name: String
    /// The duty it assesses.
    public var duty: AssessmentDuty
    /// The standard set issued.
    public var standardSet: StandardSet.ID
    /// How often the cycle runs (yearly or every two years).
    public var cadence: Cadence
    /// The day the tool was issued.
    public var issuedOn: Day
    /// The day returns are due.
    public var returnDeadline: Day
    /// The first day of the challenge window.
    public var challengeFrom: Day
    /// The last day of the challenge window.
    public var challengeUntil: Day
    /// The agencies invited.
    public var invited: [Agency.ID]
    /// The cycle before, whose answers are carried forward.
    public var previous: AssessmentCycle.ID?
    /// Whether it is still running.
    public var status: Status

    /// Creates a cycle.
    public init(
        id: AssessmentCycle.ID,
        name: String,
        duty: AssessmentDuty,
        standardSet: StandardSet.ID,
        cadence: Cadence,
        issuedOn: Day,
        returnDeadline: Day,
        challengeFrom: Day,
        challengeUntil: Day,
        invited: [Agency.ID],
        previous: AssessmentCycle.ID? = nil
    ) {
        self.id = id
        self.name = name
        self.duty = duty
        self.standardSet = standardSet
        self.cadence = cadence
        self.issuedOn = issuedOn
        self.returnDeadline = returnDeadline
        self.challengeFrom = challengeFrom
        self.challengeUntil = challengeUntil
        self.invited = invited
        self.previous = previous
        self.status = .open
    }

    /// Indexed by status and due day.
    public var index: RecordIndex { RecordIndex(status: status.rawValue, dueDay: returnDeadline, key: duty.rawValue) }
    /// A cycle, readable by every agency.
    public var accessScope: AccessScope { AccessScope(.section11Cycle) }
}

/// An action an agency commits to, to close a gap a criterion found.
public struct AssessmentAction: Hashable, Sendable, Codable {
    /// A progress update on an action, with its evidence.
    public struct Progress: Hashable, Sendable, Codable {
        /// The day of the update.
        public var on: Day
        /// What has happened.
        public var text: String
        /// Evidence of progress.
        public var evidence: [EvidenceReference]?

        /// Creates an update.
        public init(on: Day, text: String, evidence: [EvidenceReference]? = nil) {
            self.on = on
            self.text = text
            self.evidence = evidence
        }
    }

    /// A short id, unique in its assessment.
    public var id: String
    /// What will be done.
    public var text: String
    /// Who owns it, by role or name in the agency.
    public var owner: String
    /// The day it is due.
    public var dueOn: Day
    /// The day it was completed, if it has been.
    public var completedOn: Day?
    /// Progress updates, oldest first.
    public var progress: [Progress]?

    /// Creates an action.
    public init(
        id: String,
        text: String,
        owner: String,
        dueOn: Day,
        completedOn: Day? = nil,
        progress: [Progress]? = nil
    ) {
        self.id = id
        self.text = text
        self.owner = owner
        self.dueOn = dueOn
        self.completedOn = completedOn
        self.progress = progress
    }

    /// Whether the action is open and past its due day.
    public func isOverdue(on day: Day) -> Bool { completedOn == nil && dueOn < day }
}

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
    public var criterion: String
    /// The agency's own rating: a level code of the set's scale.
    public var selfRating: String?
    /// The rating after moderation, kept apart from the self-rating.
    public var moderatedRating: String?
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
        criterion: String,
        selfRating: String? = nil,
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
    public var standingRating: String? { moderatedRating ?? selfRating }
}

/// An agency's self-assessment in a cycle.
///
/// Lifecycle: invited → in progress → submitted → under challenge → moderated → accepted, or
/// returned for rework with a reason (and then in progress and submitted again).
public struct SelfAssessment: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "assessment" }
    /// The type of the assessment's identifier.
    public typealias ID = Identifier<SelfAssessment>
    /// `section11.assessment`.
    public static var recordType: RecordType { "section11.assessment" }

    /// Where an assessment is in its lifecycle.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// Issued to the agency, not yet started.
        case invited
        /// The agency is completing it.
        case inProgress = "in-progress"
        /// Returned to the partnership.
        case submitted
        /// Being challenged.
        case underChallenge = "under-challenge"
        /// Moderated: ratings confirmed or changed.
        case moderated
        /// Accepted by the partnership.
        case accepted
        /// Returned to the agency for rework.
        case returned

        /// The status's name.
        public var description: String { rawValue }

        /// Whether the agency has returned it (submitted or any later step, but not sent back).
        public var isReturned: Bool { [.submitted, .underChallenge, .moderated, .accepted].contains(self) }
    }

    /// A step of the lifecycle.
    public struct Step: Hashable, Sendable, Codable {
        /// The status reached.
        public var status: Status
        /// When.
        public var on: Day
        /// Who took the step.
        public var by: Principal.ID
        /// Why, for a return for rework.
        public var reason: String?

        /// Creates a step.
        public init(status: Status, on: Day, by: Principal.ID, reason: String? = nil) {
            self.status = status
            self.on = on
            self.by = by
            self.reason = reason
        }
    }

    /// The assessment's id.
    public var id: SelfAssessment.ID
    /// The cycle.
    public var cycle: AssessmentCycle.ID
    /// The agency assessed.
    public var agency: Agency.ID
    /// The standard set version it is made against.
    public var standardSet: StandardSet.ID
    /// Where it is in its lifecycle.
    public var status: Status
    /// The responses, one per criterion that applies to the agency.
    public var responses: [CriterionResponse]
    /// Every step taken, oldest first.
    public var steps: [Step]

    /// Creates an invited assessment.
    public init(
        id: SelfAssessment.ID,
        cycle: AssessmentCycle.ID,
        agency: Agency.ID,
        standardSet: StandardSet.ID,
        responses: [CriterionResponse],
        invitedOn: Day,
        invitedBy: Principal.ID
    ) {
        self.id = id
        self.cycle = cycle
        self.agency = agency
        self.standardSet = standardSet
        self.status = .invited
        self.responses = responses
        self.steps = [Step(status: .invited, on: invitedOn, by: invitedBy)]
    }

    /// The response to a criterion.
    public func response(_ criterion: String) -> CriterionResponse? { responses.first { $0.criterion == criterion } }

    /// The day it was last submitted.
    public var submittedOn: Day? { steps.last { $0.status == .submitted }?.on }

    /// The day it was last returned for rework.
    public var returnedOn: Day? { steps.last { $0.status == .returned }?.on }

    /// Every action of every response.
    public var actions: [(criterion: String, action: AssessmentAction)] {
        responses.flatMap { response in (response.actions ?? []).map { (response.criterion, $0) } }
    }

    /// Indexed by agency, status and cycle.
    public var index: RecordIndex { RecordIndex(agency: agency, status: status.rawValue, parent: cycle.retyped()) }
    /// An agency's assessment: its lead reads and writes it, no other agency sees it.
    public var accessScope: AccessScope { AccessScope(.section11Assessment, agency: agency) }
}
