/// A meeting of a group, with the agencies invited and the agencies that attended.
public struct Meeting: StorableRecord, IdentifierKind, Hashable {
    /// The type of the meeting's identifier.
    public typealias ID = Identifier<Meeting>
    /// The noun used in messages.
    public static var noun: String { "meeting" }
    /// `domain.meeting`.
    public static var recordType: RecordType { "domain.meeting" }

    /// The meeting's id.
    public var id: Meeting.ID
    /// The group that met.
    public var group: Group.ID
    /// The day of the meeting.
    public var day: Day
    /// The agencies invited, in id order.
    public var invited: [Agency.ID]
    /// The agencies that attended, in id order.
    public var attended: [Agency.ID]

    /// Creates a meeting; the agency lists are kept sorted and without repeats.
    public init(id: Meeting.ID, group: Group.ID, day: Day, invited: [Agency.ID], attended: [Agency.ID]) {
        self.id = id
        self.group = group
        self.day = day
        self.invited = Array(Set(invited)).sorted()
        self.attended = Array(Set(attended)).sorted()
    }

    /// Indexed by group and the month of the meeting.
    public var index: RecordIndex {
        RecordIndex(group: group, period: .containing(day, kind: .month))
    }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: group) }
}

/// A sub-group's or project's report to the Executive: impact and outcomes, barriers, escalations.
public struct GroupReport: StorableRecord, IdentifierKind, Hashable {
    /// The type of the groupreport's identifier.
    public typealias ID = Identifier<GroupReport>
    /// The noun used in messages.
    public static var noun: String { "group report" }
    /// `domain.group-report`.
    public static var recordType: RecordType { "domain.group-report" }

    /// The report's id.
    public var id: GroupReport.ID
    /// The group that reported.
    public var group: Group.ID
    /// The group reported to, usually the Executive.
    public var to: Group.ID?
    /// The day the report was submitted.
    public var submittedOn: Day
    /// The impact and outcomes the group reports.
    public var impactAndOutcomes: String
    /// Barriers the group formally raises.
    public var barriers: [String]
    /// Escalations the group formally raises.
    public var escalations: [String]

    /// Creates a group report.
    public init(
        id: GroupReport.ID,
        group: Group.ID,
        to: Group.ID? = nil,
        submittedOn: Day,
        impactAndOutcomes: String,
        barriers: [String] = [],
        escalations: [String] = []
    ) {
        self.id = id
        self.group = group
        self.to = to
        self.submittedOn = submittedOn
        self.impactAndOutcomes = impactAndOutcomes
        self.barriers = barriers
        self.escalations = escalations
    }

    /// Indexed by group and month.
    public var index: RecordIndex { RecordIndex(group: group, period: .containing(submittedOn, kind: .month)) }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: group) }
}

/// The QA lead's scrutiny session with a group's chair or a project's lead.
///
/// It looks at the group's outcomes and its impact on children and families, and decides whether
/// the group should continue, with a plan for an ending where it should not.
public struct ScrutinySession: StorableRecord, IdentifierKind, Hashable {
    /// The type of the scrutinysession's identifier.
    public typealias ID = Identifier<ScrutinySession>
    /// The noun used in messages.
    public static var noun: String { "scrutiny session" }
    /// `domain.scrutiny-session`.
    public static var recordType: RecordType { "domain.scrutiny-session" }

    /// The session's id.
    public var id: ScrutinySession.ID
    /// The group scrutinised.
    public var group: Group.ID
    /// The day the session was held.
    public var heldOn: Day
    /// Who led the session.
    public var ledBy: Principal.ID?
    /// The group's outcomes, as found.
    public var outcomes: String
    /// The impact of the group's work on the lives of children and families.
    public var impactOnChildrenAndFamilies: String
    /// Whether the group should continue.
    public var shouldContinue: Bool
    /// The plan for an ending, where the group should not continue.
    public var endingPlan: String?

    /// Creates a scrutiny session.
    public init(
        id: ScrutinySession.ID,
        group: Group.ID,
        heldOn: Day,
        ledBy: Principal.ID? = nil,
        outcomes: String,
        impactOnChildrenAndFamilies: String,
        shouldContinue: Bool = true,
        endingPlan: String? = nil
    ) {
        self.id = id
        self.group = group
        self.heldOn = heldOn
        self.ledBy = ledBy
        self.outcomes = outcomes
        self.impactOnChildrenAndFamilies = impactOnChildrenAndFamilies
        self.shouldContinue = shouldContinue
        self.endingPlan = endingPlan
    }

    /// Indexed by group and month.
    public var index: RecordIndex { RecordIndex(group: group, period: .containing(heldOn, kind: .month)) }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: group) }
}
