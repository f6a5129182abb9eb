import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

/// A cycle's cadence is read: the next cycle of a duty falls due one cadence after the latest was
/// issued, and issuing it settles the finding.
struct NextCycleOverdueTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    func run(_ store: InMemoryStore, on day: Day) async throws -> CycleOutcome {
        try await AssuranceFramework(
            modules: [Section11Module()],
            environment: AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids),
            escalation: .never
        ).runCycle(on: day, by: qaLead)
    }

    func open(_ store: InMemoryStore, _ name: String, cadence: Cadence, on day: Day) async throws {
        let service = SelfAssessments(
            environment: AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        )
        _ = try await service.openCycle(
            name: name,
            standardSet: StandardSet.section11Classic.id,
            cadence: cadence,
            issuedOn: day,
            returnDeadline: day.adding(days: 60),
            invite: [PartnershipScenario.police],
            by: qaLead
        )
    }

    @Test func aTwoYearlyCycleIsOverdueTheDayAfterTwoYearsAndSettledByTheNext() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2024-04-01")).save(into: Records(store: store))
        try await open(store, "Section 11 2024–26", cadence: .everyTwoYears, on: .fixture("2024-05-01"))

        let onTime = try await run(store, on: .fixture("2026-05-01"))
        #expect(!onTime.raised.contains { $0.rule == .section11NextCycleOverdue })
        let late = try await run(store, on: .fixture("2026-05-02"))
        let finding = try #require(late.raised.first { $0.rule == .section11NextCycleOverdue })
        #expect(
            finding.message
                == "The next Section 11 (Children Act 2004) self-assessment was due by 2026-05-01: Section 11 2024–26, "
                + "issued on 2024-05-01, runs every two years, and no later cycle has been issued."
        )
        #expect(finding.dueOn == .fixture("2026-05-01"))

        try await open(store, "Section 11 2026–28", cadence: .everyTwoYears, on: .fixture("2026-06-01"))
        let settled = try await run(store, on: .fixture("2026-06-02"))
        #expect(settled.resolved.map(\.rule) == [.section11NextCycleOverdue])
    }

    @Test func aYearlyCycleFallsDueAfterOneYear() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2024-04-01")).save(into: Records(store: store))
        try await open(store, "Section 11 2025", cadence: .yearly, on: .fixture("2025-05-01"))
        let late = try await run(store, on: .fixture("2026-05-02"))
        #expect(late.raised.filter { $0.rule == .section11NextCycleOverdue }.count == 1)
    }
}
