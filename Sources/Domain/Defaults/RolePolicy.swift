/// The package's default access policy, by role.
///
/// | role | reads | changes |
/// | --- | --- | --- |
/// | partnership lead, QA lead | everything | everything |
/// | chair of a group | everything but audit case records | the group's records and findings |
/// | agency lead | the agency's records and the partnership's shared records | the agency's records in the agency-writable categories |
/// | auditor | the audit programme, case records, structure, reference data, published reports | case records |
/// | independent scrutineer | everything | records challenge only |
/// | viewer | published reports | nothing |
///
/// Shared records are those with no agency in the shared categories (by default structure,
/// reference data, Section 11 cycles, the audit programme, measure data, learning and published
/// reports); an agency lead writes its own agency's Section 11 assessments, case returns, learning,
/// measure data and voice records by default.
///
/// A host that adds a module adds its categories and roles here:
///
/// ```swift
/// let policy = RolePolicy(
///     sharedCategories: RolePolicy.defaultSharedCategories.union([.exploitation]),
///     agencyWritableCategories: RolePolicy.defaultAgencyWritableCategories.union([.exploitation]),
///     grants: [.exploitationCoordinator: RoleGrant(reads: [.exploitation, .partnershipStructure], writes: [.exploitation])]
/// )
/// ```
public struct RolePolicy: AccessPolicy, Hashable {
    /// The categories whose records with no agency every agency lead reads, unless the host says otherwise.
    public static let defaultSharedCategories: Set<RecordCategory> = [
        .partnershipStructure, .referenceData, .section11Cycle, .auditProgramme, .measureData, .learning,
        .publishedReport, .scrutiny,
    ]
    /// The categories in which an agency lead creates and changes its own agency's records, unless
    /// the host says otherwise.
    public static let defaultAgencyWritableCategories: Set<RecordCategory> = [
        .section11Assessment, .auditCaseRecord, .learning, .measureData, .voice,
    ]

    /// The categories whose records with no agency every agency lead reads.
    public let sharedCategories: Set<RecordCategory>
    /// The categories in which an agency lead creates and changes its own agency's records.
    public let agencyWritableCategories: Set<RecordCategory>
    /// What roles of the host's own kinds may do.
    public let grants: [Role.Kind: RoleGrant]

    /// Creates the policy.
    ///
    /// - Parameters:
    ///   - sharedCategories: The categories whose records with no agency every agency lead reads.
    ///   - agencyWritableCategories: The categories in which an agency lead writes its agency's records.
    ///   - grants: What roles of other kinds may do; a kind with no grant may do nothing.
    public init(
        sharedCategories: Set<RecordCategory> = RolePolicy.defaultSharedCategories,
        agencyWritableCategories: Set<RecordCategory> = RolePolicy.defaultAgencyWritableCategories,
        grants: [Role.Kind: RoleGrant] = [:]
    ) {
        self.sharedCategories = sharedCategories
        self.agencyWritableCategories = agencyWritableCategories
        self.grants = grants
    }

    /// Whether the principal is the system, the partnership lead or the QA lead.
    public func isUnrestricted(_ principal: Principal) -> Bool {
        principal.roles.contains { [.system, .partnershipLead, .qaLead].contains($0.kind) }
    }

    /// Whether any of the principal's roles permits the action.
    public func permits(_ principal: Principal, _ action: AccessAction, _ scope: AccessScope) -> Bool {
        principal.roles.contains { permits($0, action, scope) }
    }

    private func permits(_ role: Role, _ action: AccessAction, _ scope: AccessScope) -> Bool {
        switch role.kind {
        case .system, .partnershipLead, .qaLead:
            return true
        case .groupChair:
            if action == .read { return scope.category != .auditCaseRecord }
            guard let group = role.group, scope.group == group else { return false }
            return action != .moderate && action != .administer
        case .agencyLead:
            guard let agency = role.agency else { return false }
            if action == .read {
                if let owner = scope.agency { return owner == agency }
                return sharedCategories.contains(scope.category)
            }
            guard action == .create || action == .update else { return false }
            return scope.agency == agency && agencyWritableCategories.contains(scope.category)
        case .auditor:
            if action == .read {
                return [.auditCaseRecord, .auditProgramme, .partnershipStructure, .referenceData, .publishedReport]
                    .contains(scope.category)
            }
            return (action == .create || action == .update) && scope.category == .auditCaseRecord
        case .independentScrutineer:
            // The scrutineer reads everything and challenges, and records their own judgements.
            if action == .create || action == .update { return scope.category == .scrutiny }
            return action == .read || action == .challenge
        case .viewer:
            return action == .read && scope.category == .publishedReport
        default:
            return grants[role.kind]?.permits(role, action, scope) ?? false
        }
    }
}
