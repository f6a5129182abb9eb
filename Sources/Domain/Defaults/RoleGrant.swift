/// What a role of a host's own kind may do under ``RolePolicy``: the categories it reads and
/// writes, the other actions it may take, and whether it is confined to its own agency or group.
///
/// ```swift
/// RoleGrant(reads: [.exploitation, .partnershipStructure], writes: [.exploitation], actions: [.challenge])
/// ```
public struct RoleGrant: Hashable, Sendable {
    /// Which records of a granted category the role reaches.
    public enum Reach: String, Hashable, Sendable {
        /// Every record of the category.
        case partnership
        /// Records of the role's own agency, and records that belong to no agency.
        case ownAgency = "own-agency"
        /// Records of the role's own group, and records that belong to no group.
        case ownGroup = "own-group"
    }

    /// The categories the role reads.
    public var reads: Set<RecordCategory>
    /// The categories in which it creates and changes records.
    public var writes: Set<RecordCategory>
    /// Other actions it may take on the records it writes, such as ``AccessAction/challenge``.
    public var actions: Set<AccessAction>
    /// Which records of those categories it reaches.
    public var reach: Reach

    /// Creates a grant.
    public init(
        reads: Set<RecordCategory>,
        writes: Set<RecordCategory> = [],
        actions: Set<AccessAction> = [],
        reach: Reach = .partnership
    ) {
        self.reads = reads
        self.writes = writes
        self.actions = actions
        self.reach = reach
    }

    /// Whether a role holding this grant may take an action on a record with a scope.
    public func permits(_ role: Role, _ action: AccessAction, _ scope: AccessScope) -> Bool {
        switch reach {
        case .partnership: break
        case .ownAgency: if let owner = scope.agency, owner != role.agency { return false }
        case .ownGroup: if let owner = scope.group, owner != role.group { return false }
        }
        switch action {
        case .read: return reads.contains(scope.category) || writes.contains(scope.category)
        case .create, .update: return writes.contains(scope.category)
        default: return actions.contains(action) && writes.contains(scope.category)
        }
    }
}
