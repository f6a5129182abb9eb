import Foundation

/// A role a principal holds in the partnership: a kind, and the agency or group it is held for.
///
/// The package's roles are the static members; a host adds its own kinds and tells the policy what
/// they may do (``RolePolicy/init(sharedCategories:agencyWritableCategories:grants:)``):
///
/// ```swift
/// extension Role.Kind {
///     static let exploitationCoordinator: Role.Kind = "exploitation-coordinator"
/// }
/// let coordinator = Principal(id: "kim", roles: [Role(.exploitationCoordinator)])
/// ```
public struct Role: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of a role: an open set.
    public struct Kind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
        ExpressibleByStringLiteral
    {
        /// The kind's name.
        public let rawValue: String
        /// Creates a kind from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a kind from a literal name.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The kind's name, with hyphens as spaces, such as `agency lead`.
        public var description: String { rawValue.replacingOccurrences(of: "-", with: " ") }
        /// Orders kinds by name.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The partnership lead: may do everything.
        public static let partnershipLead: Kind = "partnership-lead"
        /// The quality assurance lead: may do everything, including moderation.
        public static let qaLead: Kind = "qa-lead"
        /// The chair of a group: manages that group's records and findings.
        public static let groupChair: Kind = "group-chair"
        /// An agency's lead: reads and writes only that agency's records.
        public static let agencyLead: Kind = "agency-lead"
        /// An auditor: reads the audit programme and audit case records and completes case returns.
        public static let auditor: Kind = "auditor"
        /// The independent scrutineer: reads everything and records challenge.
        public static let independentScrutineer: Kind = "independent-scrutineer"
        /// A viewer: reads published reports only.
        public static let viewer: Kind = "viewer"
        /// The package's own principal in the assurance cycle.
        public static let system: Kind = "system"
    }

    /// The kind of role.
    public var kind: Kind
    /// The agency the role is held for, such as an agency lead's agency.
    public var agency: Agency.ID?
    /// The group the role is held for, such as a chair's group.
    public var group: Group.ID?

    /// Creates a role.
    public init(_ kind: Kind, agency: Agency.ID? = nil, group: Group.ID? = nil) {
        self.kind = kind
        self.agency = agency
        self.group = group
    }

    /// The partnership lead: may do everything.
    public static let partnershipLead = Role(.partnershipLead)
    /// The quality assurance lead: may do everything, including moderation.
    public static let qaLead = Role(.qaLead)
    /// An auditor.
    public static let auditor = Role(.auditor)
    /// The independent scrutineer.
    public static let independentScrutineer = Role(.independentScrutineer)
    /// A viewer of published reports.
    public static let viewer = Role(.viewer)
    /// The package's own principal in the assurance cycle.
    public static let system = Role(.system)

    /// The chair of a group.
    public static func groupChair(_ group: Group.ID) -> Role { Role(.groupChair, group: group) }

    /// The lead of an agency.
    public static func agencyLead(_ agency: Agency.ID) -> Role { Role(.agencyLead, agency: agency) }

    /// Text such as `agency lead for police` or `QA lead`.
    public var description: String {
        let name =
            switch kind {
            case .qaLead: "QA lead"
            case .groupChair: "chair"
            default: kind.description
            }
        if let agency { return "\(name) for \(agency)" }
        if let group { return kind == .groupChair ? "chair of \(group)" : "\(name) for \(group)" }
        return name
    }
}
