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
                Self.checkCodes(of: set, element)
                decoded.append(set)
            }
            let ids = decoded.map(\.id.rawValue)
            for (index, id) in ids.enumerated() where ids.firstIndex(of: id) != index {
                sets.problem(
                    "standard set \(DomainError.quote(id)) appears twice; give each set its own id",
                    at: "[\(index)].id"
                )
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

    /// Each standard's code, and each criterion's, given once in its set.
    static func checkCodes(of set: StandardSet, _ element: ProfileReader) {
        var standards = Set<StandardCode>()
        var criteria = Set<CriterionCode>()
        for (index, standard) in set.standards.enumerated() {
            if !standards.insert(standard.code).inserted {
                element.problem(
                    "standard \(DomainError.quote(standard.code.rawValue)) appears twice in the set; give each "
                        + "standard its own code",
                    at: "standards[\(index)].code"
                )
            }
            for (position, criterion) in standard.criteria.enumerated() where !criteria.insert(criterion.code).inserted
            {
                element.problem(
                    "criterion \(DomainError.quote(criterion.code.rawValue)) appears twice in the set; give each "
                        + "criterion its own code",
                    at: "standards[\(index)].criteria[\(position)].code"
                )
            }
        }
    }

    /// The contribution checks' measures are in the catalogue, and their standards, and the
    /// attendance standard, are in a standard set.
    public func checkReferences(_ references: ProfileReferences, reporting part: ProfileReader) {
        let codes = Set(standardSets.flatMap(\.standards).map(\.code))
        let expected = codes.map(\.rawValue).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let settings = part.child("settings")
        func checkStandard(_ code: StandardCode, at key: String) {
            guard !codes.contains(code) else { return }
            part.problem(
                "standard \(DomainError.quote(code.rawValue)) is in no standard set; expected one of "
                    + expected.joined(separator: ", "),
                at: key
            )
        }
        if settings?.has("contributionChecks") == true {
            for (index, check) in contributionChecks.enumerated() {
                references.check(
                    measure: check.measure,
                    at: part,
                    key: "settings.contributionChecks[\(index)].measure"
                )
                checkStandard(check.standard, at: "settings.contributionChecks[\(index)].standard")
            }
        } else {
            // The package's checks, where the profile gives none, check only what the profile has.
            let unfit = contributionChecks.filter {
                !codes.contains($0.standard)
                    || (!references.measures.isEmpty && !references.measures.contains($0.measure))
            }
            if !unfit.isEmpty {
                part.note(
                    "no contribution checks are given, and the package's checks of "
                        + unfit.map(\.description).joined(separator: "; ")
                        + " name measures or standards this profile does not have: they check nothing until "
                        + "settings.contributionChecks gives checks that fit",
                    at: "settings"
                )
            }
        }
        if let attendanceStandard {
            if settings?.has("attendanceStandard") == true {
                checkStandard(attendanceStandard, at: "settings.attendanceStandard")
            } else if !codes.contains(attendanceStandard) {
                part.note(
                    "no attendance standard is given, and the package's, standard \(attendanceStandard), is in no "
                        + "standard set: attendance at partnership meetings is set beside no rating until "
                        + "settings.attendanceStandard names one",
                    at: "settings"
                )
            }
        }
    }

    /// The standard sets, to store.
    public var profileRecords: [any StorableRecord] { standardSets }

    static func json<T: Encodable>(_ value: T) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))) ?? .null
    }
}
