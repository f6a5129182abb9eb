public import Foundation

extension PartnershipProfile {
    static func identifier<Kind: IdentifierKind>(
        _: Kind.Type,
        _ text: String,
        _ reader: ProfileReader,
        _ key: String
    ) -> Identifier<Kind>? {
        do {
            return try Identifier<Kind>(validating: text)
        } catch {
            reader.problem(error.message, at: key)
            return nil
        }
    }

    static func group(_ reader: ProfileReader) -> Group? {
        guard
            reader.fields(allowing: [
                "id", "name", "kind", "reportsTo", "meets", "reports", "scrutinised", "established", "priorities",
            ]) != nil
        else { return nil }
        guard let idText = reader.child("id", required: true)?.string(),
            let id = identifier(Group.self, idText, reader, "id"),
            let name = reader.child("name", required: true)?.nonEmptyString(),
            let kind = reader.child("kind", required: true)?.nonEmptyString()
        else { return nil }
        var group = Group(
            id: id,
            name: name,
            kind: GroupKind(rawValue: kind),
            established: reader.child("established")?.day()
        )
        // A profile states its groups' cadences: one it leaves out, the group does not have.
        group.meetingCadence = reader.child("meets")?.cadence()
        group.reportingCadence = reader.child("reports")?.cadence()
        group.scrutinyCadence = reader.child("scrutinised")?.cadence()
        if let parents = reader.child("reportsTo") {
            let texts =
                parents.value.isArray
                ? parents.elements().compactMap { $0.string() } : parents.string().map { [$0] } ?? []
            let ids = texts.compactMap { identifier(Group.self, $0, reader, "reportsTo") }
            group.accountableTo = ids.isEmpty ? nil : ids
        }
        if let priorities = reader.child("priorities") {
            group.priorities = priorities.elements().compactMap { $0.string().flatMap { Priority.ID(rawValue: $0) } }
        }
        return group
    }

    /// Each group's priorities are the profile's own.
    static func checkGroupPriorities(_ groups: ProfileReader?, known: [Priority.ID]) {
        for group in groups?.elements() ?? [] {
            guard case .object(let fields) = group.value, fields["priorities"] != nil,
                let listed = group.child("priorities")
            else { continue }
            for (index, element) in listed.elements().enumerated() {
                guard case .string(let text) = element.value, !known.contains(where: { $0.rawValue == text }) else {
                    continue
                }
                listed.problem(
                    "priority \(DomainError.quote(text)) is not one of the profile's priorities; expected one of "
                        + (known.isEmpty
                            ? "none: the profile has no priorities" : known.map(\.rawValue).joined(separator: ", ")),
                    at: "[\(index)]"
                )
            }
        }
    }

    static func checkReporting(_ groups: [Group], _ reader: ProfileReader) {
        checkDuplicates(groups.map(\.id.rawValue), "group", reader, at: "groups")
        let ids = Set(groups.map(\.id))
        for (index, group) in groups.enumerated() {
            for parent in group.reportsToAll where !ids.contains(parent) || parent == group.id {
                reader.problem(
                    parent == group.id
                        ? "reports to itself; name the body it is accountable to"
                        : "reports to \(DomainError.quote(parent.rawValue)), which is not a group of the profile; "
                            + "expected one of " + groups.map(\.id.rawValue).joined(separator: ", "),
                    at: "groups[\(index)].reportsTo"
                )
            }
        }
        if let cycle = reportingCycle(groups) {
            reader.problem(
                "the reporting lines go round in a circle (\(cycle.map(\.rawValue).joined(separator: " → "))); "
                    + "a group cannot report, however indirectly, to itself",
                at: "groups"
            )
        }
    }

    /// A circle in who reports to whom, as the groups in it with the first again at the end.
    static func reportingCycle(_ groups: [Group]) -> [Group.ID]? {
        let parents = Dictionary(groups.map { ($0.id, $0.reportsToAll) }, uniquingKeysWith: { first, _ in first })
        var finished = Set<Group.ID>()
        func visit(_ id: Group.ID, _ path: [Group.ID]) -> [Group.ID]? {
            if let start = path.firstIndex(of: id) { return Array(path[start...]) + [id] }
            guard !finished.contains(id) else { return nil }
            for parent in parents[id] ?? [] where parent != id {
                if let cycle = visit(parent, path + [id]) { return cycle }
            }
            finished.insert(id)
            return nil
        }
        for group in groups.map(\.id).sorted() {
            if let cycle = visit(group, []) { return cycle }
        }
        return nil
    }

    static func checkDuplicates(_ ids: [String], _ noun: String, _ reader: ProfileReader, at path: String) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            reader.problem(
                "\(noun) \(DomainError.quote(id)) appears twice; give each \(noun) its own id",
                at: "\(path)[\(index)].id"
            )
        }
    }

    static func escalation(_ reader: ProfileReader) -> EscalationPolicy {
        _ = reader.fields(allowing: ["route", "after"])
        var policy = EscalationPolicy(after: [:])
        if let route = reader.child("route") {
            let levels = route.elements().compactMap { element -> EscalationLevel? in
                guard let text = element.string() else { return nil }
                guard let level = EscalationLevel(rawValue: text) else {
                    element.problem(
                        "\(DomainError.quote(text)) is not a level; expected one of "
                            + EscalationLevel.allCases.map(\.rawValue).joined(separator: ", ")
                    )
                    return nil
                }
                return level
            }
            var seen = Set<EscalationLevel>()
            for (index, level) in levels.enumerated() where !seen.insert(level).inserted {
                route.problem(
                    "\(DomainError.quote(level.rawValue)) appears twice; give each level once, lowest first",
                    at: "[\(index)]"
                )
            }
            if levels.isEmpty, route.value.isArray, route.elements().isEmpty {
                route.problem("names no level; a finding needs at least one level to be raised at")
            }
            if levels != levels.sorted() { route.problem("the levels must run from the lowest to the highest") }
            if !levels.isEmpty { policy.route = levels }
        }
        for (key, wait) in reader.child("after")?.members() ?? [] {
            guard let level = EscalationLevel(rawValue: key) else {
                wait.problem("\(DomainError.quote(key)) is not a level")
                continue
            }
            if let text = wait.string() {
                if let duration = ClockDuration(text: text) {
                    policy.after[level] = duration
                } else {
                    wait.problem(
                        "\(DomainError.quote(text)) is not a duration; expected such as \"2 months\", \"15 working days\" or \"10 days\""
                    )
                }
            }
        }
        return policy
    }

    static func reminders(_ reader: ProfileReader) -> ReminderPolicy {
        _ = reader.fields(allowing: ["workingDaysBefore", "otherwise"])
        var policy = ReminderPolicy(workingDaysBefore: [:])
        for (key, days) in reader.child("workingDaysBefore")?.members() ?? [] {
            if let count = days.integer(in: 0...250) { policy.workingDaysBefore[DeadlineKind(rawValue: key)] = count }
        }
        if let otherwise = reader.child("otherwise")?.integer(in: -1...250) { policy.otherwise = otherwise }
        return policy
    }

    /// The profile as its file holds it, the modules' parts as given.
    public var json: JSONValue {
        var groups: [JSONValue] = []
        for group in self.groups {
            var object: [String: JSONValue] = [
                "id": .string(group.id.rawValue), "name": .string(group.name), "kind": .string(group.kind.rawValue),
            ]
            switch group.reportsToAll.count {
            case 0: break
            case 1: object["reportsTo"] = .string(group.reportsToAll[0].rawValue)
            default: object["reportsTo"] = .array(group.reportsToAll.map { .string($0.rawValue) })
            }
            if let cadence = group.meetingCadence { object["meets"] = Self.json(cadence) }
            if let cadence = group.reportingCadence { object["reports"] = Self.json(cadence) }
            if let cadence = group.scrutinyCadence { object["scrutinised"] = Self.json(cadence) }
            if let day = group.established { object["established"] = .string(day.description) }
            groups.append(.object(object))
        }
        let priorities =
            (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(self.priorities))) ?? .array([])
        var after: [String: JSONValue] = [:]
        for (level, wait) in escalation.after { after[level.rawValue] = .string(wait.description) }
        var before: [String: JSONValue] = [:]
        for (kind, days) in reminders.workingDaysBefore { before[kind.rawValue] = .number(Double(days)) }
        return .object(
            [
                "format": .string(Self.format), "version": .number(Double(Self.version)),
                "partnership": .object(["id": .string(partnershipID.rawValue), "name": .string(partnershipName)]),
                "framework": Self.json(framework),
                "localities": agenciesJSON.localities, "agencies": agenciesJSON.agencies,
                "groups": .array(groups), "priorities": priorities,
                "escalation": .object([
                    "route": .array(escalation.route.map { .string($0.rawValue) }), "after": .object(after),
                ]),
                "reminders": .object([
                    "workingDaysBefore": .object(before), "otherwise": .number(Double(reminders.otherwise)),
                ]),
                "modules": .object(modules),
            ]
            .merging(contacts.isEmpty && contacts.sender.isEmpty ? [:] : ["contacts": Self.json(contacts)]) { $1 }
        )
    }

    /// A cadence as a profile writes it: whole months as a number, weeks as text.
    static func json(_ cadence: Cadence) -> JSONValue {
        cadence.weeks > 0
            ? .string("\(cadence.weeks) week\(cadence.weeks == 1 ? "" : "s")") : .number(Double(cadence.months))
    }

    /// The profile as pretty JSON with sorted keys, as `qaf profile init` writes it.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(json)
    }
}

extension ClockDuration {
    /// Parses a duration as a profile writes it: `2 months`, `15 working days`, `10 days` (and the
    /// singular forms); `nil` for anything else.
    public init?(text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard let count = words.first.flatMap(Int.init), count >= 0 else { return nil }
        switch words.dropFirst().joined(separator: " ") {
        case "month", "months": self = .months(count)
        case "working day", "working days": self = .workingDays(count)
        case "day", "days": self = .calendarDays(count)
        default: return nil
        }
    }
}
