/// The reports the partnership produces.
public enum ReportKind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The Practice Development Group's balanced assurance report to the Executive.
    case practiceDevelopmentAssurance = "pdg-assurance"
    /// A sub-group's bi-monthly report to the Executive.
    case subGroupReport = "sub-group"
    /// The six-monthly scrutiny pack for a group or project.
    case scrutinyPack = "scrutiny-pack"
    /// The quarterly summary of the multi-agency safeguarding hub.
    case mashQuarterly = "mash-quarterly"
    /// The quarterly summary of the child protection conference chairs.
    case conferenceChairsQuarterly = "conference-chairs-quarterly"
    /// The yearly report, 1 April to 31 March.
    case yearly

    /// The report's title.
    public var description: String {
        switch self {
        case .practiceDevelopmentAssurance: "Practice Development Group assurance report to the Executive"
        case .subGroupReport: "Sub-group report to the Executive"
        case .scrutinyPack: "Six-monthly scrutiny pack"
        case .mashQuarterly: "MASH quarterly summary"
        case .conferenceChairsQuarterly: "Child protection conference chairs' quarterly summary"
        case .yearly: "Yearly report"
        }
    }
}

/// Who a report is for, which decides what it may disclose.
public enum Audience: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The partnership's own officers: everything.
    case `internal`
    /// The partners' boards and groups: everything but case references.
    case partnership
    /// The public: small numbers suppressed, no case references, no agency-level Section 11 ratings.
    case `public`

    /// The audience's name.
    public var description: String { rawValue }

    /// Orders from the most to the least trusted.
    public static func < (lhs: Audience, rhs: Audience) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

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
