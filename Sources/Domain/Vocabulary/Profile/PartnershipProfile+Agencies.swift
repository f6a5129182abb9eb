import Foundation

extension PartnershipProfile {
    /// Reads the profile's localities: each an `id` and a `name`, each id once.
    static func localities(_ reader: ProfileReader) -> [Locality] {
        let read = (reader.child("localities")?.elements() ?? []).compactMap { element -> Locality? in
            guard element.fields(allowing: ["id", "name"]) != nil,
                let text = element.child("id", required: true)?.string(),
                let id = identifier(Locality.self, text, element, "id"),
                let name = element.child("name", required: true)?.nonEmptyString()
            else { return nil }
            return Locality(id: id, name: name)
        }
        checkDuplicates(read.map(\.id.rawValue), "locality", reader, at: "localities")
        return read
    }

    /// Reads the profile's agencies: each an `id`, a `name`, a `sector` (a known one, or one the
    /// Section 11 part names under `sectors`), whether it is a statutory partner, its `locality` and
    /// the `groups` it sits on.
    static func agencies(
        _ reader: ProfileReader,
        localities: [Locality],
        groups: [Group],
        sectors: [AgencySector]
    ) -> (agencies: [Agency], seats: [Agency.ID: [Group.ID]]) {
        var agencies: [Agency] = []
        var seats: [Agency.ID: [Group.ID]] = [:]
        let known = Set(sectors)
        let places = Set(localities.map(\.id))
        let bodies = Set(groups.map(\.id))
        for element in reader.child("agencies")?.elements() ?? [] {
            guard
                element.fields(allowing: ["id", "name", "sector", "statutoryPartner", "locality", "groups"]) != nil,
                let text = element.child("id", required: true)?.string(),
                let id = identifier(Agency.self, text, element, "id"),
                let name = element.child("name", required: true)?.nonEmptyString(),
                let sectorText = element.child("sector", required: true)?.nonEmptyString()
            else { continue }
            let sector = AgencySector(rawValue: sectorText)
            if !known.contains(sector) {
                element.problem(
                    "sector \(DomainError.quote(sectorText)) does not exist; expected one of "
                        + known.map(\.rawValue).sorted().joined(separator: ", ")
                        + ", or name it under modules.section11.sectors",
                    at: "sector"
                )
            }
            var statutory = false
            if let flag = element.child("statutoryPartner") {
                if case .bool(let value) = flag.value {
                    statutory = value
                } else {
                    flag.problem("expected true or false")
                }
            }
            var locality: Locality.ID?
            if let place = element.child("locality")?.string() {
                locality = identifier(Locality.self, place, element, "locality")
                if let locality, !places.contains(locality) {
                    element.problem(
                        "locality \(DomainError.quote(place)) is not one of the profile's localities; expected one of "
                            + (places.isEmpty
                                ? "none: name it under localities"
                                : places.map(\.rawValue).sorted().joined(separator: ", ")),
                        at: "locality"
                    )
                }
            }
            var sits: [Group.ID] = []
            if let listed = element.child("groups") {
                for (index, entry) in listed.elements().enumerated() {
                    guard let group = entry.string() else { continue }
                    guard let groupID = Group.ID(rawValue: group), bodies.contains(groupID) else {
                        listed.problem(
                            "group \(DomainError.quote(group)) is not one of the profile's groups; expected one of "
                                + groups.map(\.id.rawValue).joined(separator: ", "),
                            at: "[\(index)]"
                        )
                        continue
                    }
                    sits.append(groupID)
                }
            }
            agencies.append(
                Agency(id: id, name: name, sector: sector, isStatutoryPartner: statutory, locality: locality)
            )
            if !sits.isEmpty { seats[id] = sits }
        }
        checkDuplicates(agencies.map(\.id.rawValue), "agency", reader, at: "agencies")
        return (agencies, seats)
    }

    /// The sectors a profile's agencies may name: the known ones, and those the Section 11 part adds.
    static func sectors(in modules: [String: JSONValue]) -> [AgencySector] {
        var extra: [AgencySector] = []
        if case .object(let part)? = modules["section11"], case .array(let listed)? = part["sectors"] {
            for case .string(let sector) in listed { extra.append(AgencySector(rawValue: sector)) }
        }
        return AgencySector.knownSectors + extra
    }

    /// The agencies' seats on groups as memberships, each from the group's establishment or, where
    /// the profile gives none, from a day.
    public func memberships(since day: Day) -> [Membership] {
        let established = groups.keyed(by: \.id, value: \.established)
        return agencies.flatMap { agency in
            (seats[agency.id] ?? []).map { group in
                Membership(
                    id: Membership.ID(unchecked: "\(group)-\(agency.id)"),
                    group: group,
                    agency: agency.id,
                    since: (established[group] ?? nil) ?? day
                )
            }
        }
    }

    /// The localities and agencies as a profile's file holds them.
    var agenciesJSON: (localities: JSONValue, agencies: JSONValue) {
        let localities = JSONValue.array(
            self.localities.map { .object(["id": .string($0.id.rawValue), "name": .string($0.name)]) }
        )
        let agencies = JSONValue.array(
            self.agencies.map { agency in
                var object: [String: JSONValue] = [
                    "id": .string(agency.id.rawValue), "name": .string(agency.name),
                    "sector": .string(agency.sector.rawValue),
                ]
                if agency.isStatutoryPartner { object["statutoryPartner"] = .bool(true) }
                if let locality = agency.locality { object["locality"] = .string(locality.rawValue) }
                if let sits = seats[agency.id] { object["groups"] = .array(sits.map { .string($0.rawValue) }) }
                return .object(object)
            }
        )
        return (localities, agencies)
    }
}
