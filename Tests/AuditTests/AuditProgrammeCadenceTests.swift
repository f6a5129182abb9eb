import AssuranceTesting
import Audit
import Domain
import Foundation
import Testing

/// A partnership's own audit types and programme cadences, from its profile: a case file audit
/// panel that sits each quarter is found when a quarter passes without one.
struct AuditProgrammeCadenceTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    static func json(_ text: String) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }

    static let part = json(
        """
        {"types": [{"id": "case-file-audit", "label": "Case file audit"},
                   {"id": "schools-audit", "label": "Schools safeguarding audit"}],
         "rationales": [{"id": "priority", "label": "A partnership priority"}],
         "programmes": [{"type": "case-file-audit", "every": "quarterly", "from": "2025-04-01"}]}
        """
    )

    func module() throws -> AuditModule {
        let reader = ProfileReader(Self.part, path: "modules.audit")
        let module = AuditModule(profile: reader)
        #expect(reader.problems.isEmpty, "\(reader.problems)")
        return module
    }

    func run(_ store: InMemoryStore, _ day: String) async throws -> CycleOutcome {
        try await AssuranceFramework(
            modules: [try module()],
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids),
            escalation: .never
        ).runCycle(on: .fixture(day), by: qaLead)
    }

    func programme(_ store: InMemoryStore, _ day: String) -> AuditProgramme {
        AuditProgramme(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids))
    }

    @Test func theProfileNamesItsTypesRationalesAndProgrammes() throws {
        let module = try module()
        #expect(module.types.map(\.id) == ["case-file-audit", "schools-audit"])
        #expect(module.label(of: "case-file-audit" as AuditType) == "Case file audit")
        #expect(module.label(of: "priority" as ThemeRationale) == "A partnership priority")
        #expect(
            module.programmes == [
                AuditProgrammeCadence(type: "case-file-audit", every: .quarterly, from: .fixture("2025-04-01"))
            ]
        )
    }

    @Test func aQuarterWithoutACaseFileAuditIsFoundAndTheNextAuditSettlesIt() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))

        let onTime = try await run(store, "2025-07-01")
        #expect(!onTime.raised.contains { $0.rule == .auditProgrammeCadenceMissed })
        let late = try await run(store, "2025-07-02")
        let first = try #require(late.raised.first { $0.rule == .auditProgrammeCadenceMissed })
        #expect(
            first.message
                == "The programme holds a case file audit quarterly and one was due to start by 2025-07-01: "
                + "the programme began on 2025-04-01 and none has started its fieldwork."
        )

        var audit = Audit(
            id: "cfa-1",
            title: "Case file audit: neglect",
            type: "case-file-audit",
            themes: [.neglect],
            rationale: "priority",
            lead: "Panel chair",
            agencies: [PartnershipScenario.police],
            template: AuditTemplate.standard.id,
            plannedFrom: .fixture("2025-07-01"),
            plannedUntil: .fixture("2025-09-30"),
            plannedOn: .fixture("2025-07-01"),
            plannedBy: "qa-lead"
        )
        #expect(audit.isModerated, "a partnership's own type with a grading tool is moderated")
        audit.template = nil
        #expect(!audit.isModerated)
        audit.template = AuditTemplate.standard.id
        try await programme(store, "2025-07-03").plan(
            year: try ReportingPeriod(parsing: "FY2025-26"),
            audits: [audit],
            by: qaLead
        )
        let service = programme(store, "2025-07-10")
        try await service.move("cfa-1", to: .scoping, by: qaLead)
        try await service.move("cfa-1", to: .fieldwork, by: qaLead)
        #expect(AuditProgramme.next(from: .fieldwork, moderated: audit.isModerated) == [.moderation, .cancelled])

        let settled = try await run(store, "2025-07-11")
        #expect(settled.resolved.map(\.rule) == [.auditProgrammeCadenceMissed])
        #expect(try await run(store, "2025-10-10").raised.filter { $0.rule == .auditProgrammeCadenceMissed }.isEmpty)
        let again = try await run(store, "2025-10-11")
        let second = try #require(again.raised.first { $0.rule == .auditProgrammeCadenceMissed })
        #expect(
            second.message
                == "The programme holds a case file audit quarterly and one was due to start by 2025-10-10: "
                + "the last, Case file audit: neglect, started its fieldwork on 2025-07-10."
        )
    }

    @Test func mistakesInTheAuditPartAreNamedWhereTheyAre() {
        let part = Self.json(
            """
            {"types": [{"id": "case-file-audit", "label": "Case file audit"},
                       {"id": "case-file-audit", "label": "Again"},
                       {"id": "Case File", "label": "Bad code"}],
             "programmes": [{"type": "case-file-audits", "every": "quarterly"},
                            {"type": "case-file-audit", "every": "each term"}]}
            """
        )
        let reader = ProfileReader(part, path: "modules.audit")
        _ = AuditModule(profile: reader)
        let problems = reader.problems.map(\.description)
        #expect(
            problems == [
                "modules.audit.types[1].id: audit type \"case-file-audit\" appears twice; give each once",
                "modules.audit.types[2].id: audit type \"Case File\" is not a code; expected lower-case letters, "
                    + "digits and hyphens, such as \"case-file-audit\"",
                "modules.audit.programmes[0].type: audit type \"case-file-audits\" is not one of the profile's types; "
                    + "expected one of case-file-audit, or name it under types",
                "modules.audit.programmes[1].every: \"each term\" is not a cadence; expected a number of months, "
                    + "or such as \"2 weeks\", \"fortnightly\", \"3 months\", \"quarterly\" or \"every two years\"",
            ]
        )
    }
}

/// A three-point audit tool is reported on its own scale: the analysis, the grade tables and the
/// rules' words follow the tool the audits used.
struct AuditToolScaleTests {
    static let threePoint = try! RatingScale(
        id: "effective",
        name: "Effective / Partly effective / Not effective",
        levels: [
            RatingLevel(code: "not-effective", label: "Not effective", rank: 0, rag: .red),
            RatingLevel(code: "partly-effective", label: "Partly effective", rank: 1, rag: .amber),
            RatingLevel(code: "effective", label: "Effective", rank: 2, rag: .green),
        ]
    )

    @Test func theRulesSpeakOfTheToolsGrades() {
        var module = AuditModule()
        module.templates = [
            AuditTemplate(
                id: "case-file-v2",
                family: "case-file",
                version: 2,
                name: "Case file audit tool",
                scale: Self.threePoint,
                sections: AuditTemplate.standard.sections
            )
        ]
        let summaries = module.rules.keyed(by: \.id, value: \.summary)
        #expect(
            summaries[.auditRecurringTheme]
                == "A theme judged Partly effective or Not effective in more than one audit reported in the last 12 months."
        )
        #expect(summaries[.auditGoodPractice]?.contains("whose moderated judgement is effective or better") == true)
        #expect(
            AuditModule().rules.keyed(by: \.id, value: \.summary)[.auditRecurringTheme]?.contains(
                "Requires improvement or Inadequate"
            ) == true
        )
    }

    @Test func theProgrammesScaleIsTheToolMostAuditsUsed() async throws {
        let store = InMemoryStore()
        let ids = IDGenerator.incrementing
        let day = Day.fixture("2025-05-01")
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let tool = AuditTemplate(
            id: "case-file-v1",
            family: "case-file",
            version: 1,
            name: "Case file audit tool",
            scale: Self.threePoint,
            sections: AuditTemplate.standard.sections
        )
        try await Records(store: store).save(tool, version: 0, by: PartnershipScenario.qaLead)
        let audits = (1...2).map { number in
            Audit(
                id: Audit.ID(rawValue: "cfa-\(number)")!,
                title: "Case file audit \(number)",
                type: "case-file-audit",
                themes: [.neglect],
                rationale: .data,
                lead: "Panel chair",
                agencies: [PartnershipScenario.police],
                template: tool.id,
                plannedFrom: day,
                plannedUntil: day.adding(days: 60),
                plannedOn: day,
                plannedBy: "qa-lead"
            )
        }
        try await AuditProgramme(environment: environment).plan(
            year: try ReportingPeriod(parsing: "FY2025-26"),
            audits: audits,
            by: PartnershipScenario.qaLead
        )
        let framework = try AssuranceFramework(modules: [AuditModule()], environment: environment)
        let request = ReportRequest(
            kind: .practiceDevelopmentAssurance,
            period: try ReportingPeriod(parsing: "FY2025-26-Q1"),
            audience: .partnership,
            day: day
        )
        let state = try await AuditState.load(try framework.view(for: request, as: PartnershipScenario.qaLead))
        #expect(state.scale == Self.threePoint)
        #expect(state.analysis().scale == Self.threePoint)
        #expect(state.template(of: audits[0]).name == "Case file audit tool")
    }
}
