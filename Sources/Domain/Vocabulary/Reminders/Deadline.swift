/// Something owed by a day: what a module tells the framework so that the people who owe it are
/// reminded before it falls due.
///
/// A module lists its open deadlines in ``AssuranceModule/deadlines(in:on:)``; the assurance cycle
/// reminds the level and agency that owe each one a number of working days before its due day
/// (``ReminderPolicy``), once.
public struct Deadline: Hashable, Sendable {
    /// A stable key for the thing owed, the same on every day, such as `section11.return|a-17`.
    public var key: String
    /// Its kind, which sets how early the reminder comes.
    public var kind: DeadlineKind
    /// What is owed, as a sentence names it: `Constabulary's return to Section 11 2025`.
    public var what: String
    /// The day it is due.
    public var dueOn: Day
    /// The level that owes it.
    public var level: EscalationLevel
    /// The agency that owes it, if one does.
    public var agency: Agency.ID?
    /// The group that owes it, if one does.
    public var group: Group.ID?
    /// The record it is about.
    public var subject: RecordReference

    /// Creates a deadline.
    public init(
        key: String,
        kind: DeadlineKind,
        what: String,
        dueOn: Day,
        level: EscalationLevel,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        subject: RecordReference
    ) {
        self.key = key
        self.kind = kind
        self.what = what
        self.dueOn = dueOn
        self.level = level
        self.agency = agency
        self.group = group
        self.subject = subject
    }
}
