import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Section11
import Testing

/// Every threshold and timescale a rule uses is a setting the profile can change, and one the
/// profile changes is shown as the partnership's, never as a local default.
struct ProfileSettingsTests {
    static let types = ProfileTests.types

    /// Every number under every module's settings moved: whole numbers (a contribution check's
    /// threshold among them) up by one, shares down by a twentieth.
    static func moved(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number) where number.rounded() == number: .number(number + 1)
        case .number(let number): .number(((number - 0.05) * 1000).rounded() / 1000)
        case .array(let items): .array(items.map(moved))
        case .object(let object): .object(object.mapValues(moved))
        default: value
        }
    }

    static func withSettingsMoved() throws -> PartnershipProfile {
        var profile = ProfileTests.starter
        for (id, part) in profile.modules {
            guard case .object(var object) = part, let settings = object["settings"] else { continue }
            object["settings"] = moved(settings)
            profile.modules[id] = .object(object)
        }
        return try PartnershipProfile.read(json: profile.encoded(), source: "moved", modules: types).0
    }

    @Test func everyFigureARuleUsesNamesASettingOfItsModule() throws {
        let framework = try AssuranceFramework(profile: ProfileTests.starter, modules: Self.types)
        for (type, module) in zip(Self.types, try ProfileTests.starter.modules(Self.types)) {
            guard case .object(let starter) = type.starterProfile, case .object(let settings)? = starter["settings"]
            else {
                #expect(
                    module.rules.allSatisfy { $0.localDefaults.isEmpty },
                    "\(module.id) has figures and no settings"
                )
                continue
            }
            for rule in module.rules {
                for figure in rule.localDefaults {
                    let setting = try #require(figure.setting, "\(rule.id): \(figure.name) names no setting")
                    #expect(settings[setting] != nil, "\(rule.id): \(setting) is not a setting of \(module.id)")
                }
            }
        }
        let figures = framework.ruleCatalogue.flatMap(\.localDefaults)
        #expect(figures.count == 35)
        #expect(figures.allSatisfy { !$0.isSetByPartnership }, "the starter's figures are the package's defaults")
    }

    @Test func aFigureTheProfileChangesIsThePartnershipsEverywhere() throws {
        let starter = try AssuranceFramework(profile: ProfileTests.starter, modules: Self.types)
        let moved = try AssuranceFramework(profile: try Self.withSettingsMoved(), modules: Self.types)
        let before = starter.ruleCatalogue.keyed(by: \.id)
        for rule in moved.ruleCatalogue {
            let old = try #require(before[rule.id])
            for (figure, was) in zip(rule.localDefaults, old.localDefaults) {
                #expect(figure.isSetByPartnership, "\(rule.id): \(figure.name) is shown as a local default")
                #expect(figure.value != was.value, "\(rule.id): \(figure.name) did not follow its setting")
                #expect(figure.description.hasSuffix("(set by the partnership)"))
            }
        }
        let attendance = try #require(moved.ruleCatalogue.first { $0.id == .learningAttendanceBelowCommitment })
        #expect(
            attendance.localDefaults.map(\.description) == [
                "places taken up of those committed 75% (set by the partnership)",
                "places committed before judging 6 (set by the partnership)",
                "window 13 months (set by the partnership)",
            ]
        )
        let rule = try #require(moved.modules.flatMap(\.rules).first { $0.id == .learningTrainingChangedPractice })
        #expect(
            rule.sourceLine(citing: moved.document).hasSuffix(
                "share saying practice changed 70% (set by the partnership); window 13 months (set by the partnership)"
            )
        )
    }

    @Test func theCatalogueSaysHowFindingsEscalate() throws {
        let starter = try AssuranceFramework(profile: ProfileTests.starter, modules: Self.types)
        #expect(
            starter.escalationSummary
                == "A finding left unresolved moves up through the Agency, the Sub-group, the Practice Development "
                + "Group and the Executive. It waits 2 months at the Agency (local default), 2 months at the "
                + "Sub-group (local default) and 2 months at the Practice Development Group (local default) before "
                + "it moves up; at the Executive it stays."
        )
        var profile = ProfileTests.starter
        profile.escalation = EscalationPolicy(after: [.agency: .months(1), .subGroup: .months(2)])
        profile.escalation.route = [.agency, .subGroup, .executive]
        profile.framework.levels[.executive] = .init("Board")
        let framework = try AssuranceFramework(profile: profile, modules: Self.types)
        #expect(
            framework.escalationSummary
                == "A finding left unresolved moves up through the Agency, the Sub-group and the Board. It waits 1 "
                + "month at the Agency (set by the partnership) and 2 months at the Sub-group (local default) "
                + "before it moves up; at the Board it stays."
        )
    }
}
