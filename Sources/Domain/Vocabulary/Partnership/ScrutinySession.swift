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
