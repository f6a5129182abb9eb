// A partner tool taking a partnership's own files: its tables (CSV) into a new database, a Section 11
// cycle opened, an agency's return form written, filled in and uploaded back, and the tables exported.
// Documentation: the Domain catalog's article "Importing a partnership's own files".
import Domain
import Foundation
import SQLiteStore
import Section11
import Spreadsheets
import Tables

// snippet.hide
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("own-files-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let databasePath = directory.appendingPathComponent("partnership.sqlite").path
let lead = Principal(id: "business-manager", roles: [.partnershipLead])
// snippet.show

// MARK: 1. A new database from the partnership's profile.

let types: [any ProfileConfigurable.Type] = [PartnershipModule.self, Section11Module.self]
let profile = PartnershipProfile.starter(modules: types)
let schema = try AssuranceFramework(profile: profile, modules: types).schemaVersions
let store = try SQLiteStore(path: databasePath, schema: schema)
let environment = AssuranceEnvironment(store: store)
let framework = try AssuranceFramework(profile: profile, modules: types, environment: environment)
try await profile.apply(to: environment.records, modules: try profile.modules(types), on: environment.today(), by: lead)

// MARK: 2. Its agencies and localities, from the CSV files its business manager keeps.

let tables = RecordTables(types: framework.recordTypes)
let files = [
    TableFile(name: "domain.locality.csv", text: "id,name\nnorth,North\n"),
    TableFile(
        name: "domain.agency.csv",
        text: """
            id,name,sector,isStatutoryPartner,locality
            council,Northshire Council,local-authority,true,
            police,Northshire Police,police,true,
            icb,Northshire Integrated Care Board,health,true,
            north-academy,North Academy,education,false,north

            """
    ),
]
let checked = try await tables.importFiles(files, into: environment.records, by: lead, dryRun: true)
print("would add \(checked.added.count) records")
try await tables.importFiles(files, into: environment.records, by: lead)

// MARK: 3. A Section 11 cycle, and the police's own return form.

let cycle = try await SelfAssessments(environment: environment).openCycle(
    name: "Section 11 2026",
    standardSet: StandardSet.section11Classic.id,
    cadence: Cadence(months: 12),
    issuedOn: environment.today(),
    returnDeadline: environment.today().adding(days: 90),
    invite: ["council", "police", "icb"],
    by: lead
)
let form = try await Section11Forms(environment: environment).template(cycle: cycle.id, agency: "police", as: lead)
let upload = form.data()  // the .xlsx the police download, fill in and send back

// snippet.hide
// The police fill it in: every criterion Green, and ready to submit.
var filled = try Workbook(data: upload, file: "police.xlsx")
for row in 2...filled.sheets[0].lastRow { filled.sheets[0][row, 4] = .text("Green") }
for row in 1...filled.sheets[1].lastRow where filled.sheets[1][row, 1]?.text == "Ready to submit" {
    filled.sheets[1][row, 2] = .text("Yes")
}
let returned = filled.data()
// snippet.show

// MARK: 4. The form a user uploads, read and imported by the module whose form it says it is.

let uploaded = try Workbook(data: returned, file: "police.xlsx")
if FormDetails.formName(in: uploaded) == Section11ReturnForm.formName {
    let assessment = try await Section11Forms(environment: environment).importReturn(
        uploaded,
        file: "police.xlsx",
        by: lead
    )
    print("the police's return is \(assessment.status)")
}

// MARK: 5. Everything out again, as tables.

let exported = try tables.files(of: try await store.snapshot())
print("exported \(exported.count) tables")
