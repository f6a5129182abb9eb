public import Domain

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
    /// Version 2: an action refers to its action in the one tracker.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged: its actions are not yet tracked.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

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
    public package(set) var status: Status
    /// The responses, one per criterion that applies to the agency.
    public var responses: [CriterionResponse]
    /// Every step taken, oldest first.
    public package(set) var steps: [Step]

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
    public func response(_ criterion: CriterionCode) -> CriterionResponse? {
        responses.first { $0.criterion == criterion }
    }

    /// The day it was last submitted.
    public var submittedOn: Day? { steps.last { $0.status == .submitted }?.on }

    /// The day it was last returned for rework.
    public var returnedOn: Day? { steps.last { $0.status == .returned }?.on }

    /// Every action of every response.
    public var actions: [(criterion: CriterionCode, action: AssessmentAction)] {
        responses.flatMap { response in (response.actions ?? []).map { (response.criterion, $0) } }
    }

    /// Indexed by agency, status and cycle.
    public var index: RecordIndex { RecordIndex(agency: agency, status: RecordStatus(status), parent: cycle.retyped()) }
    /// An agency's assessment: its lead reads and writes it, no other agency sees it.
    public var accessScope: AccessScope { AccessScope(.section11Assessment, agency: agency) }
}
