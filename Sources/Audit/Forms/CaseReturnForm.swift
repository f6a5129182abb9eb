public import Domain
import Foundation

/// An agency's returns for the cases an audit sampled, as a spreadsheet: a sheet per case with a
/// grade and rationale for each section of the audit tool, an answer to each standard question,
/// and what the agency learnt; the instructions and the deadline on a sheet of their own.
public enum CaseReturnForm: Sendable {
    /// The form's name, on its About sheet.
    public static let formName = "qaf-case-returns"
    /// The form's version.
    public static let version = 1

    /// A case sheet's column headings, in order.
    public enum Heading: Sendable {
        /// What the row is: the case, a section, a question or a summary.
        public static let part = "Part"
        /// The section's or question's code, or the return's id on the case row.
        public static let code = "Code"
        /// What is asked.
        public static let asked = "What is asked"
        /// The grade, the answer, or the text.
        public static let answer = "Answer"
        /// Why the grade was given.
        public static let rationale = "Rationale"

        /// Every heading, left to right.
        public static let all = [part, code, asked, answer, rationale]
    }

    /// The parts a row can be.
    public enum Part: Sendable {
        /// The row naming the case and its return.
        public static let caseRow = "Case"
        /// A section of the audit tool, graded.
        public static let section = "Section"
        /// A standard question, answered Yes, No or N/A.
        public static let question = "Question"
        /// Good practice, areas for development or recommendations.
        public static let summary = "Summary"
    }

    /// The summary rows' codes.
    public enum Summary: Sendable {
        /// Good practice seen.
        public static let goodPractice = "good-practice"
        /// Areas for development.
        public static let areasForDevelopment = "areas-for-development"
        /// Recommendations, one per line.
        public static let recommendations = "recommendations"
    }

    /// The About sheet's labels.
    public enum Label: Sendable {
        /// The audit's id.
        public static let auditID = "Audit id"
        /// The agency's id.
        public static let agencyID = "Agency id"
    }

    /// What a yes-or-no answer may be written as, and the answer each is.
    static let answers: [String: Answer] = ["yes": .yes, "no": .no, "n/a": .notApplicable, "na": .notApplicable]

    /// An agency's form for an audit: a sheet for each case it was asked to return.
    public static func workbook(
        partnership: String,
        audit: Audit,
        tool: AuditTemplate,
        agency: Agency,
        cases: [(AuditCase, CaseReturn)]
    ) -> Workbook {
        var sheets: [Worksheet] = []
        for (index, (auditCase, caseReturn)) in cases.enumerated() {
            sheets.append(sheet(number: index + 1, auditCase, caseReturn, tool))
        }
        let due = cases.map(\.1.dueOn).min()
        let about = AboutSheet(
            title: "Case audit return: \(agency.name)",
            facts: [
                ("Partnership", .text(partnership)),
                ("Audit", .text(audit.title)),
                ("Agency", .text(agency.name)),
                ("Cases", .number(Double(cases.count))),
                ("Return by", .text(due?.description ?? "")),
            ],
            steps: [
                "Each case the audit sampled for you has a sheet of its own, named Case 1, Case 2 and so on.",
                "Grade every section with the drop-down in the Answer column and give the rationale beside it.",
                "Answer every question Yes, No or N/A.",
                "Under Summary, write the good practice you saw, the areas for development and any "
                    + "recommendations, one per line.",
                "Save the workbook as .xlsx and return it by \(due?.description ?? "the day asked"). Importing it "
                    + "submits every case sheet it holds; do not change the headings, the codes or the details below.",
            ],
            more: ("The grades", tool.scale.levels.reversed().map { ($0.label, "counts as \($0.rag.rawValue)") }),
            form: formName,
            version: version,
            ids: [(Label.auditID, audit.id.rawValue), (Label.agencyID, agency.id.rawValue)]
        )
        return Workbook(sheets: sheets + [about.worksheet])
    }

    private static func sheet(
        number: Int,
        _ auditCase: AuditCase,
        _ caseReturn: CaseReturn,
        _ tool: AuditTemplate
    ) -> Worksheet {
        var sheet = Worksheet(name: "Case \(number)")
        sheet.columnWidths = [1: 10, 2: 22, 3: 56, 4: 22, 5: 56]
        sheet.boldRows = [1]
        sheet.frozenRows = 1
        var rows: [[CellValue?]] = [
            Heading.all.map { .text($0) },
            [
                .text(Part.caseRow), .text(caseReturn.id.rawValue),
                .text("Case \(auditCase.caseReference.rawValue), due \(caseReturn.dueOn)"),
            ],
        ]
        var gradeRows: [Int] = []
        var questionRows: [Int] = []
        for section in tool.sections {
            let grade = caseReturn.grades[section.code]
            gradeRows.append(rows.count + 1)
            rows.append([
                .text(Part.section), .text(section.code.rawValue), .text(section.title),
                grade.flatMap { tool.scale.level($0.level) }.map { .text($0.label) },
                grade.map { .text($0.rationale) },
            ])
            for question in section.questions where question.kind == .yesNo {
                questionRows.append(rows.count + 1)
                rows.append([
                    .text(Part.question), .text(question.code.rawValue), .text(question.text),
                    caseReturn.answers[question.code].map { .text(label(of: $0)) },
                ])
            }
        }
        rows += [
            [
                .text(Part.summary), .text(Summary.goodPractice), .text("Good practice seen"),
                caseReturn.goodPractice.map { .text($0) },
            ],
            [
                .text(Part.summary), .text(Summary.areasForDevelopment), .text("Areas for development"),
                caseReturn.areasForDevelopment.map { .text($0) },
            ],
            [
                .text(Part.summary), .text(Summary.recommendations), .text("Recommendations, one per line"),
                caseReturn.recommendations.isEmpty ? nil : .text(caseReturn.recommendations.joined(separator: "\n")),
            ],
        ]
        for (index, row) in rows.enumerated() { sheet.setRow(index + 1, row) }
        let grades = tool.scale.levels.reversed().map(\.label)
        sheet.dropDowns =
            gradeRows.map { DropDown(column: 4, rows: $0...$0, choices: grades) }
            + questionRows.map { DropDown(column: 4, rows: $0...$0, choices: ["Yes", "No", "N/A"]) }
        return sheet
    }

    static func label(of answer: Answer) -> String {
        switch answer {
        case .yes: "Yes"
        case .no: "No"
        case .notApplicable: "N/A"
        }
    }
}
