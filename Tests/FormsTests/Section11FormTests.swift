import Domain
import Foundation
import Section11
import Spreadsheets
import Testing

/// An agency's Section 11 return as a spreadsheet: written with its own criteria, filled in by a
/// real spreadsheet program, imported and submitted.
@Suite struct Section11FormTests {
    @Test func theTemplateHoldsTheAgencysOwnCriteriaTheScaleAndTheDeadline() async throws {
        let scenario = try await FormScenario.make()
        let workbook = try await scenario.forms.template(
            cycle: scenario.cycle.id,
            agency: "police",
            as: FormScenario.lead
        )
        if let path = ProcessInfo.processInfo.environment["QAF_WRITE_FORM_TEMPLATE"] {
            try workbook.data().write(to: URL(fileURLWithPath: path))
        }
        let read = try Workbook(data: workbook.data(), file: "police.xlsx")
        let answers = try #require(read.sheet(named: "Your return"))
        let police = try await scenario.policeAssessment()
        #expect(answers.lastRow == police.responses.count + 1)
        #expect(answers.row(1).map { $0?.text } == Section11ReturnForm.Heading.all)
        let codes = (2...answers.lastRow).compactMap { answers[$0, 2]?.text }
        #expect(codes == police.responses.map(\.criterion.rawValue))
        let about = try #require(read.sheet(named: "About this form"))
        let labels = (1...about.lastRow).compactMap { row in about[row, 1].map { ($0.text, about[row, 2]?.text) } }
        #expect(labels.contains { $0 == ("Return by", scenario.cycle.returnDeadline.description) })
        #expect(labels.contains { $0 == ("Agency", "Brackenshire Constabulary") })
        #expect(labels.contains { $0 == ("Cycle id", scenario.cycle.id.rawValue) })
    }
}

extension Section11FormTests {
    @Test func aReturnFilledAndSavedByLibreOfficeImportsAndSubmits() async throws {
        let scenario = try await FormScenario.make()
        let data = try FormScenario.fixture("police-return-libreoffice.xlsx")
        let assessment = try await scenario.forms.importReturn(data, file: "police.xlsx", by: FormScenario.lead)
        #expect(assessment.agency == "police")
        #expect(assessment.status == .submitted)
        #expect(assessment.responses.allSatisfy { $0.selfRating != nil })
        let amber = assessment.responses.filter { $0.selfRating == "amber" }
        // LibreOffice rows 4 and 8 (the third and seventh criteria) were rated Amber with an action.
        #expect(amber.map(\.criterion) == [assessment.responses[2].criterion, assessment.responses[6].criterion])
        let action = try #require(amber.first?.actions?.first)
        #expect(action.text == "Train the remaining teams")
        #expect(action.owner == "Head of public protection")
        #expect(action.dueOn == (try Day(parsing: "2026-09-30")))
        #expect(assessment.responses[0].evidence?.map(\.title) == ["Safeguarding policy 2026", "Training record"])
        // Stored: the store's copy is what was returned.
        #expect(try await scenario.policeAssessment() == assessment)
    }

    @Test func aReturnFilledByOpenpyxlWithCodesAndADateImportsAsADraft() async throws {
        let scenario = try await FormScenario.make()
        let data = try FormScenario.fixture("police-return-openpyxl.xlsx")
        let assessment = try await scenario.forms.importReturn(data, file: "police.xlsx", by: FormScenario.lead)
        #expect(assessment.status == .inProgress)
        #expect(assessment.responses.filter { $0.selfRating == "red" }.count == 1)
        let action = try #require(assessment.responses[3].actions?.first)
        #expect(action.dueOn == (try Day(parsing: "2026-10-15")))
        #expect(action.owner == "Chief Inspector, response")
    }

    @Test func theTemplateRoundTripsThroughOurOwnReaderUnchanged() async throws {
        let scenario = try await FormScenario.make()
        let before = try await scenario.policeAssessment()
        let workbook = try await scenario.forms.template(
            cycle: scenario.cycle.id,
            agency: "police",
            as: FormScenario.lead
        )
        let assessment = try await scenario.forms.importReturn(
            workbook.data(),
            file: "police.xlsx",
            by: FormScenario.lead
        )
        // Answers carried forward are written back as they were; the assessment is now in progress.
        #expect(assessment.responses.map(\.selfRating) == before.responses.map(\.selfRating))
        #expect(assessment.responses.map(\.narrative) == before.responses.map(\.narrative))
        #expect(assessment.status == .inProgress)
    }
}

extension Section11FormTests {
    @Test func aSubmittedReturnIsNotChangedByAFormSentAgain() async throws {
        let scenario = try await FormScenario.make()
        let data = try FormScenario.fixture("police-return-libreoffice.xlsx")
        try await scenario.forms.importReturn(data, file: "police.xlsx", by: FormScenario.lead)
        let before = try await scenario.store.snapshot()
        let error = try await #require(throws: DomainError.self) {
            try await scenario.forms.importReturn(data, file: "police.xlsx", by: FormScenario.lead)
        }
        #expect(error.code == .invalidTransition)
        #expect(error.message.contains("Brackenshire Constabulary's return to Section 11 2026-27 is submitted"))
        #expect(try await scenario.store.snapshot() == before)
    }
}
