/// The seam that decides who may do what to which records.
///
/// The default is ``RolePolicy``. A host with its own rules conforms a type of its own:
///
/// ```swift
/// struct EveryoneReads: AccessPolicy {
///     func permits(_ principal: Principal, _ action: AccessAction, _ scope: AccessScope) -> Bool {
///         action == .read || RolePolicy().permits(principal, action, scope)
///     }
/// }
/// ```
public protocol AccessPolicy: Sendable {
    /// Whether a principal may take an action on a record with a scope.
    func permits(_ principal: Principal, _ action: AccessAction, _ scope: AccessScope) -> Bool

    /// Whether a principal may take every action on every record, so no record need be read to decide.
    func isUnrestricted(_ principal: Principal) -> Bool
}

extension AccessPolicy {
    /// No principal is unrestricted unless the policy says so.
    public func isUnrestricted(_ principal: Principal) -> Bool { false }

    /// Throws unless a principal may take an action on a record.
    ///
    /// - Parameters:
    ///   - principal: Who is acting.
    ///   - action: What they want to do.
    ///   - scope: The record's scope.
    ///   - record: The record, named in the error.
    /// - Throws: ``DomainError/Code/accessDenied`` naming the principal, the action and the record.
    public func check(
        _ principal: Principal,
        _ action: AccessAction,
        _ scope: AccessScope,
        record: RecordReference
    ) throws(DomainError) {
        guard permits(principal, action, scope) else {
            var owner = ""
            if let agency = scope.agency {
                owner = " (agency \(agency))"
            } else if let group = scope.group {
                owner = " (group \(group))"
            }
            throw DomainError(
                .accessDenied,
                "principal \(principal) may not \(action) \(record)\(owner)"
            )
        }
    }
}
