/// What a report is asked for: its kind, period, audience, the day it is made and, for a group's
/// report, the group.
public struct ReportRequest: Hashable, Sendable {
    /// The kind of report.
    public var kind: ReportKind
    /// The period it covers.
    public var period: ReportingPeriod
    /// Who it is for.
    public var audience: Audience
    /// The day it is made: the assurance cycle's day.
    public var day: Day
    /// The group, for a sub-group report or scrutiny pack.
    public var group: Group.ID?

    /// Creates a request.
    public init(kind: ReportKind, period: ReportingPeriod, audience: Audience, day: Day, group: Group.ID? = nil) {
        self.kind = kind
        self.period = period
        self.audience = audience
        self.day = day
        self.group = group
    }
}
