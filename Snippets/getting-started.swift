// The guide in Documentation/GettingStarted.md, step by step: a partnership's structure, a Section 11
// cycle answered by an agency, the assurance cycle with a notifier, and a report.
import Domain
import Foundation
import Reporting
import SQLiteStore
import Section11

// snippet.hide
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("getting-started-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let databasePath = directory.appendingPathComponent("partnership.sqlite").path
let notificationsPath = directory.appendingPathComponent("notifications.jsonl").path
func require<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw DomainError(.notFound, "expected \(what)") }
    return value
}
// snippet.show

// MARK: 1. Compose the framework over the seams.

let modules: [any AssuranceModule] = [PartnershipModule(), Section11Module()]
let store = try SQLiteStore(path: databasePath, schema: try AssuranceFramework(modules: modules).schemaVersions)
let environment = AssuranceEnvironment(store: store)  // system clock, random UUIDs, RolePolicy
let notifier = Notifier(sinks: [JSONLinesNotificationSink(path: notificationsPath)], records: environment.records)
let framework = try AssuranceFramework(modules: modules, environment: environment, notifier: notifier)

// MARK: 2. The partnership's structure, written by the partnership lead in one transaction.

let lead = Principal(id: "jo.lead", roles: [.partnershipLead])
var structure = RecordBatch()
try structure.save(Partnership(id: "brackenshire", name: "Brackenshire Safeguarding Children Partnership"), version: 0)
try structure.save(
    Agency(id: "police", name: "Brackenshire Constabulary", sector: .police, isStatutoryPartner: true),
    version: 0
)
try structure.save(Agency(id: "trust", name: "Brackenshire Health Trust", sector: .healthProvider), version: 0)
try await environment.records.commit(structure, by: lead)

// MARK: 3. A Section 11 cycle: the QA lead opens it, an agency lead answers for their agency only.

let today = environment.today()
let section11 = SelfAssessments(environment: environment)
let cycle = try await section11.openCycle(
    name: "Section 11 \(today.year)",
    standardSet: StandardSet.section11Classic.id,
    cadence: .yearly,
    issuedOn: today,
    returnDeadline: today.adding(days: 56),
    invite: ["police", "trust"],
    by: lead
)

let policeLead = Principal(id: "sam.police", roles: [.agencyLead("police")])
let assessment = try require(
    try await section11.assessments(in: cycle.id, as: policeLead).first,
    "the police's assessment"
)
let firstCriterion = try require(assessment.value.responses.first?.criterion, "a criterion")
try await section11.respond(
    CriterionResponse(
        criterion: firstCriterion,
        selfRating: "amber",
        narrative: "A board lead is named; staff awareness is patchy.",
        actions: [
            AssessmentAction(
                id: "a1",
                text: "Intranet page for the lead",
                owner: "Head of safeguarding",
                dueOn: today.adding(days: 90)
            )
        ]
    ),
    to: assessment.value.id,
    by: policeLead
)

// MARK: 4. The assurance cycle, as a host would schedule it each day.

let outcome = try await framework.runCycle(on: today, by: lead)
for finding in outcome.raised {
    print("\(finding.level): \(finding.message)")
}

// MARK: 5. A report for the partnership.

let report = try await StandardReports(framework: framework).make(
    ReportRequest(
        kind: .practiceDevelopmentAssurance,
        period: .containing(today, kind: .quarter),
        audience: .partnership,
        day: today
    ),
    as: lead
)
print(MarkdownRenderer().render(report).prefix(400))
