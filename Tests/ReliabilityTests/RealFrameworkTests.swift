import AssuranceTesting
import Domain
import Foundation
import Reporting
import SyntheticPartnership
import Testing

/// Two real partnerships' frameworks, written as profiles from their published pages (each fact's
/// source in the fixture's notes): each passes the check, runs the cycle and every report on data in
/// its own shape, passes its own scenarios, and its reports carry its words, never the starter's.
struct RealFrameworkTests {
    static let fixtures = ProfileTests.fixtures
    static let starter = ProfileTests.starter

    static func profile(_ name: String) throws -> PartnershipProfile {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("\(name).qaf-profile.json"))
        return try PartnershipProfile.read(json: data, source: name, modules: ProfileTests.types).0
    }

    /// The starter framework's own words: its quotes, its level names and group names that the
    /// other framework does not use, its report and section titles, and its name.
    static func starterWords(besides profile: PartnershipProfile) -> [String] {
        let document = starter.framework
        let own = Set(profile.groups.map(\.name) + EscalationLevel.allCases.map { profile.framework.name(of: $0) })
        let names = EscalationLevel.allCases.map { document.name(of: $0) } + starter.groups.map(\.name)
        let titles = document.reports.values.compactMap(\.title) + Array(document.sections.values)
        // "Agency" and "Executive" are ordinary words every report uses, and a name the profile's own
        // names contain ("Sub-group" in "PAS Sub-group") is theirs too; the starter's other names are its own.
        let theirs = names.filter { name in
            !own.contains { $0.contains(name) } && !["Agency", "Executive"].contains(name)
        }
        return
            (Array(document.quotes.values) + theirs
            + titles + [document.name, "Devon"])
    }

    @Test(arguments: ["surrey", "oscp"])
    func aRealFrameworkRunsInItsOwnWords(name: String) async throws {
        let profile = try Self.profile(name)
        let framework = try AssuranceFramework(profile: profile, modules: ProfileTests.types)
        // Its catalogue cites it.
        #expect(framework.ruleCatalogue.allSatisfy { !$0.source.citation.contains("Devon") })
        #expect(framework.ruleCatalogue.contains { $0.source.citation.hasPrefix(profile.framework.name) })

        let store = InMemoryStore()
        var generator = PartnershipGenerator(scale: .miniature)
        generator.shape = PartnershipShape(profile: profile, modules: framework.modules)
        try await generator.load(into: store)
        let day = PartnershipGenerator.demoDay
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let running = try AssuranceFramework(profile: profile, modules: ProfileTests.types, environment: environment)
        let outcome = try await running.runCycle(on: day, by: .system)
        #expect(!outcome.raised.isEmpty)
        #expect(
            outcome.open.allSatisfy { profile.escalation.route.contains($0.level) },
            "a finding at a level the route skips"
        )

        let words = Self.starterWords(besides: profile)
        let reports = StandardReports(framework: running)
        let quarter = ReportingPeriod.containing(day.adding(days: -31), kind: .quarter, basis: .financial)
        let year = ReportingPeriod.containing(day.adding(days: -31), kind: .year, basis: .financial)
        let group = try #require(profile.groups.first { !$0.reportsToAll.isEmpty }).id
        for definition in running.reportDefinitions {
            let period = definition.periodKinds == [.year] || definition.kind == .yearly ? year : quarter
            let report = try await reports.make(
                ReportRequest(
                    kind: definition.kind,
                    period: definition.periodKinds.contains(period.kind) ? period : year,
                    audience: .internal,
                    day: day,
                    group: definition.subject == .group ? group : nil,
                    agency: definition.subject == .agency ? "police" : nil
                ),
                as: .system
            )
            let text = MarkdownRenderer().render(report) + HTMLRenderer().render(report)
            for word in words {
                var at = ""
                if let range = text.range(of: word) {
                    let start =
                        text.index(range.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
                    at = String(text[start..<range.upperBound])
                }
                #expect(!text.contains(word), "\(name): the \(definition.kind) report says \"\(word)\": \(at)")
            }
            if definition.kind == .practiceDevelopmentAssurance {
                #expect(
                    report.title.hasPrefix(
                        try #require(profile.framework.reports[.practiceDevelopmentAssurance]?.title)
                    )
                )
            }
        }

        let runner = ScenarioRunner(profile: profile, modules: ProfileTests.types)
        let directory = ProfileTests.scenarios.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 5)
        for file in files {
            let result = try await runner.run(
                try Scenario(json: Data(contentsOf: directory.appendingPathComponent(file)), source: file)
            )
            #expect(result.passed, "\(name)/\(file): \(result.differences)")
        }
    }

    @Test func theirScalesLevelsAndProgrammesAreTheirOwn() throws {
        let oscp = try Self.profile("oscp")
        #expect(oscp.escalation.route == [.agency, .subGroup, .executive])
        #expect(oscp.groups.first { $0.id == "panel" }?.reportsToAll == ["qap", "partners"])
        #expect(oscp.groups.first { $0.id == "qap" }?.meetingCadence == Cadence(weeks: 8))
        let surrey = try Self.profile("surrey")
        #expect(surrey.framework.name(of: .practiceDevelopmentGroup) == "Business Group")
        #expect(surrey.priorities.count == 4)
    }
}

/// The ten kinds of hand-editing mistake, made in each real framework's profile: each refused, with
/// where it is and how to fix it.
struct RealFrameworkMistakesTests {
    static func edited(_ name: String, _ path: String, _ value: JSONValue) throws -> Data {
        let data = try Data(contentsOf: ProfileTests.fixtures.appendingPathComponent("\(name).qaf-profile.json"))
        let document = try JSONValue(strict: data)
        let steps: [String] = path.split(separator: "/").map(String.init)
        func go(_ current: JSONValue, _ rest: ArraySlice<String>) -> JSONValue {
            guard let key = rest.first else { return value }
            switch current {
            case .object(var object):
                object[key] = go(object[key] ?? .null, rest.dropFirst())
                return .object(object)
            case .array(var items):
                guard let index = Int(key) else { return current }
                if index == items.count { items.append(.object([:])) }
                items[index] = go(items[index], rest.dropFirst())
                return .array(items)
            default:
                return current
            }
        }
        return try JSONEncoder().encode(go(document, steps[...]))
    }

    static func problems(_ data: Data, _ name: String) -> String {
        do {
            _ = try PartnershipProfile.read(json: data, source: name, modules: ProfileTests.types)
            return ""
        } catch {
            return (error as? DomainError)?.message ?? "\(error)"
        }
    }

    @Test(arguments: ["surrey", "oscp"])
    func everyKindOfMistakeIsRefusedWhereItIs(name: String) throws {
        let original = try Data(contentsOf: ProfileTests.fixtures.appendingPathComponent("\(name).qaf-profile.json"))
        let text = String(decoding: original, as: UTF8.self)
        // 1. A trailing comma, placed by line and column.
        let comma = text.replacingOccurrences(of: "\"format\": \"qaf-profile\",", with: "\"format\": \"qaf-profile\",,")
        #expect(Self.problems(Data(comma.utf8), name).contains("not JSON: line"))
        let cases: [(String, JSONValue, String)] = [
            // 2. Two standards with one code.
            (
                "modules/section11/standardSets/0/standards/1/code", .string("1"),
                "standards[1].code: standard \"1\" appears twice"
            ),
            // 3. A misspelt reminder key.
            (
                "reminders/workingDaysBefore/section11.retrun", .number(5),
                "\"section11.retrun\" is not a kind of deadline"
            ),
            // 4. A misspelt framework-section key.
            ("framework/sections/agency-contributon", .string("S11"), "is not a section the rules cite"),
            // 5. A priority naming a measure that does not exist.
            (
                "priorities/0",
                .object([
                    "id": .string("p1"), "title": .string("T"), "year": .string("FY2025-26"), "outcome": .string("O"),
                    "measures": .array([.string("no-such-measure")]), "themes": .array([]),
                ]), "priorities[0].measures[0]: measure \"no-such-measure\" is not in the measure catalogue"
            ),
            // 6. A contribution check naming an unknown measure.
            (
                "modules/section11/settings/contributionChecks/0/measure", .string("no-such-measure"),
                "contributionChecks[0].measure"
            ),
            // 7. A group priority that does not exist.
            (
                "groups/1/priorities", .array([.string("no-such-priority")]),
                "groups[1].priorities[0]: priority \"no-such-priority\""
            ),
            // 8. A reporting circle.
            (
                "groups/0/reportsTo", .string(name == "surrey" ? "pas" : "qap"),
                "the reporting lines go round in a circle"
            ),
            // 9. An empty escalation route.
            ("escalation/route", .array([]), "escalation.route: names no level"),
            // 10. A repeated escalation level.
            (
                "escalation/route", .array([.string("agency"), .string("agency"), .string("executive")]),
                "escalation.route[1]"
            ),
        ]
        for (path, value, expected) in cases {
            let problems = Self.problems(try Self.edited(name, path, value), name)
            #expect(problems.contains(expected), "\(name) \(path): \(problems)")
        }
    }
}
