import AssuranceTesting
import Domain
import Testing

/// Every role against every kind of action on every category of record, under the default role policy.
struct AccessPolicyTests {
    static let own: Agency.ID = PartnershipScenario.police
    static let other: Agency.ID = PartnershipScenario.school
    static let chairedGroup: Group.ID = PartnershipScenario.qadg
    static let policy = RolePolicy()

    static let categories: [RecordCategory] = [
        .partnershipStructure, .referenceData, .section11Assessment, .section11Cycle, .auditProgramme, .auditCaseRecord,
        .measureData, .learning, .finding, .voice, .publishedReport, .notification, .scrutiny,
    ]

    /// What each role may do, written out from the policy's table.
    static func expected(_ role: Role, _ action: AccessAction, _ scope: AccessScope) -> Bool {
        switch role.kind {
        case .system, .partnershipLead, .qaLead:
            return true
        case .groupChair:
            if action == .read { return scope.category != .auditCaseRecord }
            return scope.group == chairedGroup && ![.moderate, .administer].contains(action)
        case .agencyLead:
            if action == .read {
                if let agency = scope.agency { return agency == own }
                return [
                    .partnershipStructure, .referenceData, .section11Cycle, .auditProgramme, .measureData, .learning,
                    .publishedReport, .scrutiny,
                ].contains(scope.category)
            }
            return [.create, .update].contains(action) && scope.agency == own
                && [.section11Assessment, .auditCaseRecord, .learning, .measureData, .voice].contains(scope.category)
        case .auditor:
            if action == .read {
                return [.auditCaseRecord, .auditProgramme, .partnershipStructure, .referenceData, .publishedReport]
                    .contains(scope.category)
            }
            return [.create, .update].contains(action) && scope.category == .auditCaseRecord
        case .independentScrutineer:
            if [.create, .update].contains(action) { return scope.category == .scrutiny }
            return action == .read || action == .challenge
        case .viewer:
            return action == .read && scope.category == .publishedReport
        default:
            return false
        }
    }

    static let roles: [Role] = [
        .partnershipLead, .qaLead, .groupChair(chairedGroup), .agencyLead(own), .auditor, .independentScrutineer,
        .viewer,
        .system,
    ]

    @Test(arguments: roles)
    func everyActionOnEveryCategory(_ role: Role) {
        let principal = Principal(id: "someone", roles: [role])
        let scopes = Self.categories.flatMap { category in
            [
                AccessScope(category), AccessScope(category, agency: Self.own),
                AccessScope(category, agency: Self.other),
                AccessScope(category, group: Self.chairedGroup), AccessScope(category, group: PartnershipScenario.pdg),
            ]
        }
        for action in AccessAction.allCases {
            for scope in scopes {
                #expect(
                    Self.policy.permits(principal, action, scope) == Self.expected(role, action, scope),
                    "\(role) \(action) \(scope)"
                )
            }
        }
    }

    @Test func anAgencyLeadCanNeverReadAnotherAgencysAssessmentOrCaseReturns() {
        let lead = Principal(id: "lead", roles: [.agencyLead(Self.own)])
        #expect(!Self.policy.permits(lead, .read, AccessScope(.section11Assessment, agency: Self.other)))
        #expect(!Self.policy.permits(lead, .read, AccessScope(.auditCaseRecord, agency: Self.other)))
        #expect(Self.policy.permits(lead, .read, AccessScope(.section11Assessment, agency: Self.own)))
    }

    @Test func aPrincipalWithSeveralRolesGetsTheUnion() {
        let both = Principal(id: "both", roles: [.viewer, .auditor])
        #expect(Self.policy.permits(both, .read, AccessScope(.publishedReport)))
        #expect(Self.policy.permits(both, .update, AccessScope(.auditCaseRecord)))
        #expect(!Self.policy.permits(Principal(id: "nobody", roles: []), .read, AccessScope(.publishedReport)))
    }

    @Test func refusalNamesPrincipalActionAndRecord() {
        let viewer = PartnershipScenario.viewer
        #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"viewer\" (viewer) may not update audit.audit/a-1 (group qadg)"
            )
        ) {
            try Self.policy.check(
                viewer,
                .update,
                AccessScope(.auditProgramme, group: Self.chairedGroup),
                record: RecordReference(type: "audit.audit", id: "a-1")
            )
        }
    }

    @Test func aHostsCategoryIsInvisibleToAgencyLeadsUntilTheHostSharesIt() {
        let exploitation = RecordCategory(rawValue: "exploitation")
        let lead = Principal(id: "lead", roles: [.agencyLead(Self.own)])
        #expect(!Self.policy.permits(lead, .read, AccessScope(exploitation)))
        #expect(!Self.policy.permits(lead, .create, AccessScope(exploitation, agency: Self.own)))
        let extended = RolePolicy(
            sharedCategories: RolePolicy.defaultSharedCategories.union([exploitation]),
            agencyWritableCategories: RolePolicy.defaultAgencyWritableCategories.union([exploitation])
        )
        #expect(extended.permits(lead, .read, AccessScope(exploitation)))
        #expect(extended.permits(lead, .create, AccessScope(exploitation, agency: Self.own)))
        #expect(!extended.permits(lead, .read, AccessScope(exploitation, agency: Self.other)))
        #expect(!extended.permits(lead, .create, AccessScope(exploitation, agency: Self.other)))
        #expect(extended.permits(lead, .read, AccessScope(.learning)))
    }

    @Test func aHostsRoleMayDoWhatItsGrantSaysAndNothingElse() {
        let exploitation = RecordCategory(rawValue: "exploitation")
        let coordinatorKind: Role.Kind = "exploitation-coordinator"
        let policy = RolePolicy(grants: [
            coordinatorKind: RoleGrant(
                reads: [.partnershipStructure],
                writes: [exploitation],
                actions: [.challenge],
                reach: .ownAgency
            )
        ])
        let coordinator = Principal(id: "kim", roles: [Role(coordinatorKind, agency: Self.own)])
        #expect(coordinator.description == "\"kim\" (exploitation coordinator for police)")
        #expect(policy.permits(coordinator, .read, AccessScope(.partnershipStructure)))
        #expect(policy.permits(coordinator, .read, AccessScope(exploitation, agency: Self.own)))
        #expect(policy.permits(coordinator, .update, AccessScope(exploitation, agency: Self.own)))
        #expect(policy.permits(coordinator, .challenge, AccessScope(exploitation)))
        #expect(!policy.permits(coordinator, .read, AccessScope(exploitation, agency: Self.other)))
        #expect(!policy.permits(coordinator, .update, AccessScope(.partnershipStructure)))
        #expect(!policy.permits(coordinator, .moderate, AccessScope(exploitation)))
        #expect(!policy.permits(coordinator, .read, AccessScope(.section11Assessment)))
        #expect(!policy.isUnrestricted(coordinator))
        let ungranted = Principal(id: "lee", roles: [Role("volunteer")])
        #expect(AccessAction.allCases.allSatisfy { !policy.permits(ungranted, $0, AccessScope(.publishedReport)) })
    }

    @Test(arguments: [
        (Role.partnershipLead, "partnership lead"), (.qaLead, "QA lead"), (.groupChair("qadg"), "chair of qadg"),
        (.agencyLead("police"), "agency lead for police"), (.auditor, "auditor"),
        (.independentScrutineer, "independent scrutineer"), (.viewer, "viewer"), (.system, "system"),
    ])
    func rolesDescribeThemselvesAsBefore(_ role: Role, _ text: String) {
        #expect(role.description == text)
    }
}
