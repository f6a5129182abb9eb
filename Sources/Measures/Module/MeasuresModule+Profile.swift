public import Domain
import Foundation

extension MeasuresModule: ProfileConfigurable {
    /// The starter catalogue (the framework's measures and the Department for Education's) and the
    /// module's settings at their defaults.
    public static var starterProfile: JSONValue {
        let module = MeasuresModule()
        let catalogue =
            (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(module.catalogue.definitions)))
            ?? .null
        return .object([
            "catalogue": catalogue,
            "settings": .object([
                "offTargetPeriods": .number(Double(module.offTargetPeriods)),
                "redRunPeriods": .number(Double(module.redRunPeriods)),
                "comparatorGap": .number(module.comparatorGap),
                "betterOffWindowMonths": .number(Double(module.betterOffWindowMonths)),
                "decisionPeriods": .number(Double(module.periodsBeforeDecision)),
            ]),
        ])
    }

    /// The module configured from its part of a profile: its catalogue (each measure's targets
    /// within its unit's bounds, each role a known one or one the part names under `roles`) and its
    /// settings.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part, part.fields(allowing: ["catalogue", "roles", "settings"]) != nil else { return }
        let extra = (part.child("roles")?.elements() ?? []).compactMap {
            $0.nonEmptyString().map { MeasureRole(rawValue: $0) }
        }
        let roles = MeasureRole.known + extra
        if let catalogue = part.child("catalogue") {
            var definitions: [MeasureDefinition] = []
            var refused = false
            var seen = Set<MeasureID>()
            for element in catalogue.elements() {
                guard let definition = element.decode(MeasureDefinition.self) else { continue }
                if !seen.insert(definition.id).inserted {
                    refused = true
                    element.problem(
                        "measure \(DomainError.quote(definition.id.rawValue)) appears twice in the catalogue; give each "
                            + "its own id",
                        at: "id"
                    )
                }
                for (index, role) in (definition.roles ?? []).enumerated() where !roles.contains(role) {
                    element.problem(
                        "role \(DomainError.quote(role.rawValue)) is not one a section or rule looks for; expected "
                            + roles.map(\.rawValue).joined(separator: ", ") + ", or name it under roles",
                        at: "roles[\(index)]"
                    )
                }
                for (index, step) in definition.targets.enumerated() where !definition.unit.bounds.contains(step.value)
                {
                    refused = true
                    element.problem(
                        "target \(NumberText.shortest(step.value)) is outside its unit (\(definition.unit.rawValue)): "
                            + "expected \(NumberText.shortest(definition.unit.bounds.lowerBound)) to "
                            + (definition.unit == .percentage ? "100" : "any higher number"),
                        at: "targets[\(index)].value"
                    )
                }
                definitions.append(definition)
            }
            // A target outside its unit is reported above, at its path; the catalogue's own checks
            // (ids, duplicates) follow.
            if !refused {
                do {
                    self.catalogue = try MeasureCatalogue(definitions)
                } catch {
                    catalogue.problem(error.message)
                }
            }
        }
        guard let settings = part.child("settings") else { return }
        _ = settings.fields(allowing: [
            "offTargetPeriods", "redRunPeriods", "comparatorGap", "betterOffWindowMonths", "decisionPeriods",
        ])
        decisionPeriods = settings.child("decisionPeriods")?.integer(in: 1...120) ?? decisionPeriods
        offTargetPeriods = settings.child("offTargetPeriods")?.integer(in: 1...60) ?? offTargetPeriods
        redRunPeriods = settings.child("redRunPeriods")?.integer(in: 1...60) ?? redRunPeriods
        comparatorGap = settings.child("comparatorGap")?.number(in: 0...10) ?? comparatorGap
        betterOffWindowMonths = settings.child("betterOffWindowMonths")?.integer(in: 1...60) ?? betterOffWindowMonths
    }

    /// The catalogue's definitions, to store.
    public var profileRecords: [any StorableRecord] { catalogue.definitions }
}
