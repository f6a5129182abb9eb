import AssuranceTesting
import Domain
import Foundation
import Measures
import Section11
import Testing

/// Malformed input for every importer and parser: each is refused with an error that says where and
/// what, nothing crashes, and the store is exactly as it was.
///
/// The command line's bad arguments are in `qafTests` (`eachExitStatusOnADeliberatelyBadInput` and
/// `badArgumentsAreUsageErrors`), which run the built binary.
@Suite struct BadInputCatalogueTests {
    struct World {
        let store: InMemoryStore
        /// An empty store a backup is restored into: a restore goes only into an empty store.
        let empty = InMemoryStore()
        let environment: AssuranceEnvironment
        let cycle: AssessmentCycle.ID
        let criteria: [CriterionCode]

        static let day = Day.fixture("2025-06-02")

        static func make() async throws -> World {
            let store = InMemoryStore()
            let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
            try await PartnershipScenario.small(from: .fixture("2025-01-01")).save(into: environment.records)
            // A month already held, so that a second import of it is a duplicate.
            try await MeasureData(environment: environment).importObservations(
                csv: Data("measure,scope,period,value\nreferrals,partnership,2025-04,100\n".utf8),
                source: "held.csv",
                by: .system
            )
            let cycle = try await SelfAssessments(environment: environment).openCycle(
                name: "Section 11 2025",
                standardSet: StandardSet.section11Classic.id,
                cadence: .yearly,
                issuedOn: day,
                returnDeadline: day.adding(days: 42),
                invite: [PartnershipScenario.police],
                by: .system
            )
            let criteria = StandardSet.section11Classic.criteria(for: .police).map(\.code)
            return World(store: store, environment: environment, cycle: cycle.id, criteria: criteria)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: Input
        /// Words the error must contain: where (file, line, field) and what.
        let says: [String]

        enum Input: Sendable {
            case measures(Data)
            case publishedStatistics(Data, indicator: String)
            case neighbours(Data)
            case section11(String)
            case backup(Data)
            case day(String)
            case period(String)
            case identifier(String)
        }

        var testDescription: String { name }

        init(_ name: String, _ input: Input, says: [String]) {
            self.name = name
            self.input = input
            self.says = says
        }
    }

    static func csv(_ text: String) -> Data { Data(text.utf8) }
    static let header = "measure,scope,period,value\n"

    static let measures: [Case] = [
        Case("an empty file", .measures(Data()), says: ["m.csv", "header"]),
        Case("a header and no rows", .measures(csv(header)), says: ["m.csv", "no observations"]),
        Case(
            "a missing column",
            .measures(csv("measure,scope,period\nreferrals,partnership,2025-05\n")),
            says: ["m.csv", "value"]
        ),
        Case(
            "an unknown extra column",
            .measures(csv("measure,scope,period,value,colour\nreferrals,partnership,2025-05,1,red\n")),
            says: ["m.csv", "colour"]
        ),
        Case(
            "a thousands separator",
            .measures(csv(header + "referrals,partnership,2025-05,\"1,204\"\n")),
            says: ["m.csv:2", "value", "1,204"]
        ),
        Case("NaN", .measures(csv(header + "referrals,partnership,2025-05,NaN\n")), says: ["m.csv:2", "value", "NaN"]),
        Case(
            "infinity",
            .measures(csv(header + "referrals,partnership,2025-05,inf\n")),
            says: ["m.csv:2", "value", "inf"]
        ),
        Case(
            "a negative count",
            .measures(csv(header + "referrals,partnership,2025-05,-3\n")),
            says: ["m.csv:2", "-3"]
        ),
        Case(
            "a percentage over 100",
            .measures(csv(header + "mash-contact-conversion,partnership,2025-05,140\n")),
            says: ["m.csv:2", "140"]
        ),
        Case(
            "an unknown measure",
            .measures(csv(header + "cheese,partnership,2025-05,1\n")),
            says: ["m.csv:2", "cheese"]
        ),
        Case(
            "an unknown scope",
            .measures(csv(header + "referrals,atlantis,2025-05,1\n")),
            says: ["m.csv:2", "atlantis"]
        ),
        Case(
            "a month that does not exist",
            .measures(csv(header + "referrals,partnership,2025-13,1\n")),
            says: ["m.csv:2", "2025-13"]
        ),
        Case(
            "a quarter for a monthly measure",
            .measures(csv(header + "referrals,partnership,FY2025-26-Q1,1\n")),
            says: ["m.csv:2", "FY2025-26-Q1"]
        ),
        Case(
            "a far-future month",
            .measures(csv(header + "referrals,partnership,2099-01,1\n")),
            says: ["m.csv:2", "2099-01"]
        ),
        Case(
            "the same month twice",
            .measures(csv(header + "referrals,partnership,2025-05,1\nreferrals,partnership,2025-05,2\n")),
            says: ["2025-05", "twice"]
        ),
        Case(
            "a month already held",
            .measures(csv(header + "referrals,partnership,2025-04,3\n")),
            says: ["2025-04", "already held"]
        ),
        Case(
            "a quote left open",
            .measures(csv(header + "referrals,partnership,2025-05,\"12\n")),
            says: ["m.csv", "quote"]
        ),
        Case(
            "Latin-1 text",
            .measures(Data("measure,scope,period,value\ncaf".utf8) + Data([0xE9]) + csv(",partnership,2025-05,1\n")),
            says: ["m.csv", "UTF-8"]
        ),
        Case("a row cut short", .measures(csv(header + "referrals,partnership\n")), says: ["m.csv:2"]),
        Case(
            "a 100 MB line",
            .measures(csv(header + "referrals,partnership,2025-05," + String(repeating: "9", count: 100_000_000))),
            says: ["m.csv", "longer than"]
        ),
        Case(
            "a symbol with a value",
            .measures(csv(header.dropLast() + ",status\nreferrals,partnership,2025-05,5,c\n")),
            says: ["m.csv:2", "c"]
        ),
        Case(
            "an empty value with no symbol",
            .measures(csv(header + "referrals,partnership,2025-05,\n")),
            says: ["m.csv:2", "value"]
        ),
        Case(
            "an unknown status",
            .measures(csv(header.dropLast() + ",status\nreferrals,partnership,2025-05,5,maybe\n")),
            says: ["m.csv:2", "maybe"]
        ),
        Case(
            "a numerator over its denominator",
            .measures(
                csv(
                    "measure,scope,period,value,numerator,denominator\nmash-contact-conversion,partnership,2025-05,50,300,200\n"
                )
            ),
            says: ["m.csv:2", "numerator"]
        ),
    ]

    static let eesHeader =
        "time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,new_la_code,la_name,At31_episodes\n"

    static let publishedStatistics: [Case] = [
        Case("an empty file", .publishedStatistics(Data(), indicator: "At31_episodes"), says: ["ees.csv"]),
        Case(
            "the indicator missing",
            .publishedStatistics(csv(eesHeader), indicator: "Started_episodes"),
            says: ["ees.csv", "Started_episodes"]
        ),
        Case(
            "no geographic level",
            .publishedStatistics(csv("time_period,old_la_code,la_name,At31_episodes\n"), indicator: "At31_episodes"),
            says: ["ees.csv", "geographic_level"]
        ),
        Case(
            "a value that is not a number or a symbol",
            .publishedStatistics(
                csv(eesHeader + "2025,Reporting year,Local authority,E92000001,E12000009,878,E10000008,Devon,12a\n"),
                indicator: "At31_episodes"
            ),
            says: ["ees.csv:2", "12a"]
        ),
        Case(
            "an unknown symbol",
            .publishedStatistics(
                csv(eesHeader + "2025,Reporting year,Local authority,E92000001,E12000009,878,E10000008,Devon,q\n"),
                indicator: "At31_episodes"
            ),
            says: ["ees.csv:2", "q"]
        ),
        Case(
            "NaN",
            .publishedStatistics(
                csv(eesHeader + "2025,Reporting year,National,E92000001,,,,,NaN\n"),
                indicator: "At31_episodes"
            ),
            says: ["ees.csv:2", "NaN"]
        ),
        Case(
            "a row cut short",
            .publishedStatistics(
                csv(eesHeader + "2025,Reporting year,National,E92000001\n"),
                indicator: "At31_episodes"
            ),
            says: ["ees.csv:2", "field"]
        ),
        Case(
            "a quote left open",
            .publishedStatistics(
                csv(eesHeader + "2025,Reporting year,National,\"E92000001,,,,,12\n"),
                indicator: "At31_episodes"
            ),
            says: ["ees.csv", "quote"]
        ),
        Case(
            "Latin-1 text",
            .publishedStatistics(
                csv(eesHeader + "2025,Reporting year,Local authority,E92000001,E12000009,878,E10000008,D")
                    + Data([0xE9]) + csv("von,12\n"),
                indicator: "At31_episodes"
            ),
            says: ["ees.csv", "UTF-8"]
        ),
        Case("no neighbour columns", .neighbours(csv("old_la_code,la_name\n878,Devon\n")), says: ["sn.csv", "SN_1"]),
        Case(
            "a neighbour that is not a code",
            .neighbours(csv("old_la_code,la_name,SN_1\n878,Devon,Cornwall\n")),
            says: ["sn.csv:2", "SN_1", "Cornwall"]
        ),
        Case(
            "an authority twice",
            .neighbours(csv("old_la_code,la_name,SN_1\n878,Devon,908\n878,Devon,908\n")),
            says: ["sn.csv:3", "twice"]
        ),
        Case("an empty neighbour file", .neighbours(Data()), says: ["sn.csv"]),
    ]

    static let section11: [Case] = [
        Case("not JSON", .section11("assessments: many"), says: ["s11.json"]),
        Case(
            "cut short",
            .section11(#"{"format": "qaf-section11-assessments", "version": 1, "cycle": "#),
            says: ["s11.json"]
        ),
        Case(
            "another format",
            .section11(#"{"format": "qaf-backup", "version": 1, "cycle": "x", "assessments": []}"#),
            says: ["s11.json", "format"]
        ),
        Case(
            "a newer version",
            .section11(#"{"format": "qaf-section11-assessments", "version": 9, "cycle": "x", "assessments": []}"#),
            says: ["s11.json", "version"]
        ),
        Case(
            "an unknown cycle",
            .section11(#"{"format": "qaf-section11-assessments", "version": 1, "cycle": "nope", "assessments": []}"#),
            says: ["nope"]
        ),
        Case(
            "an agency not invited",
            .section11(entry(agency: "school-north", responses: "[]")),
            says: ["school-north"]
        ),
        Case(
            "an unknown criterion",
            .section11(entry(responses: #"[{"criterion": "99.9", "rating": "green"}]"#)),
            says: ["99.9"]
        ),
        Case(
            "a rating off the scale",
            .section11(entry(responses: #"[{"criterion": "1.1", "rating": "purple"}]"#)),
            says: ["purple"]
        ),
        Case(
            "a moderated rating in an import",
            .section11(entry(responses: #"[{"criterion": "1.1", "rating": "green", "moderatedRating": "red"}]"#)),
            says: ["moderatedRating"]
        ),
        Case("the same agency twice", .section11(entry(responses: "[]", twice: true)), says: ["police", "twice"]),
        Case(
            "submitted with criteria unrated",
            .section11(entry(responses: #"[{"criterion": "1.1", "rating": "green"}]"#, submit: true)),
            says: ["not rated"]
        ),
        Case(
            "an action due on a day that does not exist",
            .section11(
                entry(
                    responses:
                        #"[{"criterion": "1.1", "rating": "amber", "actions": [{"id": "a", "text": "t", "owner": "o", "dueOn": "2025-13-01"}]}]"#
                )
            ),
            says: ["s11.json", "2025-13-01"]
        ),
        Case(
            "a bad agency id",
            .section11(entry(agency: "has space", responses: "[]")),
            says: ["s11.json", "has space"]
        ),
    ]

    static func entry(agency: String = "police", responses: String, submit: Bool = false, twice: Bool = false) -> String
    {
        let one = #"{"agency": "\#(agency)", "submit": \#(submit), "responses": \#(responses)}"#
        return
            #"{"format": "qaf-section11-assessments", "version": 1, "cycle": "CYCLE", "assessments": [\#(one)\#(twice ? ", " + one : "")]}"#
    }

    static func backup(_ edit: @escaping @Sendable (inout [String: Any]) -> Void) -> Data {
        let valid: [String: Any] = [
            "format": "qaf-backup", "version": 1, "series": [] as [Any],
            "records": [
                [
                    "type": "domain.locality", "id": "north", "version": 1, "schemaVersion": 1,
                    "index": [:] as [String: Any],
                    "payload": #"{"id":"north","name":"North"}"#,
                ]
            ],
            "changeLog": [
                [
                    "sequence": 1, "at": 0, "principal": "p", "kind": "created",
                    "record": ["type": "domain.locality", "id": "north"],
                    "version": 1,
                ] as [String: Any]
            ],
        ]
        var object = valid
        edit(&object)
        return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }

    static let backups: [Case] = [
        Case("not JSON", .backup(csv("BACKUP")), says: ["b.json"]),
        Case("another format", .backup(backup { $0["format"] = "qaf-report" }), says: ["b.json", "format"]),
        Case(
            "a newer version",
            .backup(backup { $0["version"] = StoreBackup.version + 1 }),
            says: ["b.json", "version \(StoreBackup.version + 1)"]
        ),
        Case("records missing", .backup(backup { $0["records"] = nil }), says: ["b.json", "records"]),
        Case(
            "a record at version 0",
            .backup(
                backup { object in
                    var records = object["records"] as! [[String: Any]]
                    records[0]["version"] = 0
                    object["records"] = records
                }
            ),
            says: ["version 0"]
        ),
        Case(
            "a record twice",
            .backup(
                backup { object in
                    let records = object["records"] as! [[String: Any]]
                    object["records"] = records + records
                }
            ),
            says: ["twice"]
        ),
        Case(
            "a change log out of order",
            .backup(
                backup { object in
                    let log = object["changeLog"] as! [[String: Any]]
                    object["changeLog"] = log + log
                }
            ),
            says: ["out of order"]
        ),
        Case(
            "a payload that is not Base64",
            .backup(
                backup { object in
                    var records = object["records"] as! [[String: Any]]
                    records[0]["payload"] = nil
                    records[0]["payloadBase64"] = "!!!"
                    object["records"] = records
                }
            ),
            says: ["b.json", "records[0]", "Base64"]
        ),
        Case(
            "a record with a bad id",
            .backup(
                backup { object in
                    var records = object["records"] as! [[String: Any]]
                    records[0]["id"] = "has space"
                    object["records"] = records
                }
            ),
            says: ["b.json", "records[0].id"]
        ),
    ]

    static let texts: [Case] = [
        Case("a day that does not exist", .day("2025-02-30"), says: ["2025-02-30"]),
        Case("a day without zero padding", .day("2025-2-3"), says: ["2025-2-3"]),
        Case("a day without hyphens", .day("20250203"), says: ["20250203"]),
        Case("a day out of every range", .day("9999-99-99"), says: ["9999-99-99"]),
        Case("an empty day", .day(""), says: ["day"]),
        Case("a day with a time", .day("2025-02-03T00:00"), says: ["2025-02-03T00:00"]),
        Case("a year that is not consecutive", .period("FY2025-27"), says: ["FY2025-27"]),
        Case("a fifth quarter", .period("2025-Q5"), says: ["2025-Q5"]),
        Case("a quarter zero", .period("FY2025-26-Q0"), says: ["FY2025-26-Q0"]),
        Case("month zero", .period("2025-00"), says: ["2025-00"]),
        Case("words for a period", .period("last spring"), says: ["last spring"]),
        Case("an id with a space", .identifier("has space"), says: ["has space"]),
        Case("an empty id", .identifier(""), says: ["empty"]),
        Case("an id with a slash", .identifier("a/b"), says: ["a/b"]),
        Case("a very long id", .identifier(String(repeating: "x", count: 1000)), says: ["long"]),
    ]

    static let all = measures + publishedStatistics + section11 + backups + texts

    @Test func theCatalogueHasSeventyFourCases() {
        #expect(Self.all.count == 74)
        #expect(Set(Self.all.map(\.name)).count + 20 >= Self.all.count, "names say what each case is")
    }

    @Test(arguments: all)
    func isRefusedClearlyAndChangesNothing(_ badInput: Case) async throws {
        let world = try await World.make()
        let before = try await world.store.snapshot()
        do {
            try await feed(badInput.input, to: world)
            Issue.record("\(badInput.name) was accepted")
        } catch let error as DomainError {
            #expect([.invalidInput, .duplicate, .notFound, .schemaTooNew].contains(error.code), "\(error)")
            for word in badInput.says {
                #expect(error.message.contains(word), "\(badInput.name): \"\(error.message)\" does not say \(word)")
            }
        }
        #expect(try await world.store.snapshot() == before, "\(badInput.name) changed the store")
        #expect(try await world.empty.snapshot().isEmpty, "\(badInput.name) was half restored")
    }

    /// What a reader must accept: a byte-order mark, CRLF line ends, quoted fields, symbols.
    @Test func wellFormedVariantsAreAccepted() async throws {
        let world = try await World.make()
        let data =
            Data([0xEF, 0xBB, 0xBF])
            + Self.csv(
                "measure,scope,period,value,status\r\nreferrals,partnership,2025-05,\"120\",actual\r\nreferrals,north,2025-05,,c\r\n"
            )
        let summary = try await MeasureData(environment: world.environment).importObservations(
            csv: data,
            source: "ok.csv",
            by: .system
        )
        #expect(summary.inserted == 2)
    }

    func feed(_ input: Case.Input, to world: World) async throws {
        switch input {
        case .measures(let data):
            try await MeasureData(environment: world.environment).importObservations(
                csv: data,
                source: "m.csv",
                by: .system
            )
        case .publishedStatistics(let data, let indicator):
            _ = try PublishedStatistics(data: data, source: "ees.csv", indicator: indicator)
        case .neighbours(let data):
            _ = try StatisticalNeighbourModel(data: data, source: "sn.csv")
        case .section11(let text):
            let json = text.replacingOccurrences(of: "CYCLE", with: world.cycle.rawValue)
            try await SelfAssessments(environment: world.environment).importAssessments(
                json: Data(json.utf8),
                source: "s11.json",
                by: .system
            )
        case .backup(let data):
            try await StoreBackup.restore(data, source: "b.json", into: world.empty)
        // Days, periods and ids arrive in files: each goes through an import that writes to the
        // world's store, which holds a partnership, a month of data and a cycle before it.
        case .day(let text):
            try await feed(
                .section11(
                    Self.entry(
                        responses:
                            #"[{"criterion": "1.1", "rating": "amber", "actions": [{"id": "a", "text": "t", "owner": "o", "dueOn": "\#(text)"}]}]"#
                    )
                ),
                to: world
            )
        case .period(let text):
            try await feed(.measures(Self.csv(Self.header + "referrals,partnership,\(text),1\n")), to: world)
        case .identifier(let text):
            try await feed(.section11(Self.entry(agency: text, responses: "[]")), to: world)
        }
    }
}
