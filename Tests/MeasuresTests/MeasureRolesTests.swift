import AssuranceTesting
import Domain
import Foundation
import Measures
import Testing

/// Sections and the learning programme find their measures by the role the catalogue gives them,
/// never by id; tables name a measure by its title.
struct MeasureRolesTests {
    let qaLead = PartnershipScenario.qaLead

    func definition(_ id: MeasureID, _ name: String, roles: [MeasureRole]? = nil) -> MeasureDefinition {
        MeasureDefinition(
            id: id,
            name: name,
            summary: name,
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership],
            source: "Front door",
            roles: roles
        )
    }

    @Test func theStarterCatalogueGivesItsMeasuresTheirRoles() throws {
        let framework = try AssuranceFramework(modules: [MeasuresModule()])
        #expect(framework.measures(playing: .mash) == ["mash-contacts", "mash-contact-conversion"])
        #expect(framework.measures(playing: .trainingTakeUp) == ["training-take-up"])
        #expect(framework.measures(playing: .childProtectionConferences).count == 9)
        let named = framework.measureDescriptions.first { $0.id == "mash-contact-conversion" }
        #expect(named?.name == "Contacts converted to referrals")
        #expect(named?.unitSuffix == "%")
    }

    @Test func aCatalogueWithItsOwnIdsGetsItsMashSectionByRole() async throws {
        var module = MeasuresModule()
        module.catalogue = try MeasureCatalogue([
            definition("front-door-timeliness", "Front door decisions within 24 hours", roles: [.mash]),
            definition("mash-legacy-count", "A measure named like the MASH's that plays no role"),
        ])
        let store = InMemoryStore()
        let day = Day.fixture("2026-02-21")
        try await PartnershipScenario.small(from: .fixture("2025-04-01"), months: 1).save(into: Records(store: store))
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let points = (0..<12).map {
            SeriesPoint(period: try! ReportingPeriod.month(1, of: 2025).advanced(by: $0), value: Double(60 + $0))
        }
        try await MeasureData(environment: environment).append(
            [
                ObservationSeries(measure: "front-door-timeliness", scope: .partnership, points: points),
                ObservationSeries(measure: "mash-legacy-count", scope: .partnership, points: points),
            ],
            by: qaLead
        )
        let framework = try AssuranceFramework(modules: [module], environment: environment)
        let request = ReportRequest(
            kind: .mashQuarterly,
            period: try ReportingPeriod(parsing: "FY2025-26-Q3"),
            audience: .partnership,
            day: day
        )
        let sections = try await framework.reportSections(
            for: request,
            in: try framework.view(for: request, as: qaLead)
        )
        let charts = sections.flatMap(\.blocks).flatMap { block -> [SPCChart] in
            if case .smallMultiples(let multiples) = block { multiples.charts } else { [] }
        }
        #expect(charts.map(\.title) == ["Front door decisions within 24 hours"])
    }
}

/// The sectors a measure describes: an agency's feedback shows it only to agencies of those sectors.
struct MeasureSectorsTests {
    @Test func theStarterWorkforceMeasuresDescribeChildrensSocialCareAndTheRestEverySector() throws {
        let starter = MeasureCatalogue.starter.definitions.keyed(by: \.id)
        let turnover = try #require(starter["staff-turnover"])
        #expect(turnover.describes(.localAuthorityChildrensServices))
        #expect(!turnover.describes(.police))
        #expect(try #require(starter["agency-staff"]).sectors == [.localAuthorityChildrensServices])
        #expect(try #require(starter["training-take-up"]).describes(.police), "no sectors: every sector")
    }

    /// A definition stored at version 2 (before sectors) takes the starter catalogue's sectors as it
    /// migrates; one the starter catalogue does not know keeps none.
    @Test func aVersionTwoDefinitionTakesTheStarterSectorsAsItMigrates() throws {
        let migration = try #require(MeasureDefinition.migrations.first { $0.from == 2 })
        #expect(MeasureDefinition.schemaVersion == 3)
        for (id, expected) in [
            ("staff-turnover", [AgencySector.localAuthorityChildrensServices]), ("mash-contacts", nil),
        ] {
            var stored = try #require(MeasureCatalogue.starter.definitions.first { $0.id.rawValue == id })
            stored.sectors = nil
            let version2 = try JSONValue.decode(try JSONEncoder().encode(stored))
            let migrated = try migration.migrate(version2)
            let decoded = try JSONDecoder().decode(MeasureDefinition.self, from: try JSONEncoder().encode(migrated))
            #expect(decoded.sectors == expected, "\(id)")
        }
    }
}
