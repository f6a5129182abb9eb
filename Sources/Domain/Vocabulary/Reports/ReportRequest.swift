/// What a report is asked for: its kind, period, audience, the day it is made and, for a group's
/// report, the group, or for an agency's, the agency.
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
    /// The agency, for an agency's feedback report.
    public var agency: Agency.ID?

    /// Creates a request.
    public init(
        kind: ReportKind,
        period: ReportingPeriod,
        audience: Audience,
        day: Day,
        group: Group.ID? = nil,
        agency: Agency.ID? = nil
    ) {
        self.kind = kind
        self.period = period
        self.audience = audience
        self.day = day
        self.group = group
        self.agency = agency
    }
}
