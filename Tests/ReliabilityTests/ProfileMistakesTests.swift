import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Section11
import Testing

/// The mistakes people make editing a profile by hand are each refused with where they are, the
/// value and how to fix them; nothing is quietly read as something else.
struct ProfileMistakesTests {
    /// The starter profile with one value set at a path such as `groups/2/reportsTo`.
    static func starter(setting path: String, to value: JSONValue) throws -> Data {
        let steps: [Any] = path.split(separator: "/").map { Int($0).map { $0 as Any } ?? String($0) }
        return try starter(setting: steps, to: value)
    }

    /// The starter profile with one value set at a path of keys and indexes.
    static func starter(setting path: [Any], to value: JSONValue) throws -> Data {
        let document = try JSONDecoder().decode(JSONValue.self, from: ProfileTests.starter.encoded())
        func go(_ current: JSONValue, _ rest: ArraySlice<Any>) -> JSONValue {
            guard let key = rest.first else { return value }
            switch (current, key) {
            case (.object(var object), let name as String):
                object[name] = go(object[name] ?? .null, rest.dropFirst())
                return .object(object)
            case (.array(var items), let index as Int):
                if index == items.count { items.append(.null) }
                items[index] = go(items[index], rest.dropFirst())
                return .array(items)
            default:
                return current
            }
        }
        return try JSONEncoder().encode(go(document, path[...]))
    }

    static func problems(_ data: Data) -> String {
        do {
            _ = try PartnershipProfile.read(json: data, source: "ours.json", modules: ProfileTests.types)
            return ""
        } catch {
            return (error as? DomainError)?.message ?? "\(error)"
        }
    }

    static let priority: JSONValue = .object([
        "id": .string("neglect"), "title": .string("Neglect"), "outcome": .string("Children are helped sooner."),
        "year": .string("FY2025-26"), "measures": .array([.string("mash-contacts")]),
        "themes": .array([.string("neglect")]),
    ])

    @Test(arguments: [
        (
            "modules/section11/standardSets/0/standards/1/code", JSONValue.string("1"),
            "modules.section11.standardSets[0].standards[1].code: standard \"1\" appears twice in the set; give each standard its own code"
        ),
        (
            "modules/section11/standardSets/0/standards/0/criteria/1/code", .string("1.1"),
            "modules.section11.standardSets[0].standards[0].criteria[1].code: criterion \"1.1\" appears twice in the set; give each criterion its own code"
        ),
        (
            "reminders/workingDaysBefore/section11.retrun", .number(5),
            "reminders.workingDaysBefore.section11.retrun: \"section11.retrun\" is not a kind of deadline; expected one of"
        ),
        (
            "framework/sections/quality-asurance-delivery-group", .string("QA"),
            "framework.sections.quality-asurance-delivery-group: \"quality-asurance-delivery-group\" is not a section the rules cite; expected one of"
        ),
        (
            "priorities/0", priority,
            ""
        ),
        (
            "modules/section11/settings/contributionChecks/0/measure", .string("conference-atendance"),
            "modules.section11.settings.contributionChecks[0].measure: measure \"conference-atendance\" is not in the measure catalogue"
        ),
        (
            "modules/section11/settings/contributionChecks/1/standard", .string("80"),
            "modules.section11.settings.contributionChecks[1].standard: standard \"80\" is in no standard set; expected one of"
        ),
        (
            "modules/section11/settings/attendanceStandard", .string("70"),
            "modules.section11.settings.attendanceStandard: standard \"70\" is in no standard set; expected one of"
        ),
        (
            "groups/2/priorities", .array([.string("negelct")]),
            "groups[2].priorities[0]: priority \"negelct\" is not one of the profile's priorities; expected one of"
        ),
        (
            "escalation/route", .array([]),
            "escalation.route: names no level; a finding needs at least one level to be raised at"
        ),
        (
            "escalation/route", .array([.string("agency"), .string("agency"), .string("executive")]),
            "escalation.route[1]: \"agency\" appears twice; give each level once, lowest first"
        ),
        (
            "groups/0/reportsTo", .string("qadg"),
            "groups: the reporting lines go round in a circle (pdg → executive → qadg → pdg); a group cannot report, however indirectly, to itself"
        ),
        (
            "modules/measures/catalogue/1/id", .string("mash-contacts"),
            "modules.measures.catalogue[1].id: measure \"mash-contacts\" appears twice in the catalogue; give each its own id"
        ),
        (
            "groups/3/id", .string("qadg"),
            "groups[3].id: group \"qadg\" appears twice; give each group its own id"
        ),
    ])
    func aHandEditingMistakeIsRefusedWhereItIs(path: String, value: JSONValue, expected: String) throws {
        var data = try Self.starter(setting: path, to: value)
        if path.hasSuffix("/priorities") {
            let document = try JSONDecoder().decode(JSONValue.self, from: data)
            guard case .object(var root) = document else { return }
            root["priorities"] = .array([Self.priority])
            data = try JSONEncoder().encode(JSONValue.object(root))
        }
        let problems = Self.problems(data)
        if expected.isEmpty {
            #expect(problems == "", "a good priority is accepted")
        } else {
            #expect(problems.contains(expected), "\(problems)")
        }
    }

    @Test func aPriorityNamingAMeasureThatDoesNotExistIsRefused() throws {
        guard case .object(var bad) = Self.priority else { return }
        bad["measures"] = .array([.string("mash-contacts"), .string("re-referals")])
        let problems = Self.problems(try Self.starter(setting: "priorities/0", to: .object(bad)))
        #expect(
            problems.contains(
                "priorities[0].measures[1]: measure \"re-referals\" is not in the measure catalogue; expected one of"
            ),
            "\(problems)"
        )
    }
}
