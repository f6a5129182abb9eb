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
    public package(set) var status: Status

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
    public var index: RecordIndex {
        RecordIndex(status: RecordStatus(status), dueDay: returnDeadline, key: duty.rawValue)
    }
    /// A cycle, readable by every agency.
    public var accessScope: AccessScope { AccessScope(.section11Cycle) }
}
