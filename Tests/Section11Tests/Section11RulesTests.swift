import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

struct Section11RulesTests {
    let qaLead = PartnershipScenario.qaLead
    let policeLead = PartnershipScenario.policeLead
    let ids = IDGenerator.incrementing

    func environment(_ store: InMemoryStore, on day: Day) -> AssuranceEnvironment {
        AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
    }

    func framework(_ store: InMemoryStore, on day: Day) throws -> AssuranceFramework {
        try AssuranceFramework(
            modules: [Section11Module()],
            environment: environment(store, on: day),
            escalation: .never
        )
    }

    func open(_ store: InMemoryStore) async throws -> (AssessmentCycle, SelfAssessment.ID) {
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-05-01")))
        try await service.save(testSet, by: qaLead)
        let cycle = try await service.openCycle(
            name: "Section 11 2025",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police],
            by: qaLead
        )
        let police = try #require(try await service.assessments(in: cycle.id, as: qaLead).first).value.id
        return (cycle, police)
    }

    @Test func aLateReturnIsFoundAndClearsWhenSubmitted() async throws {
        let store = InMemoryStore()
        let (_, police) = try await open(store)
        let onDeadline = try await framework(store, on: .fixture("2025-06-30")).runCycle(
            on: .fixture("2025-06-30"),
            by: qaLead
        )
        #expect(!onDeadline.raised.contains { $0.rule == "section11.return-overdue" })
        let late = try await framework(store, on: .fixture("2025-07-01")).runCycle(
            on: .fixture("2025-07-01"),
            by: qaLead
        )
        let finding = try #require(late.raised.first { $0.rule == "section11.return-overdue" })
        #expect(
            finding.message == "Constabulary has not returned its Section 11 2025 self-assessment, due on 2025-06-30."
        )
        #expect(finding.level == .agency)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-07-02")))
        for criterion: CriterionCode in ["1.1", "1.2", "7.1"] {
            try await service.respond(
                CriterionResponse(criterion: criterion, selfRating: "green"),
                to: police,
                by: policeLead
            )
        }
        try await service.submit(police, by: policeLead)
        let after = try await framework(store, on: .fixture("2025-07-02")).runCycle(
            on: .fixture("2025-07-02"),
            by: qaLead
        )
        #expect(after.resolved.map(\.rule) == ["section11.return-overdue"])
    }

    @Test func reworkNotResubmittedAfterTenWorkingDays() async throws {
        let store = InMemoryStore()
        let (_, police) = try await open(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-02")))
        for criterion: CriterionCode in ["1.1", "1.2", "7.1"] {
            try await service.respond(
                CriterionResponse(criterion: criterion, selfRating: "green"),
                to: police,
                by: policeLead
            )
        }
        try await service.submit(police, by: policeLead)
        try await service.returnForRework(police, reason: "Attach the evidence.", by: qaLead)
        // Returned on Monday 2 June 2025: 10 working days later is Monday 16 June.
        let onTime = try await framework(store, on: .fixture("2025-06-16")).runCycle(
            on: .fixture("2025-06-16"),
            by: qaLead
        )
        #expect(!onTime.raised.contains { $0.rule == "section11.rework-not-resubmitted" })
        let late = try await framework(store, on: .fixture("2025-06-17")).runCycle(
            on: .fixture("2025-06-17"),
            by: qaLead
        )
        let finding = try #require(late.raised.first { $0.rule == "section11.rework-not-resubmitted" })
        #expect(finding.dueOn == .fixture("2025-06-16"))
    }

    @Test func redWithoutActionActionOverdueAndSystemWideGap() async throws {
        let store = InMemoryStore()
        let (_, police) = try await open(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-02")))
        try await service.respond(CriterionResponse(criterion: "1.1", selfRating: "green"), to: police, by: policeLead)
        try await service.respond(CriterionResponse(criterion: "1.2", selfRating: "green"), to: police, by: policeLead)
        try await service.respond(
            CriterionResponse(
                criterion: "7.1",
                selfRating: "amber",
                actions: [
                    AssessmentAction(
                        id: "a1",
                        text: "Attend every conference",
                        owner: "Superintendent",
                        dueOn: .fixture("2025-08-31")
                    )
                ]
            ),
            to: police,
            by: policeLead
        )
        try await service.submit(police, by: policeLead)
        try await service.openChallenge(police, by: qaLead)
        try await service.moderate(police, ratings: ["1.2": "red"], by: qaLead)
        let day = Day.fixture("2025-09-01")
        let outcome = try await framework(store, on: day).runCycle(on: day, by: qaLead)
        let rules = Set(outcome.raised.map(\.rule.rawValue))
        #expect(rules.contains("section11.red-without-action"))
        #expect(rules.contains("section11.action-overdue"))
        // One agency of one rated standard 1 red: 100% is more than 20%.
        let gap = try #require(outcome.raised.first { $0.rule == "section11.system-wide-gap" })
        #expect(gap.level == .practiceDevelopmentGroup)
        #expect(gap.message == "1 of 1 agencies rated standard 1 (Leadership) red in Section 11 2025.")
        // Completing the action clears its finding.
        try await service.recordProgress(on: "a1", of: "7.1", in: police, "All attended.", completed: true, by: qaLead)
        let later = try await framework(store, on: day).runCycle(on: day, by: qaLead)
        #expect(later.resolved.map(\.rule) == ["section11.action-overdue"])
    }

    @Test func gapsBecomeRecommendationsOnce() async throws {
        let store = InMemoryStore()
        let (cycle, police) = try await open(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-02")))
        try await service.respond(CriterionResponse(criterion: "1.1", selfRating: "green"), to: police, by: policeLead)
        try await service.respond(
            CriterionResponse(
                criterion: "1.2",
                selfRating: "red",
                actions: [
                    AssessmentAction(id: "a1", text: "Staff briefing", owner: "Lead", dueOn: .fixture("2025-08-31"))
                ]
            ),
            to: police,
            by: policeLead
        )
        try await service.respond(CriterionResponse(criterion: "7.1", selfRating: "green"), to: police, by: policeLead)
        try await service.submit(police, by: policeLead)
        let first = try await service.raiseRecommendations(for: cycle.id, by: qaLead)
        #expect(first.count == 1)
        #expect(first.first?.source.kind == .section11)
        #expect(first.first?.text.hasPrefix("Partnership-wide gap on criterion 1.2 (Staff know the lead.)") == true)
        #expect(try await service.raiseRecommendations(for: cycle.id, by: qaLead).isEmpty)
    }
}

struct AssessmentInterchangeTests {
    let qaLead = PartnershipScenario.qaLead

    func setUp() async throws -> (SelfAssessments, AssessmentCycle) {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let service = SelfAssessments(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-05-01")), ids: .incrementing)
        )
        try await service.save(testSet, by: qaLead)
        let cycle = try await service.openCycle(
            name: "S11",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police, PartnershipScenario.council],
            by: qaLead
        )
        return (service, cycle)
    }

    func file(_ cycle: AssessmentCycle, _ body: String) -> Data {
        Data(
            #"{"format":"qaf-section11-assessments","version":1,"cycle":"\#(cycle.id)","assessments":[\#(body)]}"#.utf8
        )
    }

    @Test func importsAndSubmitsThenExportsAgain() async throws {
        let (service, cycle) = try await setUp()
        let data = file(
            cycle,
            #"""
            {"agency":"police","submit":true,"responses":[
              {"criterion":"1.1","rating":"green","narrative":"Named lead"},
              {"criterion":"1.2","rating":"amber","actions":[{"id":"a1","text":"Intranet page","owner":"Lead","dueOn":"2025-09-30"}]},
              {"criterion":"7.1","rating":"green"}]}
            """#
        )
        let written = try await service.importAssessments(json: data, source: "s11.json", by: qaLead)
        #expect(written.map(\.status) == [.submitted])
        let export = try await service.exportAssessments(of: cycle.id, as: qaLead)
        #expect(export.assessments.map(\.agency) == [PartnershipScenario.council, PartnershipScenario.police])
        #expect(export.assessments[1].responses.map(\.rating) == ["green", "amber", "green"])
        #expect(export.assessments[1].status == .submitted)
        let again = try AssessmentInterchange(json: try export.json(), source: "export.json")
        #expect(again == export)
    }

    @Test(arguments: [
        (
            #"{"agency":"police","responses":[{"criterion":"1.1","rating":"purple"}]}"#,
            "s11.json: at assessments[0].responses[0].rating: criterion 1.1: rating \"purple\" is not on the RAG scale; expected one of red, amber, green"
        ),
        (
            #"{"agency":"police","responses":[{"criterion":"9.9","rating":"red"}]}"#,
            "s11.json: at assessments[0].responses[0].criterion: \"9.9\" is not a criterion of police's assessment"
        ),
        (
            #"{"agency":"school-north","responses":[]}"#,
            "s11.json: at assessments[0].agency: agency school-north is not invited to cycle 00000000-0000-0000-0000-000000000001"
        ),
        (
            #"{"agency":"police","responses":[]},{"agency":"police","responses":[]}"#,
            "s11.json: at assessments[1].agency: agency police appears twice in the file"
        ),
        (
            #"{"agency":"police","responses":[{"criterion":"1.1","moderatedRating":"red"}]}"#,
            "s11.json: at assessments[0].responses[0].moderatedRating: criterion 1.1: moderated ratings are set by moderation, not by the agency's answers"
        ),
        (
            #"{"agency":"police","submit":true,"responses":[{"criterion":"1.1","rating":"red"}]}"#,
            "s11.json: at assessments[0]: assessment 00000000-0000-0000-0000-000000000003 cannot be submitted: criteria 1.2, 7.1 not rated; 1.1 (red) rated below green with no action"
        ),
        (
            #"{"agency":"police","responses":[{"criterion":"1.1","actions":[{"id":"a","text":"t","owner":"o","dueOn":"2025-02-30"}]}]}"#,
            "s11.json: at assessments[0].responses[0].actions[0].dueOn: day \"2025-02-30\" does not exist: February 2025 has 28 days; expected a day of the month from 01 to 28"
        ),
        (
            #"{"agency":"police","responses":[{"rating":"red"}]}"#,
            "s11.json: at assessments[0].responses[0].criterion: the field is missing"
        ),
    ])
    func aBadFileNamesThePathToTheBadFieldAndWritesNothing(_ body: String, _ expected: String) async throws {
        let (service, cycle) = try await setUp()
        await #expect(throws: DomainError(.invalidInput, expected)) {
            try await service.importAssessments(json: file(cycle, body), source: "s11.json", by: qaLead)
        }
        let untouched = try await service.assessments(in: cycle.id, as: qaLead)
        #expect(untouched.allSatisfy { $0.version == 1 && $0.value.status == .invited })
    }

    @Test func theFormatAndVersionAreChecked() async throws {
        #expect(throws: DomainError(.invalidInput, "x.json: at version: format version 2 is not supported; expected 1"))
        {
            try AssessmentInterchange(
                json: Data(#"{"format":"qaf-section11-assessments","version":2,"cycle":"c","assessments":[]}"#.utf8),
                source: "x.json"
            )
        }
        #expect(throws: DomainError(.invalidInput, "x.json: at format: \"other\" is not qaf-section11-assessments")) {
            try AssessmentInterchange(
                json: Data(#"{"format":"other","version":1,"cycle":"c","assessments":[]}"#.utf8),
                source: "x.json"
            )
        }
    }

    @Test func anAgencyLeadCannotImportAnotherAgencysAssessment() async throws {
        let (service, cycle) = try await setUp()
        let data = file(cycle, #"{"agency":"council","responses":[{"criterion":"1.1","rating":"green"}]}"#)
        await #expect(throws: DomainError.self) {
            try await service.importAssessments(json: data, source: "s11.json", by: PartnershipScenario.policeLead)
        }
    }
}

struct StarterStandardSetTests {
    /// The eight classic standards of the 2007 statutory guidance on section 11, as the Pan-London and
    /// Tees tools use them (domain-facts.md §1.4).
    @Test func theClassicSetHasTheEightStandards() {
        let set = StandardSet.section11Classic
        #expect(set.standards.count == 8)
        #expect(set.standards.map(\.code) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(set.standards[5].title == "Safer recruitment")
        #expect(set.standards[7].title == "Information sharing")
        #expect(set.criteria(for: .police).count == 40)
    }

    /// The typical s175 sections (domain-facts.md §1.5).
    @Test func theSchoolsSetCoversTheSection175Headings() {
        let set = StandardSet.schoolsSection175
        #expect(
            set.standards.map(\.title) == [
                "Roles and responsibilities", "Safer recruitment", "Training", "Online safety", "Site security",
                "Policies",
                "Allegations", "Children missing education",
            ]
        )
        #expect(set.criteria(for: .police).isEmpty)
        #expect(set.duty == .section175)
    }
}
