import Audit
import Domain
import Foundation
import Section11
import Spreadsheets
import Testing

/// The case-return, action-plan and register forms: written, filled in, imported.
@Suite struct OtherFormsTests {
    /// Fills every case sheet of a case-return form as an agency would.
    static func fill(caseReturns workbook: inout Workbook) {
        for index in workbook.sheets.indices where workbook.sheets[index].name.hasPrefix("Case ") {
            let sheet = workbook.sheets[index]
            for row in 2...sheet.lastRow {
                switch sheet[row, 1]?.text {
                case "Section":
                    workbook.sheets[index][row, 4] = .text("Good")
                    workbook.sheets[index][row, 5] = .text("Seen in the records for row \(row).")
                case "Question": workbook.sheets[index][row, 4] = .text(row % 2 == 0 ? "Yes" : "N/A")
                case "Summary" where sheet[row, 2]?.text == "recommendations":
                    workbook.sheets[index][row, 4] = .text("Review supervision\nShare the plan with school")
                default: break
                }
            }
        }
    }

    @Test func caseReturnsWrittenFilledAndImportedAreSubmittedTogether() async throws {
        let scenario = try await FormScenario.make()
        let requested = try await scenario.openAudit()
        var workbook = try await scenario.caseReturnForms.template(
            audit: FormScenario.auditID,
            agency: "police",
            as: FormScenario.lead
        )
        try FormScenario.writeTemplate(workbook, named: "case-returns-template.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Case 1", "Case 2", "About this form"])
        Self.fill(caseReturns: &workbook)
        let written = try await scenario.caseReturnForms.importReturns(
            workbook.data(),
            file: "police-cases.xlsx",
            by: FormScenario.lead
        )
        let police = requested.filter { $0.agency == "police" }.map(\.id)
        #expect(Set(written.map(\.id)) == Set(police))
        #expect(written.allSatisfy { $0.status == .submitted })
        #expect(written.allSatisfy { $0.recommendations == ["Review supervision", "Share the plan with school"] })
        #expect(written[0].grades.values.allSatisfy { $0.level == "good" })
        // The council's returns are untouched.
        let council = try await AuditProgramme(environment: scenario.environment).returns(of: FormScenario.auditID)
            .filter { $0.agency == "council" }
        #expect(council.allSatisfy { $0.status != .submitted })
    }

    @Test func aCaseReturnFilledByOpenpyxlImports() async throws {
        let scenario = try await FormScenario.make()
        _ = try await scenario.openAudit()
        let data = try FormScenario.fixture("case-returns-openpyxl.xlsx")
        let written = try await scenario.caseReturnForms.importReturns(data, file: "police.xlsx", by: FormScenario.lead)
        #expect(written.count == 2)
        #expect(written.allSatisfy { $0.status == .submitted })
        #expect(written[0].goodPractice == "Timely strategy discussion.")
    }

    @Test func aCaseSheetWithASectionUngradedIsRefusedAtItsCell() async throws {
        let scenario = try await FormScenario.make()
        _ = try await scenario.openAudit()
        var workbook = try await scenario.caseReturnForms.template(
            audit: FormScenario.auditID,
            agency: "police",
            as: FormScenario.lead
        )
        Self.fill(caseReturns: &workbook)
        workbook.sheets[1][3, 5] = nil
        let before = try await scenario.store.snapshot()
        let error = try await #require(throws: DomainError.self) {
            try await scenario.caseReturnForms.importReturns(
                workbook.data(),
                file: "police.xlsx",
                by: FormScenario.lead
            )
        }
        #expect(error.message.contains("sheet \"Case 2\", cell E3 (Rationale)"))
        #expect(error.message.contains("has no rationale"))
        #expect(try await scenario.store.snapshot() == before)
    }

    @Test func anActionPlanUpdateCompletesAndUpdatesActionsInOneTransaction() async throws {
        let scenario = try await FormScenario.make()
        let open = try await scenario.policeOpenActions()
        try #require(open.count >= 2)
        var workbook = try await scenario.actionPlanForms.template(agency: "police", as: FormScenario.lead)
        try FormScenario.writeTemplate(workbook, named: "action-plan-template.xlsx")
        let sheet = try #require(workbook.sheetIndex(withHeading: ActionPlanForm.Heading.newStatus))
        #expect(workbook.sheets[sheet].lastRow == open.count + 1)
        workbook.sheets[sheet][2, 7] = .text("Completed")
        workbook.sheets[sheet][2, 8] = .text("Training delivered to every team.")
        workbook.sheets[sheet][2, 9] = .text("Attendance register\nEvaluation summary")
        workbook.sheets[sheet][3, 7] = .text("at risk")
        workbook.sheets[sheet][3, 8] = .text("Trainer left; new date being found.")
        let written = try await scenario.actionPlanForms.importUpdate(
            workbook.data(),
            file: "police-actions.xlsx",
            by: FormScenario.lead
        )
        #expect(written.map(\.status) == [.completedAndEvidenced, .atRisk])
        #expect(written[0].completionEvidence?.map(\.title) == ["Attendance register", "Evaluation summary"])
        #expect(written[1].updates.last?.text == "Trainer left; new date being found.")
    }

    @Test func anActionPlanUpdateWrittenBeforeAnActionChangedIsRefusedAsStale() async throws {
        let scenario = try await FormScenario.make()
        var workbook = try await scenario.actionPlanForms.template(agency: "police", as: FormScenario.lead)
        let sheet = try #require(workbook.sheetIndex(withHeading: ActionPlanForm.Heading.newStatus))
        let first = try TrackedAction.ID(validating: try #require(workbook.sheets[sheet][2, 1]?.text))
        try await ActionTracker(environment: scenario.environment).update(
            first,
            status: .onTrack,
            "Updated by the lead meanwhile.",
            by: FormScenario.lead
        )
        workbook.sheets[sheet][2, 7] = .text("At risk")
        let before = try await scenario.store.snapshot()
        let error = try await #require(throws: DomainError.self) {
            try await scenario.actionPlanForms.importUpdate(workbook.data(), file: "police.xlsx", by: FormScenario.lead)
        }
        #expect(error.code == .staleWrite)
        #expect(error.message.contains("cell J2 (Version (leave as it is))"))
        #expect(try await scenario.store.snapshot() == before)
    }

    @Test func anActionPlanUpdateFilledByOpenpyxlImports() async throws {
        let scenario = try await FormScenario.make()
        let data = try FormScenario.fixture("action-plan-openpyxl.xlsx")
        let written = try await scenario.actionPlanForms.importUpdate(data, file: "police.xlsx", by: FormScenario.lead)
        #expect(written.map(\.status) == [.onTrack, .completed])
    }

    @Test func aRegisterRecordsTheMeetingAndASecondCopyIsRefusedAsStale() async throws {
        let scenario = try await FormScenario.make()
        let day = FormScenario.day.adding(days: 14)
        var workbook = try await scenario.registerForms.template(group: "qadg", day: day, as: FormScenario.lead)
        try FormScenario.writeTemplate(workbook, named: "register-template.xlsx")
        let sheet = try #require(workbook.sheetIndex(withHeading: AttendanceRegisterForm.Heading.attended))
        let listed = workbook.sheets[sheet].lastRow - 1
        #expect(listed > 0)
        for row in 2...(listed + 1) { workbook.sheets[sheet][row, 4] = .text(row == 2 ? "No" : "Yes") }
        let data = workbook.data()
        let meeting = try await scenario.registerForms.importRegister(
            data,
            file: "register.xlsx",
            by: FormScenario.lead
        )
        #expect(meeting.group == "qadg")
        #expect(meeting.day == day)
        #expect(meeting.invited.count == listed)
        #expect(meeting.attended.count == listed - 1)
        let error = try await #require(throws: DomainError.self) {
            try await scenario.registerForms.importRegister(data, file: "register.xlsx", by: FormScenario.lead)
        }
        #expect(error.code == .staleWrite)
        #expect(error.message.contains("was recorded after the register was written"))
    }

    @Test func aRegisterFilledByLibreOfficeImports() async throws {
        let scenario = try await FormScenario.make()
        let data = try FormScenario.fixture("register-libreoffice.xlsx")
        let meeting = try await scenario.registerForms.importRegister(
            data,
            file: "register.xlsx",
            by: FormScenario.lead
        )
        #expect(meeting.attended.count == meeting.invited.count - 1)
    }

    @Test func everyFormSaysWhatItIsAndAnotherFormIsRefused() async throws {
        let scenario = try await FormScenario.make()
        _ = try await scenario.openAudit()
        let written: [(Workbook, String)] = [
            (
                try await scenario.forms.template(cycle: scenario.cycle.id, agency: "police", as: FormScenario.lead),
                Section11ReturnForm.formName
            ),
            (
                try await scenario.caseReturnForms.template(
                    audit: FormScenario.auditID,
                    agency: "police",
                    as: FormScenario.lead
                ),
                CaseReturnForm.formName
            ),
            (
                try await scenario.actionPlanForms.template(agency: "police", as: FormScenario.lead),
                ActionPlanForm.formName
            ),
            (
                try await scenario.registerForms.template(group: "qadg", day: FormScenario.day, as: FormScenario.lead),
                AttendanceRegisterForm.formName
            ),
        ]
        for (form, name) in written {
            // Read back from its bytes, as an upload is.
            #expect(FormDetails.formName(in: try workbook(form.data(), file: "form.xlsx")) == name)
        }
        let filled = try workbook(try FormScenario.fixture("police-return-libreoffice.xlsx"), file: "police.xlsx")
        #expect(FormDetails.formName(in: filled) == Section11ReturnForm.formName)
        #expect(FormDetails.formName(in: try workbook(WorkbookFixtures.plain, file: "budget.xlsx")) == nil)
        // An action plan handed to the Section 11 import is refused for what it is.
        let before = try await scenario.store.snapshot()
        let error = try await #require(throws: DomainError.self) {
            try await scenario.forms.importReturn(written[2].0, file: "actions.xlsx", by: FormScenario.lead)
        }
        #expect(error.message.contains("no sheet holds the details of a qaf-section11-return form"))
        #expect(try await scenario.store.snapshot() == before)
    }
}

enum WorkbookFixtures {
    /// A workbook that is no form: a budget.
    static var plain: Data {
        var sheet = Worksheet(name: "Budget")
        sheet.setRow(1, [.text("Line"), .text("Amount")])
        sheet.setRow(2, [.text("Training"), .number(1200)])
        return Workbook(sheets: [sheet]).data()
    }
}
