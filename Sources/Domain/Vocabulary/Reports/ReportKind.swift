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
