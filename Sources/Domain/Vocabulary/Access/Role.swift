/// A role a principal holds in the partnership.
public enum Role: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The partnership lead: may do everything.
    case partnershipLead
    /// The quality assurance lead: may do everything, including moderation.
    case qaLead
    /// The chair of a group: manages that group's records and findings.
    case groupChair(Group.ID)
    /// An agency's lead: reads and writes only that agency's records.
    case agencyLead(Agency.ID)
    /// An auditor: reads the audit programme and audit case records and completes case returns.
    case auditor
    /// The independent scrutineer: reads everything and records challenge.
    case independentScrutineer
    /// A viewer: reads published reports only.
    case viewer
    /// The package's own principal in the assurance cycle.
    case system

    /// Text such as `agency lead for police`.
    public var description: String {
        switch self {
        case .partnershipLead: "partnership lead"
        case .qaLead: "QA lead"
        case .groupChair(let group): "chair of \(group)"
        case .agencyLead(let agency): "agency lead for \(agency)"
        case .auditor: "auditor"
        case .independentScrutineer: "independent scrutineer"
        case .viewer: "viewer"
        case .system: "system"
        }
    }
}
