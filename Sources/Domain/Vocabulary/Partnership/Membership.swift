/// An agency's membership of a group.
public struct Membership: StorableRecord, IdentifierKind, Hashable {
    /// The type of the membership's identifier.
    public typealias ID = Identifier<Membership>
    /// The noun used in messages.
    public static var noun: String { "membership" }
    /// `domain.membership`.
    public static var recordType: RecordType { "domain.membership" }

    /// The role a member holds in a group.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        /// The chair.
        case chair
        /// The vice-chair.
        case viceChair = "vice-chair"
        /// A member who represents an agency.
        case member
        /// An adviser who attends without representing an agency.
        case adviser
    }

    /// The membership's id.
    public var id: Membership.ID
    /// The group.
    public var group: Group.ID
    /// The agency the member represents.
    public var agency: Agency.ID
    /// The person, if the host names one.
    public var principal: Principal.ID?
    /// The role held.
    public var role: Role
    /// The first day of the membership.
    public var since: Day
    /// The last day of the membership, if it has ended.
    public var until: Day?

    /// Creates a membership.
    public init(
        id: Membership.ID,
        group: Group.ID,
        agency: Agency.ID,
        principal: Principal.ID? = nil,
        role: Role = .member,
        since: Day,
        until: Day? = nil
    ) {
        self.id = id
        self.group = group
        self.agency = agency
        self.principal = principal
        self.role = role
        self.since = since
        self.until = until
    }

    /// Indexed by group and agency.
    public var index: RecordIndex { RecordIndex(agency: agency, group: group) }
    /// Structure, scoped to the group and agency.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, agency: agency, group: group) }
}
