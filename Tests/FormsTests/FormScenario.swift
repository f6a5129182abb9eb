import AssuranceTesting
import Domain
import Foundation
import Section11
import Spreadsheets
import SyntheticPartnership

/// The miniature partnership with a new Section 11 cycle open, on fixed time and counting ids, so
/// that the cycle's id is the same in every run and a form filled in elsewhere still names it.
struct FormScenario {
    static let day = PartnershipGenerator.demoDay
    static let lead = PartnershipScenario.partnershipLead

    let environment: AssuranceEnvironment
    let store: InMemoryStore
    let cycle: AssessmentCycle

    var forms: Section11Forms { Section11Forms(environment: environment) }

    static func make() async throws -> FormScenario {
        let store = InMemoryStore()
        try await PartnershipGenerator(scale: .miniature).load(into: store)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let cycle = try await SelfAssessments(environment: environment).openCycle(
            name: "Section 11 2026-27",
            standardSet: StandardSet.section11Classic.id,
            cadence: Cadence(months: 12),
            issuedOn: day,
            returnDeadline: day.adding(days: 90),
            invite: ["police", "council", "icb"],
            by: lead
        )
        return FormScenario(environment: environment, store: store, cycle: cycle)
    }

    /// The police's assessment in the new cycle.
    func policeAssessment() async throws -> SelfAssessment {
        let all = try await SelfAssessments(environment: environment).assessments(in: cycle.id, as: Self.lead)
        return all.first { $0.value.agency == "police" }!.value
    }

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw FixtureMissing(name: name)
        }
        return try Data(contentsOf: url)
    }
}

struct FixtureMissing: Error {
    let name: String
}
