public import Domain
import Foundation

extension Section11Module: ProfileConfigurable {
    /// The starter sets (the classic eight standards and the schools' s175 set) and the module's
    /// settings at their defaults.
    public static var starterProfile: JSONValue {
        let module = Section11Module()
        return .object([
            "standardSets": Self.json(module.standardSets),
            "settings": .object([
                "reworkWorkingDays": .number(Double(module.reworkWorkingDays)),
                "systemWideRedShare": .number(module.systemWideRedShare),
                "gapShare": .number(module.gapShare),
                "attendanceStandard": module.attendanceStandard.map { .string($0.rawValue) } ?? .null,
                "attendanceShare": .number(module.attendanceShare),
                "movedToGreenMonths": .number(Double(module.movedToGreenMonths)),
                "contributionChecks": Self.json(module.contributionChecks),
            ]),
        ])
    }

    /// The module configured from its part of a profile: its standard sets (each sector a known one
    /// or one the part names under `sectors`) and its settings.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part, part.fields(allowing: ["standardSets", "settings", "sectors"]) != nil else { return }
        let extra = (part.child("sectors")?.elements() ?? []).compactMap {
            $0.string().map(AgencySector.init(rawValue:))
        }
        let sectors = Set(AgencySector.knownSectors + extra)
        if let sets = part.child("standardSets") {
            var decoded: [StandardSet] = []
            for element in sets.elements() {
                guard let set = element.decode(StandardSet.self) else { continue }
                for (index, standard) in set.standards.enumerated() {
                    for (position, sector) in standard.sectors.enumerated() where !sectors.contains(sector) {
                        element.problem(
                            "sector \(DomainError.quote(sector.rawValue)) does not exist; expected one of "
                                + sectors.map(\.rawValue).sorted().joined(separator: ", ")
                                + ", or name it under sectors",
                            at: "standards[\(index)].sectors[\(position)]"
                        )
                    }
                }
                decoded.append(set)
            }
            let ids = decoded.map(\.id.rawValue)
            for (index, id) in ids.enumerated() where ids.firstIndex(of: id) != index {
                sets.problem("standard set \(DomainError.quote(id)) appears twice", at: "[\(index)]")
            }
            standardSets = decoded
        }
        guard let settings = part.child("settings") else { return }
        _ = settings.fields(allowing: [
            "reworkWorkingDays", "systemWideRedShare", "gapShare", "attendanceStandard", "attendanceShare",
            "movedToGreenMonths", "contributionChecks",
        ])
        attendanceShare = settings.child("attendanceShare")?.number(in: 0...1) ?? attendanceShare
        movedToGreenMonths = settings.child("movedToGreenMonths")?.integer(in: 1...60) ?? movedToGreenMonths
        reworkWorkingDays = settings.child("reworkWorkingDays")?.integer(in: 1...60) ?? reworkWorkingDays
        systemWideRedShare = settings.child("systemWideRedShare")?.number(in: 0...1) ?? systemWideRedShare
        gapShare = settings.child("gapShare")?.number(in: 0...1) ?? gapShare
        if let standard = settings.child("attendanceStandard") {
            attendanceStandard = standard.string().map { StandardCode(rawValue: $0) }
        }
        if let checks = settings.child("contributionChecks")?.decode([ContributionCheck].self) {
            contributionChecks = checks
        }
    }

    /// The standard sets, to store.
    public var profileRecords: [any StorableRecord] { standardSets }

    static func json<T: Encodable>(_ value: T) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))) ?? .null
    }
}
