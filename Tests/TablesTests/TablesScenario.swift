import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11
import SyntheticPartnership
import Tables

/// The miniature partnership on its reference day with one cycle run, and helpers to export its
/// tables and import them into a store of their own.
struct TablesScenario {
    static let day = PartnershipGenerator.demoDay
    static let lead = PartnershipScenario.partnershipLead

    let framework: AssuranceFramework
    let store: InMemoryStore

    static var modules: [any AssuranceModule] {
        [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()]
    }

    /// The miniature partnership with its cycle run.
    static func make() async throws -> TablesScenario {
        let store = InMemoryStore()
        try await PartnershipGenerator(scale: .miniature).load(into: store)
        let scenario = try empty(store)
        _ = try await scenario.framework.runCycle(on: day, by: lead)
        return scenario
    }

    /// A framework of the same modules over a store, on the same day.
    static func empty(_ store: InMemoryStore = InMemoryStore()) throws -> TablesScenario {
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let document = PartnershipProfile.starter(modules: [PartnershipModule.self]).framework
        let framework = try AssuranceFramework(modules: modules, environment: environment, document: document)
        return TablesScenario(framework: framework, store: store)
    }

    var tables: RecordTables { RecordTables(types: framework.recordTypes + [PublishedReport.self]) }

    /// Every table of the store.
    func export() async throws -> [TableFile] {
        try tables.files(of: try await store.snapshot())
    }

    /// Imports tables as the partnership lead.
    @discardableResult
    func importFiles(_ files: [TableFile], dryRun: Bool = false) async throws -> TableImport {
        try await tables.importFiles(files, into: framework.environment.records, by: Self.lead, dryRun: dryRun)
    }

    /// Every standard report, every audience, as HTML.
    func reports() async throws -> [String: String] {
        let quarter = ReportingPeriod.containing(Self.day.adding(days: -31), kind: .quarter, basis: .financial)
        let year = ReportingPeriod.containing(Self.day.adding(days: -31), kind: .year, basis: .financial)
        var rendered: [String: String] = [:]
        for audience in [Audience.internal, .partnership, .public] {
            let requests = [
                ReportRequest(kind: .practiceDevelopmentAssurance, period: quarter, audience: audience, day: Self.day),
                ReportRequest(
                    kind: .subGroupReport,
                    period: quarter,
                    audience: audience,
                    day: Self.day,
                    group: "qadg"
                ),
                ReportRequest(kind: .scrutinyPack, period: year, audience: audience, day: Self.day, group: "qadg"),
                ReportRequest(kind: .mashQuarterly, period: quarter, audience: audience, day: Self.day),
                ReportRequest(kind: .conferenceChairsQuarterly, period: quarter, audience: audience, day: Self.day),
                ReportRequest(kind: .yearly, period: year, audience: audience, day: Self.day),
                audience == .public
                    ? nil
                    : ReportRequest(
                        kind: .agencyFeedback,
                        period: year,
                        audience: audience,
                        day: Self.day,
                        agency: "police"
                    ),
                ReportRequest(kind: .practitionerBriefing, period: year, audience: audience, day: Self.day),
            ]
            for request in requests.compactMap(\.self) {
                let report = try await StandardReports(framework: framework).make(request, as: Self.lead)
                rendered["\(report.fileStem)-\(audience)"] = HTMLRenderer().render(report)
            }
        }
        return rendered
    }

    /// A fixture's bytes.
    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw TableEditError.noFile(name)
        }
        return try Data(contentsOf: url)
    }

    /// The store's change log length: how many writes it has taken.
    func changeCount() async throws -> Int {
        try await store.snapshot().changeLog.count
    }
}
