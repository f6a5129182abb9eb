/// How often something recurs, in whole months.
public struct Cadence: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The interval in months.
    public var months: Int

    /// Creates a cadence of a number of months.
    public init(months: Int) {
        self.months = months
    }

    /// Every month.
    public static let monthly = Cadence(months: 1)
    /// Every two months.
    public static let biMonthly = Cadence(months: 2)
    /// Every three months.
    public static let quarterly = Cadence(months: 3)
    /// Every six months.
    public static let sixMonthly = Cadence(months: 6)
    /// Every twelve months.
    public static let yearly = Cadence(months: 12)

    /// Text such as `monthly`, `bi-monthly` or `every 4 months`.
    public var description: String {
        switch months {
        case 1: "monthly"
        case 2: "bi-monthly"
        case 3: "quarterly"
        case 6: "six-monthly"
        case 12: "yearly"
        default: "every \(months) months"
        }
    }
}

/// The kind of a partnership group: an open set a host can extend.
public struct GroupKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind's name.
    public let rawValue: String
    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The kind's name.
    public var description: String { rawValue }

    /// The Executive: the accountable statutory partners.
    public static let executive = GroupKind(rawValue: "executive")
    /// The Practice Development Group: the hub of the change programme, performance and quality assurance.
    public static let practiceDevelopmentGroup = GroupKind(rawValue: "practice-development-group")
    /// The Quality Assurance Delivery Group: multi-agency audits and deep dives.
    public static let qualityAssuranceDeliveryGroup = GroupKind(rawValue: "quality-assurance-delivery-group")
    /// The Workforce Development Group.
    public static let workforceDevelopmentGroup = GroupKind(rawValue: "workforce-development-group")
    /// The Local Child Safeguarding Practice Review Group.
    public static let practiceReviewGroup = GroupKind(rawValue: "practice-review-group")
    /// The Connecting, Communicating and Engaging Group.
    public static let connectingCommunicatingEngaging = GroupKind(rawValue: "connecting-communicating-engaging")
    /// A locality partnership.
    public static let localityPartnership = GroupKind(rawValue: "locality-partnership")
    /// A task-and-finish group or project.
    public static let taskAndFinish = GroupKind(rawValue: "task-and-finish")
    /// Any other group.
    public static let other = GroupKind(rawValue: "other")

    /// Whether groups of this kind are sub-groups that report to the Executive and are scrutinised.
    public var isSubGroup: Bool { self != .executive && self != .practiceDevelopmentGroup }
}

/// A group of the partnership, with its chair, the group it reports to and its cadences.
///
/// The default cadences are the framework's: the Practice Development Group meets monthly;
/// sub-group chairs and project leads report to the Executive bi-monthly; the QA lead holds a
/// scrutiny session with each sub-group six-monthly.
public struct Group: StorableRecord, IdentifierKind, Hashable {
    /// The type of the group's identifier.
    public typealias ID = Identifier<Group>
    /// The noun used in messages.
    public static var noun: String { "group" }
    /// `domain.group`.
    public static var recordType: RecordType { "domain.group" }

    /// The group's id.
    public var id: Group.ID
    /// The group's name.
    public var name: String
    /// The group's kind.
    public var kind: GroupKind
    /// The principal who chairs the group.
    public var chair: Principal.ID?
    /// The group this one reports to.
    public var reportsTo: Group.ID?
    /// How often the group meets.
    public var meetingCadence: Cadence?
    /// How often the group reports to the Executive.
    public var reportingCadence: Cadence?
    /// How often the QA lead holds a scrutiny session with the group.
    public var scrutinyCadence: Cadence?
    /// The day the group was set up.
    public var established: Day?
    /// The day the group ended, if it has.
    public var ended: Day?

    /// Creates a group; cadences left out take the framework's defaults for its kind.
    public init(
        id: Group.ID,
        name: String,
        kind: GroupKind,
        chair: Principal.ID? = nil,
        reportsTo: Group.ID? = nil,
        meetingCadence: Cadence? = nil,
        reportingCadence: Cadence? = nil,
        scrutinyCadence: Cadence? = nil,
        established: Day? = nil,
        ended: Day? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.chair = chair
        self.reportsTo = reportsTo
        self.meetingCadence = meetingCadence ?? (kind == .practiceDevelopmentGroup ? .monthly : nil)
        self.reportingCadence = reportingCadence ?? (kind.isSubGroup ? .biMonthly : nil)
        self.scrutinyCadence = scrutinyCadence ?? (kind.isSubGroup ? .sixMonthly : nil)
        self.established = established
        self.ended = ended
    }

    /// Whether the group is active on a day: established (if known) and not yet ended.
    public func isActive(on day: Day) -> Bool {
        if let established, established > day { return false }
        if let ended, ended <= day { return false }
        return true
    }

    /// Indexed by the group itself.
    public var index: RecordIndex { RecordIndex(group: id) }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: id) }
}

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
