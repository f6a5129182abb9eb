public import Domain

/// A child protection clock recorded for a case, such as the initial conference within 15 working
/// days of the strategy discussion: started, and stopped when the event it waits for happens.
///
/// The case is a pseudonymous reference the host supplies; the package never stores a child's name,
/// date of birth or address. The clock is one of the statutory clocks (``StatutoryClock/starter``
/// holds the child protection ones), so its due day follows the same rule and source.
public struct CaseClock: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "case clock" }
    /// The type of the clock's identifier.
    public typealias ID = Identifier<CaseClock>
    /// `learning.case-clock`.
    public static var recordType: RecordType { "learning.case-clock" }

    /// The record's id.
    public var id: CaseClock.ID
    /// The statutory clock it runs.
    public var clock: StatutoryClock.ID
    /// The pseudonymous case reference.
    public var caseReference: CaseReference
    /// The agency that owes the event, if one does.
    public var agency: Agency.ID?
    /// The day it started.
    public var startedOn: Day
    /// The day it is due, by the clock's rule.
    public var dueOn: Day
    /// The day the event happened, if it has.
    public var stoppedOn: Day?

    /// Creates a running clock.
    public init(
        id: CaseClock.ID,
        clock: StatutoryClock.ID,
        caseReference: CaseReference,
        agency: Agency.ID?,
        startedOn: Day,
        dueOn: Day
    ) {
        self.id = id
        self.clock = clock
        self.caseReference = caseReference
        self.agency = agency
        self.startedOn = startedOn
        self.dueOn = dueOn
    }

    /// Indexed by agency and due day.
    public var index: RecordIndex { RecordIndex(agency: agency, dueDay: dueOn, key: clock.rawValue) }
    /// A case record of the agency's.
    public var accessScope: AccessScope { AccessScope(.auditCaseRecord, agency: agency) }
}
