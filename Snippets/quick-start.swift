// Embedding the engine: a partnership's records in SQLite, every module composed, the weekly
// assurance cycle, and the Practice Development Group's report as HTML.
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import SQLiteStore
import Section11

// snippet.hide
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quick-start-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let path = directory.appendingPathComponent("partnership.sqlite").path
// snippet.show

// 1. The modules the host wants, and the seams: a store, a clock, identifiers, who may do what.
let modules: [any AssuranceModule] = [
    PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule(),
]
let schema = try AssuranceFramework(modules: modules).schemaVersions
let environment = AssuranceEnvironment(store: try SQLiteStore(path: path, schema: schema))

// 2. Where notifications of raised and escalated findings go (email, a queue, a chat channel…).
struct PrintingSink: NotificationSink {
    var name: String { "printing" }
    func deliver(_ notification: AssuranceNotification) async throws {
        print("notify the \(notification.level?.description ?? "partnership"): \(notification.subject)")
    }
}
let notifier = Notifier(sinks: [PrintingSink()], records: environment.records)
let framework = try AssuranceFramework(modules: modules, environment: environment, notifier: notifier)

// 3. The host's records arrive through the modules' services, for example a month of data.
let lead = Principal(id: "qa-lead", roles: [.qaLead])
let csv = Data("measure,scope,period,value\nreferrals,partnership,2026-03,412\n".utf8)
_ = try await MeasureData(environment: environment).importObservations(csv: csv, source: "march.csv", by: lead)

// 4. The cycle: every rule of every module, findings raised, kept, resolved or escalated.
let today = environment.today()
let outcome = try await framework.runCycle(on: today, by: lead)
print("\(outcome.raised.count) raised, \(outcome.open.count) open")

// 5. The PDG's report to the Executive for the last full quarter.
let quarter = ReportingPeriod.containing(today, kind: .quarter).advanced(by: -1)
let report = try await StandardReports(framework: framework).make(
    ReportRequest(kind: .practiceDevelopmentAssurance, period: quarter, audience: .partnership, day: today),
    as: lead
)
let html = HTMLRenderer().render(report)
print("\(report.sections.count) sections, \(html.utf8.count) bytes of HTML")
