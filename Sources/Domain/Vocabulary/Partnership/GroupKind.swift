/// The kind of a partnership group: an open set a host can extend.
public typealias GroupKind = Code<CodeKinds.GroupKind>

extension CodeKinds {
    /// What a group kind names.
    public enum GroupKind: CodeKind {}
}

extension Code where Kind == CodeKinds.GroupKind {
    /// The Executive: the accountable statutory partners.
    public static var executive: GroupKind { "executive" }
    /// The Practice Development Group: the hub of the change programme, performance and quality assurance.
    public static var practiceDevelopmentGroup: GroupKind { "practice-development-group" }
    /// The Quality Assurance Delivery Group: multi-agency audits and deep dives.
    public static var qualityAssuranceDeliveryGroup: GroupKind { "quality-assurance-delivery-group" }
    /// The Workforce Development Group.
    public static var workforceDevelopmentGroup: GroupKind { "workforce-development-group" }
    /// The Local Child Safeguarding Practice Review Group.
    public static var practiceReviewGroup: GroupKind { "practice-review-group" }
    /// The Connecting, Communicating and Engaging Group.
    public static var connectingCommunicatingEngaging: GroupKind { "connecting-communicating-engaging" }
    /// A locality partnership.
    public static var localityPartnership: GroupKind { "locality-partnership" }
    /// A task-and-finish group or project.
    public static var taskAndFinish: GroupKind { "task-and-finish" }
    /// Any other group.
    public static var other: GroupKind { "other" }

    /// Whether groups of this kind are sub-groups that report to the Executive and are scrutinised.
    public var isSubGroup: Bool { self != .executive && self != .practiceDevelopmentGroup }

}
