public import Domain
import Foundation

extension LearningModule: ProfileConfigurable {
    /// The statutory and starter clocks and the module's settings at their defaults.
    public static var starterProfile: JSONValue {
        let module = LearningModule()
        let clocks = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(module.clocks))) ?? .null
        return .object([
            "clocks": clocks,
            "settings": .object([
                "evidenceMonths": .number(Double(module.evidenceMonths)),
                "disseminationMonths": .number(Double(module.disseminationMonths)),
                "stalledMonths": .number(Double(module.stalledMonths)),
                "followUpMonths": .number(Double(module.followUpMonths)),
                "impactWindowMonths": .number(Double(module.impactWindowMonths)),
                "takeUpShare": .number(module.takeUpShare),
                "takeUpMinimumPlaces": .number(Double(module.takeUpMinimumPlaces)),
                "takeUpWindowMonths": .number(Double(module.takeUpWindowMonths)),
                "practiceChangedShare": .number(module.practiceChangedShare),
                "practiceChangedMonths": .number(Double(module.practiceChangedMonths)),
            ]),
        ])
    }

    /// The module configured from its part of a profile: its clocks and its settings.
    ///
    /// A clock with a statutory clock's id whose source is statute, regulations or statutory
    /// guidance may not be longer unless the profile gives the reason (`weakenedBecause`): a profile
    /// may add local clocks and tighten statutory ones, but not quietly weaken them.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part, part.fields(allowing: ["clocks", "settings"]) != nil else { return }
        if let clocks = part.child("clocks") {
            let statutory = StatutoryClock.starter.filter {
                [.statute, .regulations, .statutoryGuidance].contains($0.source.kind)
            }
            .keyed(by: \.id)
            var decoded: [StatutoryClock] = []
            for element in clocks.elements() {
                var fields: [String: JSONValue] = [:]
                if case .object(let object) = element.value { fields = object }
                let reason = fields.removeValue(forKey: "weakenedBecause")
                let clock = ProfileReader(.object(fields), path: element.path)
                guard let decodedClock = clock.decode(StatutoryClock.self) else {
                    for problem in clock.problems {
                        element.problem(problem.message, at: Self.relative(problem.path, to: element.path))
                    }
                    continue
                }
                if let held = statutory[decodedClock.id], Self.days(decodedClock.duration) > Self.days(held.duration) {
                    if case .string(let text)? = reason, !text.allSatisfy(\.isWhitespace) {
                        // A weakening with its reason is allowed, and the reason kept in the source.
                        var weakened = decodedClock
                        weakened.source.citation += " (weakened locally: \(text))"
                        decoded.append(weakened)
                        continue
                    }
                    element.problem(
                        "\(decodedClock.duration) is longer than the statutory \(held.duration) (\(held.source.citation)); "
                            + "give the reason under weakenedBecause",
                        at: "duration"
                    )
                }
                decoded.append(decodedClock)
            }
            let ids = decoded.map(\.id.rawValue)
            for (index, id) in ids.enumerated() where ids.firstIndex(of: id) != index {
                clocks.problem(
                    "clock \(DomainError.quote(id)) appears twice; give each clock its own id",
                    at: "[\(index)].id"
                )
            }
            self.clocks = decoded
        }
        guard let settings = part.child("settings") else { return }
        _ = settings.fields(allowing: [
            "evidenceMonths", "disseminationMonths", "stalledMonths", "followUpMonths", "impactWindowMonths",
            "takeUpShare", "takeUpMinimumPlaces", "takeUpWindowMonths", "practiceChangedShare", "practiceChangedMonths",
        ])
        impactWindowMonths = settings.child("impactWindowMonths")?.integer(in: 1...60) ?? impactWindowMonths
        takeUpShare = settings.child("takeUpShare")?.number(in: 0...1) ?? takeUpShare
        takeUpMinimumPlaces = settings.child("takeUpMinimumPlaces")?.integer(in: 1...1000) ?? takeUpMinimumPlaces
        takeUpWindowMonths = settings.child("takeUpWindowMonths")?.integer(in: 1...60) ?? takeUpWindowMonths
        practiceChangedShare = settings.child("practiceChangedShare")?.number(in: 0...1) ?? practiceChangedShare
        practiceChangedMonths = settings.child("practiceChangedMonths")?.integer(in: 1...60) ?? practiceChangedMonths
        evidenceMonths = settings.child("evidenceMonths")?.integer(in: 1...24) ?? evidenceMonths
        disseminationMonths = settings.child("disseminationMonths")?.integer(in: 1...24) ?? disseminationMonths
        stalledMonths = settings.child("stalledMonths")?.integer(in: 1...24) ?? stalledMonths
        followUpMonths = settings.child("followUpMonths")?.integer(in: 1...24) ?? followUpMonths
    }

    /// The clocks, to store.
    public var profileRecords: [any StorableRecord] { clocks }

    static func days(_ duration: ClockDuration) -> Double {
        switch duration {
        case .workingDays(let count): Double(count) * 7 / 5
        case .calendarDays(let count): Double(count)
        case .months(let count): Double(count) * 30.4
        }
    }

    static func relative(_ path: String, to root: String) -> String? {
        guard path.hasPrefix(root) else { return nil }
        let rest = path.dropFirst(root.count)
        return rest.hasPrefix(".") ? String(rest.dropFirst()) : (rest.isEmpty ? nil : String(rest))
    }
}
