import AssuranceTesting
import Domain
import Foundation
import Testing

/// A partnership's agencies and localities come from its profile, and a changed profile adds and
/// renames without losing history.
struct ProfileAgenciesTests {
    static func profile(
        _ agencies: String,
        localities: String = #"[{"id": "north", "name": "North"}]"#
    ) throws
        -> PartnershipProfile
    {
        var document = try JSONDecoder().decode(JSONValue.self, from: ProfileTests.starter.encoded())
        guard case .object(var root) = document else { throw DomainError(.invalidInput, "not an object") }
        root["localities"] = try JSONValue(strict: Data(localities.utf8))
        root["agencies"] = try JSONValue(strict: Data(agencies.utf8))
        document = .object(root)
        return try PartnershipProfile.read(
            json: JSONEncoder().encode(document),
            source: "ours.json",
            modules: ProfileTests.types
        ).0
    }

    static let agencies = #"""
        [{"id": "police", "name": "Constabulary", "sector": "police", "statutoryPartner": true, "groups": ["qadg", "pdg"]},
         {"id": "north-school", "name": "North School", "sector": "education", "locality": "north"}]
        """#

    @Test func agenciesAndLocalitiesAreReadWrittenAndMadeMembers() async throws {
        let profile = try Self.profile(Self.agencies)
        #expect(profile.agencies.map(\.id) == ["police", "north-school"])
        #expect(profile.agencies[0].isStatutoryPartner && profile.agencies[1].locality == "north")
        #expect(profile.seats["police"] == ["qadg", "pdg"])
        let again = try PartnershipProfile(json: profile.encoded(), source: "again")
        #expect(again.agencies == profile.agencies && again.localities == profile.localities)
        let members = profile.memberships(since: .fixture("2026-01-05"))
        #expect(members.map(\.id) == ["qadg-police", "pdg-police"])
        #expect(members.allSatisfy { $0.since == .fixture("2026-01-05") })
    }

    @Test func aChangedProfileAddsAndRenamesKeepingHistory() async throws {
        let store = InMemoryStore()
        let records = Records(store: store)
        let modules = try ProfileTests.starter.modules(ProfileTests.types)
        let first = try await Self.profile(Self.agencies).apply(
            to: records,
            modules: modules,
            on: .fixture("2026-01-05"),
            by: PartnershipScenario.qaLead
        )
        #expect(first.changed.isEmpty && first.added.count > 10)
        let renamed = try Self.profile(
            Self.agencies.replacingOccurrences(of: "\"Constabulary\"", with: "\"County Police\"")
                .replacingOccurrences(
                    of: "\"locality\": \"north\"}]",
                    with: #""locality": "north"}, {"id": "icb", "name": "ICB", "sector": "health-commissioner"}]"#
                )
        )
        let second = try await renamed.apply(
            to: records,
            modules: modules,
            on: .fixture("2026-02-01"),
            by: PartnershipScenario.qaLead
        )
        #expect(second.added.map(\.id.rawValue) == ["icb"])
        #expect(Set(second.changed.map(\.id.rawValue)) == ["police", "profile"])
        let police = try #require(try await records.load(Agency.self, id: "police", as: .system))
        #expect(police.value.name == "County Police" && police.version == 2)
        #expect(try await records.history(of: Agency.self, id: "police", as: .system).count == 2)
        let third = try await renamed.apply(
            to: records,
            modules: modules,
            on: .fixture("2026-03-01"),
            by: PartnershipScenario.qaLead
        )
        #expect(third.added.isEmpty && third.changed.isEmpty, "applying the same profile again changes nothing")
    }

    @Test func mistakesInTheAgenciesAreNamedWhereTheyAre() throws {
        let bad = #"""
            [{"id": "police", "name": "Constabulary", "sector": "polce"},
             {"id": "school", "name": "School", "sector": "education", "locality": "south", "groups": ["qdag"]},
             {"id": "police", "name": "Again", "sector": "police"},
             {"id": "x", "name": "", "sector": "police", "statutoryPartner": "yes"}]
            """#
        #expect {
            try Self.profile(bad)
        } throws: { error in
            let message = (error as? DomainError)?.message ?? ""
            return [
                "agencies[0].sector: sector \"polce\" does not exist; expected one of",
                "agencies[1].locality: locality \"south\" is not one of the profile's localities; expected one of north",
                "agencies[1].groups[0]: group \"qdag\" is not one of the profile's groups",
                "agencies[2].id: agency \"police\" appears twice; give each agency its own id",
                "agencies[3].name: is empty; expected text",
            ].allSatisfy { message.contains($0) }
        }
    }
}
