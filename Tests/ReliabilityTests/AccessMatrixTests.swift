import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11
import Testing

/// Every role against every reading and changing operation of every module.
///
/// The expectations are written out from the role table of `RolePolicy` (Architecture.md): an
/// allowed operation succeeds; a refused one fails with `accessDenied` naming the principal, the
/// action and the record, and leaves the store exactly as it was.
@Suite struct AccessMatrixTests {
    enum Role: String, CaseIterable, CustomTestStringConvertible {
        case lead, qaLead, qadgChair, policeLead, schoolLead, auditor, scrutineer, viewer

        var principal: Principal {
            switch self {
            case .lead: PartnershipScenario.partnershipLead
            case .qaLead: PartnershipScenario.qaLead
            case .qadgChair: PartnershipScenario.qadgChair
            case .policeLead: PartnershipScenario.policeLead
            case .schoolLead: PartnershipScenario.schoolLead
            case .auditor: PartnershipScenario.auditor
            case .scrutineer: PartnershipScenario.scrutineer
            case .viewer: PartnershipScenario.viewer
            }
        }

        var testDescription: String { rawValue }
    }

    /// The partnership the operations act on: two agencies' Section 11 assessments (one submitted),
    /// an audit with a case and its returns, a review's recommendation with an action the police own,
    /// a finding at the Executive, and a published report.
    struct World {
        let store: InMemoryStore
        let environment: AssuranceEnvironment
        let framework: AssuranceFramework
        let cycle: AssessmentCycle.ID
        let policeAssessment: SelfAssessment.ID
        let schoolAssessment: SelfAssessment.ID
        let policeReturn: CaseReturn.ID
        let policeAction: TrackedAction.ID
        let finding: Finding.ID
        let report: PublishedReport.ID

        static let day = Day.fixture("2025-06-02")
        static let system = Principal.system

        static func make() async throws -> World {
            let store = InMemoryStore()
            let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
            try await PartnershipScenario.small(from: .fixture("2025-01-01")).save(into: environment.records)
            let framework = try AssuranceFramework(
                modules: [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()],
                environment: environment
            )

            let section11 = SelfAssessments(environment: environment)
            let cycle = try await section11.openCycle(
                name: "Section 11 2025",
                standardSet: StandardSet.section11Classic.id,
                cadence: .yearly,
                issuedOn: day,
                returnDeadline: day.adding(days: 42),
                invite: [PartnershipScenario.police, PartnershipScenario.school],
                by: system
            )
            let assessments = try await section11.assessments(in: cycle.id, as: system)
            let police = try #require(assessments.first { $0.value.agency == PartnershipScenario.police }).value
            let school = try #require(assessments.first { $0.value.agency == PartnershipScenario.school }).value
            for response in police.responses {
                try await section11.respond(
                    CriterionResponse(criterion: response.criterion, selfRating: "green"),
                    to: police.id,
                    by: system
                )
            }
            try await section11.submit(police.id, by: system)

            let programme = AuditProgramme(environment: environment)
            let audit = Audit(
                id: "a-neglect",
                title: "Neglect",
                type: .multiAgencyThematic,
                themes: [.neglect],
                rationale: .reviewLearning,
                lead: "QA lead",
                agencies: [PartnershipScenario.police, PartnershipScenario.school],
                template: AuditTemplate.standard.id,
                plannedFrom: day,
                plannedUntil: day.adding(days: 60),
                plannedOn: .fixture("2025-04-01"),
                plannedBy: "qa-lead"
            )
            try await programme.plan(year: try ReportingPeriod(parsing: "FY2025-26"), audits: [audit], by: system)
            try await programme.move(audit.id, to: .scoping, by: system)
            try await programme.move(audit.id, to: .fieldwork, by: system)
            let (_, returns) = try await programme.addCase(
                "CASE-0042",
                to: audit.id,
                selection: .random,
                agencies: [PartnershipScenario.police, PartnershipScenario.school],
                returnsDue: day.adding(days: 14),
                by: system
            )
            let policeReturn = try #require(returns.first { $0.agency == PartnershipScenario.police }).id

            let learning = LearningTracker(environment: environment)
            let recommendation = Recommendation(
                id: "rec-1",
                source: .init(.review, title: "Rapid review 1"),
                text: "Share information sooner",
                ownerAgency: PartnershipScenario.police,
                raisedOn: day
            )
            try await learning.tracker.raise(recommendation, by: system)
            let action = try await learning.tracker.addAction(
                "Daily briefing",
                to: recommendation.id,
                owner: PartnershipScenario.police,
                lead: "Inspector",
                startOn: day,
                dueOn: day.adding(days: 30),
                by: system
            )

            let finding = Finding(
                id: "f-exec",
                rule: "measures.off-target",
                key: "measures.off-target|x",
                subject: RecordReference(type: .observationSeries, id: "referrals:partnership"),
                severity: .decisionRequired,
                level: .executive,
                message: "Referrals off target",
                raisedOn: day
            )
            try await environment.records.save(finding, version: 0, by: system)

            let reports = StandardReports(framework: framework)
            let made = try await reports.make(
                ReportRequest(
                    kind: .practiceDevelopmentAssurance,
                    period: try ReportingPeriod(parsing: "FY2025-26-Q1"),
                    audience: .public,
                    day: day
                ),
                as: system
            )
            let published = try await reports.publish(made, by: system)

            return World(
                store: store,
                environment: environment,
                framework: framework,
                cycle: cycle.id,
                policeAssessment: police.id,
                schoolAssessment: school.id,
                policeReturn: policeReturn,
                policeAction: action.id,
                finding: finding.id,
                report: published.id
            )
        }
    }

    struct Operation: CustomTestStringConvertible, Sendable {
        let name: String
        /// The action and record type an error names.
        let action: AccessAction
        let recordType: RecordType
        let allowed: Set<Role>
        let run: @Sendable (World, Principal) async throws -> Void

        var testDescription: String { name }
    }

    static let everyone = Set(Role.allCases)
    static let leads: Set<Role> = [.lead, .qaLead]

    static let operations: [Operation] = [
        // Reading.
        Operation(
            name: "read the police's Section 11 assessment",
            action: .read,
            recordType: SelfAssessment.recordType,
            allowed: leads.union([.qadgChair, .policeLead, .scrutineer])
        ) { world, principal in
            _ = try await world.environment.records.require(
                SelfAssessment.self,
                id: world.policeAssessment,
                as: principal
            )
        },
        Operation(
            name: "read the police's case return",
            action: .read,
            recordType: CaseReturn.recordType,
            allowed: leads.union([.policeLead, .auditor, .scrutineer])
        ) { world, principal in
            _ = try await world.environment.records.require(CaseReturn.self, id: world.policeReturn, as: principal)
        },
        Operation(
            name: "read a finding",
            action: .read,
            recordType: Finding.recordType,
            allowed: leads.union([.qadgChair, .scrutineer])
        ) { world, principal in
            _ = try await world.environment.records.require(Finding.self, id: world.finding, as: principal)
        },
        Operation(
            name: "read a published report",
            action: .read,
            recordType: PublishedReport.recordType,
            allowed: everyone
        ) { world, principal in
            _ = try await world.environment.records.require(PublishedReport.self, id: world.report, as: principal)
        },
        Operation(
            name: "read an agency",
            action: .read,
            recordType: Agency.recordType,
            allowed: everyone.subtracting([.viewer])
        ) { world, principal in
            _ = try await world.environment.records.require(Agency.self, id: PartnershipScenario.school, as: principal)
        },
        Operation(
            name: "read the police's action",
            action: .read,
            recordType: TrackedAction.recordType,
            allowed: leads.union([.qadgChair, .policeLead, .scrutineer])
        ) { world, principal in
            _ = try await world.environment.records.require(TrackedAction.self, id: world.policeAction, as: principal)
        },
        // Section 11.
        Operation(
            name: "open a Section 11 cycle",
            action: .create,
            recordType: AssessmentCycle.recordType,
            allowed: leads
        ) { world, principal in
            try await SelfAssessments(environment: world.environment).openCycle(
                name: "Schools 2025",
                standardSet: StandardSet.schoolsSection175.id,
                cadence: .yearly,
                issuedOn: World.day,
                returnDeadline: World.day.adding(days: 30),
                invite: [PartnershipScenario.school],
                by: principal
            )
        },
        Operation(
            name: "answer the school's assessment",
            action: .update,
            recordType: SelfAssessment.recordType,
            allowed: leads.union([.schoolLead])
        ) { world, principal in
            let section11 = SelfAssessments(environment: world.environment)
            let assessment = try await world.environment.records.require(
                SelfAssessment.self,
                id: world.schoolAssessment,
                as: .system
            )
            let criterion = try #require(assessment.value.responses.first).criterion
            try await section11.respond(
                CriterionResponse(criterion: criterion, selfRating: "amber"),
                to: world.schoolAssessment,
                by: principal
            )
        },
        Operation(
            name: "challenge the police's assessment",
            action: .challenge,
            recordType: SelfAssessment.recordType,
            allowed: leads.union([.scrutineer])
        ) { world, principal in
            let assessment = try await world.environment.records.require(
                SelfAssessment.self,
                id: world.policeAssessment,
                as: .system
            )
            let criterion = try #require(assessment.value.responses.first).criterion
            try await SelfAssessments(environment: world.environment).challenge(
                criterion,
                of: world.policeAssessment,
                "Where is the evidence?",
                by: principal
            )
        },
        Operation(
            name: "put the police's assessment under challenge",
            action: .moderate,
            recordType: SelfAssessment.recordType,
            allowed: leads
        ) { world, principal in
            try await SelfAssessments(environment: world.environment).openChallenge(
                world.policeAssessment,
                by: principal
            )
        },
        // Audit.
        Operation(
            name: "complete the police's case return",
            action: .update,
            recordType: CaseReturn.recordType,
            allowed: leads.union([.policeLead, .auditor])
        ) { world, principal in
            let grades = Dictionary(
                uniqueKeysWithValues: AuditTemplate.standard.sections.map {
                    ($0.code, Grade(level: "good", rationale: "Sound."))
                }
            )
            let answers = Dictionary(
                uniqueKeysWithValues: AuditTemplate.standardQuestions.map { ($0.code, Answer.yes) }
            )
            try await AuditProgramme(environment: world.environment).submitReturn(
                world.policeReturn,
                grades: grades,
                answers: answers,
                goodPractice: nil,
                areasForDevelopment: nil,
                by: principal
            )
        },
        Operation(
            name: "plan next year's audits",
            action: .create,
            recordType: AuditPlan.recordType,
            allowed: leads
        ) { world, principal in
            try await AuditProgramme(environment: world.environment).plan(
                year: try ReportingPeriod(parsing: "FY2026-27"),
                audits: [],
                by: principal
            )
        },
        // Measures.
        Operation(
            name: "import the partnership's data",
            action: .create,
            recordType: .observationSeries,
            allowed: leads
        ) { world, principal in
            try await MeasureData(environment: world.environment).importObservations(
                csv: Data("measure,scope,period,value\nreferrals,partnership,2025-05,120\n".utf8),
                source: "m.csv",
                by: principal
            )
        },
        Operation(
            name: "import the police's own data",
            action: .create,
            recordType: .observationSeries,
            allowed: leads.union([.policeLead])
        ) { world, principal in
            try await MeasureData(environment: world.environment).importObservations(
                csv: Data("measure,scope,period,value\nlado-referrals,police,2025-05,3\n".utf8),
                source: "m.csv",
                by: principal
            )
        },
        // Learning.
        Operation(
            name: "update the police's action",
            action: .update,
            recordType: TrackedAction.recordType,
            allowed: leads.union([.policeLead])
        ) { world, principal in
            try await LearningTracker(environment: world.environment).tracker.update(
                world.policeAction,
                status: .onTrack,
                "Briefings started",
                by: principal
            )
        },
        // The framework and reports.
        Operation(
            name: "run the assurance cycle",
            action: .administer,
            recordType: Finding.recordType,
            allowed: leads
        ) { world, principal in
            _ = try await world.framework.runCycle(on: World.day, by: principal)
        },
        Operation(
            name: "record the Executive's decision",
            action: .decide,
            recordType: Finding.recordType,
            allowed: leads
        ) { world, principal in
            _ = try await world.framework.recordDecision(
                world.finding,
                decision: "Commission a deep dive",
                by: principal
            )
        },
        Operation(
            name: "make a partnership report",
            action: .read,
            recordType: PublishedReport.recordType,
            allowed: leads.union([.qadgChair, .scrutineer])
        ) { world, principal in
            _ = try await StandardReports(framework: world.framework).make(
                ReportRequest(
                    kind: .practiceDevelopmentAssurance,
                    period: try ReportingPeriod(parsing: "FY2025-26-Q1"),
                    audience: .partnership,
                    day: World.day
                ),
                as: principal
            )
        },
        Operation(
            name: "publish a report",
            action: .create,
            recordType: PublishedReport.recordType,
            allowed: leads
        ) { world, principal in
            let report = Report(
                kind: .yearly,
                title: "Yearly",
                partnership: "P",
                period: try ReportingPeriod(parsing: "FY2025-26"),
                audience: .public,
                day: World.day,
                sections: []
            )
            try await StandardReports(framework: world.framework).publish(report, by: principal)
        },
    ]

    static let cases: [(Operation, Role)] = operations.flatMap { operation in Role.allCases.map { (operation, $0) } }

    @Test(arguments: cases)
    func everyRoleAgainstEveryOperation(_ operation: Operation, _ role: Role) async throws {
        let world = try await World.make()
        let before = try await world.store.snapshot()
        let principal = role.principal
        do {
            try await operation.run(world, principal)
            #expect(operation.allowed.contains(role), "\(role) was allowed to \(operation.name)")
        } catch let error as DomainError where error.code == .accessDenied {
            #expect(!operation.allowed.contains(role), "\(role) was refused: \(error.message)")
            #expect(error.message.contains(principal.id.rawValue), "the error names the principal: \(error.message)")
            // The refusal may come at the operation's first step, reading the record it changes.
            #expect(
                error.message.contains("may not \(operation.action.rawValue) ")
                    || error.message.contains("may not read ")
                    || error.message.contains("may not make"),
                "the error names the action \(operation.action): \(error.message)"
            )
            #expect(
                error.message.contains(operation.recordType.rawValue) || error.message.contains("may not make"),
                "the error names the record: \(error.message)"
            )
            let after = try await world.store.snapshot()
            #expect(after == before, "a refused \(operation.name) wrote something")
        }
    }

    /// The matrix's size, so that a shrinking table is noticed.
    @Test func theMatrixCoversEveryModule() {
        #expect(Self.operations.count == 19)
        #expect(Self.cases.count == Self.operations.count * Role.allCases.count)
    }
}
