/// Someone (or something) acting on the partnership's records: the host supplies who is acting.
///
/// Every mutating API takes the acting principal, and the change log records it.
public struct Principal: Hashable, Sendable, Codable, Identifiable, IdentifierKind, CustomStringConvertible {
    /// The type of the principal's identifier.
    public typealias ID = Identifier<Principal>
    /// The noun used in messages.
    public static var noun: String { "principal" }

    /// The principal's id, chosen by the host.
    public var id: Principal.ID
    /// The roles the principal holds.
    public var roles: [Role]

    /// Creates a principal.
    public init(id: Principal.ID, roles: [Role]) {
        self.id = id
        self.roles = roles
    }

    /// The package itself, acting in the assurance cycle: raising, resolving and escalating findings.
    public static let system = Principal(id: "system", roles: [.system])

    /// The id and roles, such as `"jo" (agency lead for police)`, as error messages quote them.
    public var description: String {
        let roleText = roles.isEmpty ? "no role" : roles.map(\.description).joined(separator: ", ")
        return "\(DomainError.quote(id.rawValue)) (\(roleText))"
    }
}

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

/// An action a principal takes on a record.
public enum AccessAction: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Read the record.
    case read
    /// Create the record.
    case create
    /// Change the record, including moving it along its lifecycle.
    case update
    /// Delete the record.
    case delete
    /// Moderate: set a moderated rating or grade, accept or return a submission.
    case moderate
    /// Record challenge against the record.
    case challenge
    /// Record a decision on the record, such as the Executive's decision on a finding.
    case decide
    /// Administer the partnership's data: import, export, restore, run the assurance cycle.
    case administer

    /// The action's name.
    public var description: String { rawValue }
}
