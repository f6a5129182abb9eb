/// A reminder sent for a deadline: kept so that each deadline is reminded once for each due day.
///
/// The assurance cycle writes it with the notification it puts in the outbox; its id comes from the
/// deadline's key and due day, so a second cycle on the same day, or the next, finds it and sends
/// nothing. A deadline moved to a new due day is reminded again.
public struct Reminder: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "reminder" }
    /// The type of the reminder's identifier.
    public typealias ID = Identifier<Reminder>
    /// `domain.reminder`.
    public static var recordType: RecordType { "domain.reminder" }

    /// The reminder's id, from the deadline's key and due day.
    public var id: Reminder.ID
    /// The deadline's key.
    public var key: String
    /// The deadline's kind.
    public var kind: DeadlineKind
    /// What is owed.
    public var what: String
    /// The day it is due.
    public var dueOn: Day
    /// The day the reminder was sent.
    public var sentOn: Day
    /// The level reminded.
    public var level: EscalationLevel
    /// The agency reminded, if one.
    public var agency: Agency.ID?
    /// The group reminded, if one.
    public var group: Group.ID?
    /// The record the deadline is about.
    public var subject: RecordReference

    /// The reminder of a deadline, sent on a day.
    public init(_ deadline: Deadline, sentOn: Day) {
        self.id = Self.id(of: deadline)
        self.key = deadline.key
        self.kind = deadline.kind
        self.what = deadline.what
        self.dueOn = deadline.dueOn
        self.sentOn = sentOn
        self.level = deadline.level
        self.agency = deadline.agency
        self.group = deadline.group
        self.subject = deadline.subject
    }

    /// The id of a deadline's reminder: stable for its key and due day.
    public static func id(of deadline: Deadline) -> Reminder.ID {
        Identifier(unchecked: "r-" + StableHash.hex("\(deadline.key)|\(deadline.dueOn)"))
    }

    /// Indexed by agency and due day.
    public var index: RecordIndex { RecordIndex(agency: agency, dueDay: dueOn, key: kind.rawValue) }
    /// Read and written like findings.
    public var accessScope: AccessScope { AccessScope(.finding, agency: agency) }
}
