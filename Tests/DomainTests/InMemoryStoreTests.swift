import AssuranceTesting
import Domain
import Foundation
import Testing

struct InMemoryStoreTests {
    @Test func passesTheConformanceSuite() async throws {
        try await StoreConformance { InMemoryStore() }.run()
    }
}

struct RecordsTests {
    let noon = DateSource.fixed(.fixture("2025-06-02"))

    @Test func saveStampsThePrincipalAndTheClock() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: noon)
        let agency = Agency(id: "police", name: "Constabulary", sector: .police, isStatutoryPartner: true)
        let saved = try await records.save(agency, version: 0, by: PartnershipScenario.qaLead)
        #expect(saved.version == 1)
        let log = try await records.history(of: Agency.self, id: "police", as: PartnershipScenario.qaLead)
        #expect(log.count == 1)
        #expect(log.first?.principal == "qa-lead")
        #expect(log.first?.at == noon())
        #expect(log.first?.kind == .created)
    }

    @Test func modifyLoadsEditsAndSavesAgainstTheVersionRead() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: noon)
        let lead = PartnershipScenario.qaLead
        let agency = Agency(id: "police", name: "Constabulary", sector: .police, isStatutoryPartner: true)
        try await records.save(agency, version: 0, by: lead)
        let renamed = try await records.modify(Agency.self, id: "police", by: lead) { $0.name = "Police (county)" }
        #expect(renamed.version == 2)
        #expect(try await records.load(Agency.self, id: "police", as: lead)?.value.name == "Police (county)")
        // A caller that read version 1 earlier is refused: someone else changed it since.
        await #expect(
            throws: DomainError(
                .staleWrite,
                "domain.agency/police was written against version 1 but the store holds version 2; "
                    + "reload it and apply the change again"
            )
        ) {
            try await records.modify(Agency.self, id: "police", expecting: 1, by: lead) { $0.name = "Lost" }
        }
        // An edit that throws writes nothing.
        await #expect(throws: DomainError(.invalidInput, "no")) {
            try await records.modify(Agency.self, id: "police", by: lead) { agency in
                agency.name = "Half"
                throw DomainError(.invalidInput, "no")
            }
        }
        #expect(try await records.history(of: Agency.self, id: "police", as: lead).count == 2)
        await #expect(throws: DomainError(.notFound, "agency trust does not exist")) {
            try await records.modify(Agency.self, id: "trust", by: lead) { $0.name = "x" }
        }
    }

    @Test func staleSaveNamesTheRecordAndBothVersions() async throws {
        let records = Records(store: InMemoryStore(), clock: noon)
        let lead = PartnershipScenario.qaLead
        var agency = Agency(id: "police", name: "Constabulary", sector: .police)
        let first = try await records.save(agency, version: 0, by: lead)
        agency.name = "Police"
        try await records.save(agency, version: first.version, by: lead)
        agency.name = "Stale change"
        await #expect(
            throws: DomainError(
                .staleWrite,
                "domain.agency/police was written against version 1 but the store holds version 2; reload it and apply the change again"
            )
        ) {
            try await records.save(agency, version: first.version, by: lead)
        }
        #expect(try await records.load(Agency.self, id: "police", as: lead)?.value.name == "Police")
    }

    @Test func anAgencyLeadWritesOnlyTheirOwnAgencysRecords() async throws {
        let records = Records(store: InMemoryStore(), clock: noon)
        let voice = VoiceRecord(
            id: "v1",
            speaker: .youngPerson,
            channel: .survey,
            day: .fixture("2025-05-01"),
            consentedSummary: "Felt listened to.",
            agency: PartnershipScenario.school
        )
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"police-lead\" (agency lead for police) may not create domain.voice/v1 (agency school-north)"
            )
        ) {
            try await records.save(voice, version: 0, by: PartnershipScenario.policeLead)
        }
        #expect(try await records.load(VoiceRecord.self, id: "v1", as: PartnershipScenario.qaLead) == nil)
        try await records.save(voice, version: 0, by: PartnershipScenario.schoolLead)
        await #expect(throws: DomainError.self) {
            try await records.load(VoiceRecord.self, id: "v1", as: PartnershipScenario.policeLead)
        }
        let visible = try await records.all(VoiceRecord.self, as: PartnershipScenario.policeLead)
        #expect(visible.isEmpty)
    }

    @Test func movingARecordToAnotherAgencyNeedsBothAgencies() async throws {
        let records = Records(store: InMemoryStore(), clock: noon)
        var voice = VoiceRecord(
            id: "v1",
            speaker: .parent,
            channel: .forum,
            day: .fixture("2025-05-01"),
            consentedSummary: "Help came quickly.",
            agency: PartnershipScenario.police
        )
        let saved = try await records.save(voice, version: 0, by: PartnershipScenario.qaLead)
        voice.agency = PartnershipScenario.school
        // The school's lead may write school records, but this one belongs to the police.
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"school-lead\" (agency lead for school-north) may not update domain.voice/v1 (agency police)"
            )
        ) {
            try await records.save(voice, version: saved.version, by: PartnershipScenario.schoolLead)
        }
    }

    @Test func aBatchIsAllOrNothingAcrossTypes() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: noon)
        let lead = PartnershipScenario.qaLead
        try await records.save(Locality(id: "north", name: "North"), version: 0, by: lead)
        var batch = RecordBatch()
        try batch.save(Agency(id: "new-agency", name: "New", sector: .other), version: 0)
        try batch.save(Locality(id: "north", name: "Renamed"), version: 0)  // stale: held at version 1
        await #expect(throws: DomainError.self) { try await records.commit(batch, by: lead) }
        #expect(try await records.load(Agency.self, id: "new-agency", as: lead) == nil)
        #expect(try await records.load(Locality.self, id: "north", as: lead)?.value.name == "North")
    }

    @Test func requireNamesWhatIsMissing() async throws {
        let records = Records(store: InMemoryStore(), clock: noon)
        await #expect(throws: DomainError(.notFound, "agency ghost does not exist")) {
            try await records.require(Agency.self, id: "ghost", as: PartnershipScenario.qaLead)
        }
    }

    @Test func deletingNeedsPermissionOnTheHeldRecord() async throws {
        let records = Records(store: InMemoryStore(), clock: noon)
        let saved = try await records.save(
            Agency(id: "police", name: "Police", sector: .police),
            version: 0,
            by: PartnershipScenario.qaLead
        )
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"police-lead\" (agency lead for police) may not delete domain.agency/police"
            )
        ) {
            try await records.delete(
                Agency.self,
                id: "police",
                version: saved.version,
                by: PartnershipScenario.policeLead
            )
        }
        try await records.delete(
            Agency.self,
            id: "police",
            version: saved.version,
            by: PartnershipScenario.partnershipLead
        )
        #expect(try await records.load(Agency.self, id: "police", as: PartnershipScenario.qaLead) == nil)
    }
}
