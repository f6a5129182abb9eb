import Audit
import Domain
import Foundation
import Spreadsheets

extension FormScenario {
    static let auditID: Audit.ID = "a-neglect-2026"

    /// An audit of two cases, each asking the police and the council for a return.
    func openAudit() async throws -> [CaseReturn] {
        let programme = AuditProgramme(environment: environment)
        let audit = Audit(
            id: Self.auditID,
            title: "Neglect: the child's lived experience",
            type: .multiAgencyThematic,
            themes: [.neglect],
            rationale: .reviewLearning,
            lead: "QA lead",
            agencies: ["police", "council"],
            template: AuditTemplate.standard.id,
            plannedFrom: Self.day,
            plannedUntil: Self.day.adding(days: 60),
            plannedOn: Self.day,
            plannedBy: "qa-lead"
        )
        // The miniature partnership has the year's plan already; the audit is added beside it.
        try await environment.records.save(audit, version: 0, by: Self.lead)
        try await programme.move(audit.id, to: .scoping, by: Self.lead)
        try await programme.move(audit.id, to: .fieldwork, by: Self.lead)
        var returns: [CaseReturn] = []
        for reference: CaseReference in ["CASE-0042", "CASE-0043"] {
            let (_, requested) = try await programme.addCase(
                reference,
                to: audit.id,
                selection: .random,
                agencies: ["police", "council"],
                returnsDue: Self.day.adding(days: 14),
                by: Self.lead
            )
            returns += requested
        }
        return returns
    }

    var caseReturnForms: CaseReturnForms { CaseReturnForms(environment: environment) }
    var actionPlanForms: ActionPlanForms { ActionPlanForms(environment: environment) }
    var registerForms: AttendanceRegisterForms { AttendanceRegisterForms(environment: environment) }

    /// The police's open actions.
    func policeOpenActions() async throws -> [Versioned<TrackedAction>] {
        try await environment.records.all(TrackedAction.self, as: Self.lead)
            .filter { $0.value.ownerAgency == "police" && !$0.value.status.isComplete }
    }

    /// The templates the fixtures were filled from, written when `QAF_WRITE_FORM_TEMPLATES` names a folder.
    static func writeTemplate(_ workbook: Workbook, named name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["QAF_WRITE_FORM_TEMPLATES"] else { return }
        try workbook.data().write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
}

extension Workbook {
    /// The index of the first sheet whose first row holds a heading.
    func sheetIndex(withHeading heading: String) -> Int? {
        sheets.firstIndex { $0.row(1).contains { $0?.text == heading } }
    }
}
