import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11
import SyntheticPartnership

/// The fixed scenario of the snapshot tests: the miniature synthetic partnership on its reference day,
/// with one assurance cycle run, on a fixed clock and counting identifiers.
struct ReportScenario {
    static let day = PartnershipGenerator.demoDay
    static let lead = PartnershipScenario.partnershipLead
    static let quarter = ReportingPeriod.containing(day.adding(days: -31), kind: .quarter, basis: .financial)
    static let year = ReportingPeriod.containing(day.adding(days: -31), kind: .year, basis: .financial)

    let framework: AssuranceFramework

    /// Loads the miniature partnership and runs one cycle, composing the given modules.
    static func make(
        modules: [any AssuranceModule] = allModules,
        ids: IDGenerator = .incrementing
    ) async throws -> ReportScenario {
        let store = InMemoryStore()
        try await PartnershipGenerator(scale: .miniature).load(into: store)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        // Cited as the starter profile cites the framework, as the demo does.
        let document = PartnershipProfile.starter(modules: [PartnershipModule.self]).framework
        let framework = try AssuranceFramework(modules: modules, environment: environment, document: document)
        _ = try await framework.runCycle(on: day, by: lead)
        return ReportScenario(framework: framework)
    }

    static var allModules: [any AssuranceModule] {
        [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()]
    }

    /// Every standard report, with a request that suits its kind.
    static func requests(audience: Audience) -> [ReportRequest] {
        [
            ReportRequest(kind: .practiceDevelopmentAssurance, period: quarter, audience: audience, day: day),
            ReportRequest(kind: .subGroupReport, period: quarter, audience: audience, day: day, group: "qadg"),
            ReportRequest(kind: .scrutinyPack, period: year, audience: audience, day: day, group: "qadg"),
            ReportRequest(kind: .mashQuarterly, period: quarter, audience: audience, day: day),
            ReportRequest(kind: .conferenceChairsQuarterly, period: quarter, audience: audience, day: day),
            ReportRequest(kind: .yearly, period: year, audience: audience, day: day),
            ReportRequest(kind: .agencyFeedback, period: year, audience: audience, day: day, agency: "police"),
            ReportRequest(kind: .practitionerBriefing, period: year, audience: audience, day: day),
        ]
    }

    func report(_ request: ReportRequest) async throws -> Report {
        try await StandardReports(framework: framework).make(request, as: Self.lead)
    }
}
