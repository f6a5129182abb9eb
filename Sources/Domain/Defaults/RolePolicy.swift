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
