import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11
import SyntheticPartnership
import Testing

/// Any partnership's framework as data: the profile, read strictly, and the scenarios that prove
/// its rules.
struct ProfileTests {
    static let types: [any ProfileConfigurable.Type] = [
        PartnershipModule.self, Section11Module.self, AuditModule.self, MeasuresModule.self, LearningModule.self,
    ]
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    static var starter: PartnershipProfile { PartnershipProfile.starter(modules: types) }

    static func northfield() throws -> PartnershipProfile {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("northfield.qaf-profile.json"))
        return try PartnershipProfile.read(json: data, source: "northfield", modules: types).0
    }

    @Test func theStarterProfileWritesAndReadsBackToTheSameModules() throws {
        let data = try Self.starter.encoded()
        let (read, modules) = try PartnershipProfile.read(json: data, source: "starter", modules: Self.types)
        #expect(try read.encoded() == data, "a profile written and read back writes the same bytes")
        #expect(read.framework.name == "Devon SCP Quality Assurance Framework")
        let section11 = try #require(modules.compactMap { $0 as? Section11Module }.first)
        #expect(
            section11.standardSets.map(\.id) == [StandardSet.section11Classic.id, StandardSet.schoolsSection175.id]
        )
        #expect(section11.standardSets == [.section11Classic, .schoolsSection175])
        let learning = try #require(modules.compactMap { $0 as? LearningModule }.first)
        #expect(learning.clocks == StatutoryClock.starter)
        let measures = try #require(modules.compactMap { $0 as? MeasuresModule }.first)
        #expect(measures.catalogue == MeasureCatalogue.starter)
        // The catalogue cites the framework by name, from the profile: the rules themselves name none.
        let framework = try AssuranceFramework(profile: read, modules: Self.types)
        let cited = framework.ruleCatalogue.first { $0.id == .auditChallengeOverdue }?.source.citation
        #expect(
            cited
                == "Devon SCP Quality Assurance Framework, The Role of the Quality Assurance Delivery Group: a rolling plan of challenge sessions to assess the impact of review activity, findings and recommendations"
        )
        #expect(AuditModule().rules.allSatisfy { !$0.source.citation.contains("Devon") })
    }

    /// A host that composes some of the modules starts from the starter profile of those modules:
    /// it composes, the framework's quotes of the other modules' rules are kept (and noted), and a
    /// quote of a rule a composed module does not have is still refused.
    @Test func theStarterProfileOfSomeModulesComposesThem() throws {
        let some: [any ProfileConfigurable.Type] = [PartnershipModule.self, Section11Module.self]
        let profile = PartnershipProfile.starter(modules: some)
        let framework = try AssuranceFramework(profile: profile, modules: some)
        #expect(framework.modules.map(\.id) == ["partnership", "section11"])
        #expect(profile.framework.quotes == PartnershipProfile.starter(modules: Self.types).framework.quotes)
        var mistaken = profile
        mistaken.framework.quotes["section11.retrun-overdue"] = "agencies return their assessments on time"
        let error = try #require(throws: DomainError.self) { try AssuranceFramework(profile: mistaken, modules: some) }
        #expect(error.message.contains("quotes a rule no module has, \"section11.retrun-overdue\""))
    }

    @Test func everyProblemInAProfileIsNamedByItsPath() throws {
        var document = try JSONDecoder().decode(JSONValue.self, from: Self.starter.encoded())
        func set(_ path: [Any], _ value: JSONValue) {
            func go(_ current: JSONValue, _ rest: ArraySlice<Any>) -> JSONValue {
                guard let key = rest.first else { return value }
                switch (current, key) {
                case (.object(var object), let name as String):
                    object[name] = go(object[name] ?? .null, rest.dropFirst())
                    return .object(object)
                case (.array(var items), let index as Int):
                    items[index] = go(items[index], rest.dropFirst())
                    return .array(items)
                default:
                    return current
                }
            }
            document = go(document, path[...])
        }
        set(["colour"], .string("blue"))
        set(["groups", 2, "reportsTo"], .string("nobody"))
        set(
            ["modules", "section11", "standardSets", 1, "standards", 0, "sectors"],
            .array([.string("space-agencies")])
        )
        set(["modules", "audit", "settings", "reportWeeks"], .number(0))
        set(["modules", "learning", "clocks", 1, "duration"], .string("20 working days"))
        set(
            ["modules", "measures", "catalogue", 1, "targets"],
            .array([.object(["from": .string("2025-04"), "value": .number(140)])])
        )
        set(["modules", "Workforce"], .object([:]))
        let data = try JSONEncoder().encode(document)
        #expect {
            try PartnershipProfile.read(json: data, source: "ours.json", modules: Self.types)
        } throws: { error in
            let message = (error as? DomainError)?.message ?? ""
            let expected = [
                "ours.json has 7 problems:",
                "  colour: unknown key \"colour\"; expected one of format, version, partnership, framework, localities, agencies, groups, priorities, escalation, reminders, modules",
                "  groups[2].reportsTo: reports to \"nobody\", which is not a group of the profile; expected one of executive, pdg, qadg, wdg, lcsprg, cceg",
                "  modules.Workforce: unknown module \"Workforce\"; expected one of partnership, section11, audit, measures, learning",
                "  modules.section11.standardSets[1].standards[0].sectors[0]: sector \"space-agencies\" does not exist; expected one of early-years, education, faith, gp, health-commissioner, health-provider, housing, local-authority-childrens-services, other, police, probation, sport-and-leisure, voluntary-and-community, youth-justice, or name it under sectors",
                "  modules.audit.settings.reportWeeks: 0 is not a whole number from 1 to 52",
            ]
            return expected.allSatisfy { message.contains($0) }
                && message.contains("modules.measures.catalogue[1].targets[0].value: target 140 is outside its unit")
                && message.contains(
                    "modules.learning.clocks[1].duration: 20 working days is longer than the statutory 15 working days"
                )
        }
        // Newer versions are refused with the version this build reads.
        set(["version"], .number(3))
        #expect(
            throws: DomainError(
                .schemaTooNew,
                "ours.json is a qaf-profile of version 3; this build reads version 2 and earlier"
            )
        ) {
            try PartnershipProfile.read(json: JSONEncoder().encode(document), source: "ours.json", modules: Self.types)
        }
    }

    @Test func aStatutoryClockIsWeakenedOnlyWithItsReason() throws {
        var document = try JSONDecoder().decode(JSONValue.self, from: Self.starter.encoded())
        guard case .object(var root) = document, case .object(var modules) = root["modules"],
            case .object(var learning) = modules["learning"], case .array(var clocks) = learning["clocks"],
            case .object(var rapid) = clocks[1]
        else {
            Issue.record("the starter profile changed shape")
            return
        }
        rapid["duration"] = .string("20 working days")
        rapid["weakenedBecause"] = .string("Agreed with the Panel for a pilot year")
        clocks[1] = .object(rapid)
        learning["clocks"] = .array(clocks)
        modules["learning"] = .object(learning)
        root["modules"] = .object(modules)
        document = .object(root)
        let (_, made) = try PartnershipProfile.read(
            json: JSONEncoder().encode(document),
            source: "x",
            modules: Self.types
        )
        let clock = try #require(
            made.compactMap { $0 as? LearningModule }.first?.clocks.first { $0.id == "rapid-review" }
        )
        #expect(clock.duration == .workingDays(20))
        #expect(clock.source.citation.hasSuffix("(weakened locally: Agreed with the Panel for a pilot year)"))
    }

    @Test func theShippedScenariosPassAndAWrongExpectationFailsWithItsDifference() async throws {
        let runner = ScenarioRunner(profile: Self.starter, modules: Self.types)
        let directory = Self.scenarios.appendingPathComponent("starter")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
            .sorted()
        #expect(files.count == 28)
        for file in files {
            let scenario = try Scenario(json: Data(contentsOf: directory.appendingPathComponent(file)), source: file)
            let result = try await runner.run(scenario)
            #expect(result.passed, "\(file): \(result.differences)")
        }
        // The same state with a wrong level expected: failed, saying what was found.
        let data = try Data(contentsOf: directory.appendingPathComponent("audit-challenge-overdue-escalates.json"))
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"level\": \"executive\"", with: "\"level\": \"sub-group\"")
        let wrong = try Scenario(json: Data(text.utf8), source: "wrong.json")
        let result = try await runner.run(wrong)
        #expect(
            result.differences == [
                "expected a finding of audit.challenge-overdue at sub-group containing \"was due by 2025-11-01\"; found audit.challenge-overdue at executive: \"Audit a2 was reported on 2025-05-01; its challenge session was due by 2025-11-01.\""
            ]
        )
        #expect(throws: DomainError.self) {
            try Scenario(
                json: Data(#"{"format": "qaf-scenario", "version": 1, "days": ["2025-13-01"]}"#.utf8),
                source: "bad.json"
            )
        }
    }

    /// The northfield fixture is a profile of version 1, which named modules by display name: it is
    /// read with each part under its module's id, and says so.
    @Test func aProfileOfVersionOneIsReadWithItsModulesByIDAndANoteOfIt() throws {
        let profile = try Self.northfield()
        #expect(profile.modules.keys.sorted() == ["audit", "learning", "measures", "partnership", "section11"])
        #expect(
            profile.migrationNotes.contains(
                "modules.Section 11 is read as modules.section11: version 2 names a module by its id"
            )
        )
        #expect(Self.starter.migrationNotes.isEmpty)
        let written = try JSONDecoder().decode(JSONValue.self, from: profile.encoded())
        #expect(written["version"] == .number(2))
        #expect(try PartnershipProfile(json: profile.encoded(), source: "again").migrationNotes.isEmpty)
    }

    @Test func aSecondProfileDrivesTheCycleTheReportsAndItsScenariosWithoutTheStartersName() async throws {
        let profile = try Self.northfield()
        #expect(profile.escalation.route == [.agency, .practiceDevelopmentGroup, .executive])
        let store = InMemoryStore()
        try await PartnershipGenerator(scale: .miniature).load(into: store)
        let day = PartnershipGenerator.demoDay
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let framework = try AssuranceFramework(profile: profile, modules: Self.types, environment: environment)
        let outcome = try await framework.runCycle(on: day, by: .system)
        #expect(!outcome.raised.isEmpty)
        // Its three-level route: nothing escalates to a sub-group.
        #expect(outcome.escalated.allSatisfy { $0.levelHistory.allSatisfy { $0.level != .subGroup || $0.on == $0.on } })
        let reports = StandardReports(framework: framework)
        let quarter = ReportingPeriod.containing(day.adding(days: -31), kind: .quarter, basis: .financial)
        let year = ReportingPeriod.containing(day.adding(days: -31), kind: .year, basis: .financial)
        for definition in framework.reportDefinitions {
            let period = definition.periodKinds == [.year] || definition.kind == .yearly ? year : quarter
            let report = try await reports.make(
                ReportRequest(
                    kind: definition.kind,
                    period: period,
                    audience: .internal,
                    day: day,
                    group: definition.subject == .group ? "qadg" : nil,
                    agency: definition.subject == .agency ? "police" : nil
                ),
                as: .system
            )
            for text in [
                MarkdownRenderer().render(report), HTMLRenderer().render(report), JSONRenderer().render(report),
            ] {
                #expect(!text.contains("Devon"), "\(definition.kind) names the starter framework")
            }
            if report.sections.contains(where: { $0.id.hasPrefix("findings.") }) {
                #expect(
                    MarkdownRenderer().render(report).contains("Northfield Safeguarding Assurance Framework"),
                    "\(definition.kind) cites its own framework"
                )
            }
        }
        let runner = ScenarioRunner(profile: profile, modules: Self.types)
        let directory = Self.scenarios.appendingPathComponent("northfield")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).filter({ $0.hasSuffix(".json") }
        ) {
            let result = try await runner.run(
                try Scenario(json: Data(contentsOf: directory.appendingPathComponent(file)), source: file)
            )
            #expect(result.passed, "\(file): \(result.differences)")
        }
    }

    /// No partnership's name is compiled into library code outside the starter profile.
    @Test func noPartnershipsFrameworkIsNamedInLibraryCodeOutsideTheStarterProfile() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.lastPathComponent != "StarterProfile.swift" else { continue }
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                if !code.hasPrefix("//"), code.contains("Devon") { found.append("\(file.lastPathComponent): \(code)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
