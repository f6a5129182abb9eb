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
