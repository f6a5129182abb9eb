import AssuranceTesting
import Domain
import Section11
import Testing

/// The test a host writes in Documentation/GettingStarted.md, step 7, as the guide shows it.
struct GettingStartedTests {
    @Test func theCycleIsQuietBeforeTheDeadlineAndRaisesAfterIt() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-01-01")).save(into: Records(store: store))
        let today = AdvancingDay(.fixture("2025-06-30"))
        let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
        let framework = try AssuranceFramework(
            modules: [PartnershipModule(), Section11Module()],
            environment: environment
        )
        let lead = PartnershipScenario.qaLead
        // Your tool opens a cycle whose returns are due on 30 June.
        try await SelfAssessments(environment: environment).openCycle(
            name: "Section 11 2025",
            standardSet: StandardSet.section11Classic.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police],
            by: lead
        )
        let before = try await framework.runCycle(on: today.day, by: lead)
        today.advance()
        let after = try await framework.runCycle(on: today.day, by: lead)
        #expect(!before.raised.contains { $0.rule == .section11ReturnOverdue })
        #expect(after.raised.contains { $0.rule == .section11ReturnOverdue })
    }
}
