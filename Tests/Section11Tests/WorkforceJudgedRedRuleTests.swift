import AssuranceTesting
import Domain
import Section11
import Testing

/// An agency's workforce judged red, at its edges: from the end of the year judged, until a later
/// judgement rates nothing red.
struct WorkforceJudgedRedRuleTests {
    let lead = PartnershipScenario.qaLead

    func judgement(_ year: String, supervision: RAG, recruitment: RAG = .green) throws -> WorkforceJudgement {
        let period = try ReportingPeriod(parsing: year)
        return WorkforceJudgement(
            id: WorkforceJudgement.ID(rawValue: "workforce-council-\(year)")!,
            agency: PartnershipScenario.council,
            period: period,
            recruitmentAndRetention: recruitment,
            agencyStaff: .green,
            training: .green,
            supervision: supervision,
            narrative: "Judged at year end."
        )
    }

    func save(_ records: [any StorableRecord], in store: InMemoryStore) async throws {
        var batch = RecordBatch()
        for record in records { try batch.save(record, version: 0) }
        try await Records(store: store).commit(batch, by: lead)
    }

    @Test func aRedAreaIsFoundFromTheEndOfTheYearJudgedUntilALaterJudgementHasNone() async throws {
        let store = InMemoryStore()
        let council = Agency(
            id: PartnershipScenario.council,
            name: "Children's Services",
            sector: .localAuthorityChildrensServices
        )
        try await save(
            [
                council, try judgement("FY2024-25", supervision: .green),
                try judgement("FY2025-26", supervision: .red, recruitment: .red),
            ],
            in: store
        )
        let rule = WorkforceJudgedRedRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-03-31"), in: store)
                == RuleBoundary(dayBefore: [], day: ["council"], dayAfter: ["council"])
        )
        let found = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2026-04-30")).first
        )
        #expect(
            found.message
                == "Children's Services' workforce judgement for 2025-26 rates recruitment and retention and supervision red."
        )
        #expect(found.level == .agency && found.agency == PartnershipScenario.council)
        #expect(found.themes == [.workforce])
        // The next year's judgement, all green, clears it once that year has ended.
        try await save([try judgement("FY2026-27", supervision: .green)], in: store)
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2027-03-31"), in: store)
                == RuleBoundary(dayBefore: ["council"], day: [], dayAfter: [])
        )
    }

    @Test func anAmberJudgementIsNoFinding() async throws {
        let store = InMemoryStore()
        try await save([try judgement("FY2025-26", supervision: .amber)], in: store)
        #expect(
            try await WorkforceJudgedRedRule().evaluate(in: AssuranceView(store: store), on: .fixture("2026-05-01"))
                .isEmpty
        )
    }
}
