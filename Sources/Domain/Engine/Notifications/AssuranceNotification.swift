/// A message to the people at a level of the partnership: a finding raised or escalated, or anything
/// else a host wants delivered through its sinks.
///
/// The ``key`` is stable (for a finding, its id and level), so the same thing is never delivered
/// twice, across restarts too.
public struct AssuranceNotification: Hashable, Sendable, Codable {
    /// The stable key that identifies what is being notified.
    public var key: String
    /// A one-line subject.
    public var subject: String
    /// The body.
    public var body: String
    /// The level that must act.
    public var level: EscalationLevel?
    /// How serious it is.
    public var severity: Severity?
    /// The agency concerned.
    public var agency: Agency.ID?
    /// The group concerned.
    public var group: Group.ID?
    /// The record it is about.
    public var about: RecordReference?
    /// The rule that raised the finding it is about, if it is about one: a sink routes or filters by it.
    public var rule: RuleID?
    /// The day it was raised.
    public var raisedOn: Day

    /// Creates a notification.
    public init(
        key: String,
        subject: String,
        body: String,
        level: EscalationLevel? = nil,
        severity: Severity? = nil,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        about: RecordReference? = nil,
        rule: RuleID? = nil,
        raisedOn: Day
    ) {
        self.rule = rule
        self.key = key
        self.subject = subject
        self.body = body
        self.level = level
        self.severity = severity
        self.agency = agency
        self.group = group
        self.about = about
        self.raisedOn = raisedOn
    }
}
