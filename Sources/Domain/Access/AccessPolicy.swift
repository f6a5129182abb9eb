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

/// The package's default access policy, by role.
///
/// | role | reads | changes |
/// | --- | --- | --- |
/// | partnership lead, QA lead | everything | everything |
/// | chair of a group | everything but audit case records | the group's records and findings |
/// | agency lead | the agency's records and the partnership's shared records | the agency's assessments, case returns, actions, data and voice records |
/// | auditor | the audit programme, case records, structure, reference data, published reports | case records |
/// | independent scrutineer | everything | records challenge only |
/// | viewer | published reports | nothing |
///
/// Shared records are those with no agency in the categories structure, reference data, Section 11
/// cycles, the audit programme, measure data, learning and published reports.
public struct RolePolicy: AccessPolicy, Hashable {
    /// Creates the policy.
    public init() {}

    private static let sharedCategories: Set<RecordCategory> = [
        .partnershipStructure, .referenceData, .section11Cycle, .auditProgramme, .measureData, .learning,
        .publishedReport,
    ]
    private static let agencyWritable: Set<RecordCategory> = [
        .section11Assessment, .auditCaseRecord, .learning, .measureData, .voice,
    ]

    /// Whether the principal is the system, the partnership lead or the QA lead.
    public func isUnrestricted(_ principal: Principal) -> Bool {
        principal.roles.contains { $0 == .system || $0 == .partnershipLead || $0 == .qaLead }
    }

    /// Whether any of the principal's roles permits the action.
    public func permits(_ principal: Principal, _ action: AccessAction, _ scope: AccessScope) -> Bool {
        principal.roles.contains { permits($0, action, scope) }
    }

    private func permits(_ role: Role, _ action: AccessAction, _ scope: AccessScope) -> Bool {
        switch role {
        case .system, .partnershipLead, .qaLead:
            return true
        case .groupChair(let group):
            if action == .read { return scope.category != .auditCaseRecord }
            guard scope.group == group else { return false }
            return action != .moderate && action != .administer
        case .agencyLead(let agency):
            if action == .read {
                if let owner = scope.agency { return owner == agency }
                return Self.sharedCategories.contains(scope.category)
            }
            guard action == .create || action == .update else { return false }
            return scope.agency == agency && Self.agencyWritable.contains(scope.category)
        case .auditor:
            if action == .read {
                return [.auditCaseRecord, .auditProgramme, .partnershipStructure, .referenceData, .publishedReport]
                    .contains(scope.category)
            }
            return (action == .create || action == .update) && scope.category == .auditCaseRecord
        case .independentScrutineer:
            return action == .read || action == .challenge
        case .viewer:
            return action == .read && scope.category == .publishedReport
        }
    }
}
