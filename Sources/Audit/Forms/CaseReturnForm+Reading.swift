public import Domain
import Foundation

extension CaseReturnForm {
    /// The form's details: the audit and the agency.
    public static func details(of workbook: Workbook, file: String) throws(SpreadsheetError) -> (Audit.ID, Agency.ID) {
        let details = try FormDetails.find(formName, version: version, in: workbook, file: file)
        let audit = try details.text(Label.auditID, file: file)
        let agency = try details.text(Label.agencyID, file: file)
        guard let auditID = try? Audit.ID(validating: audit), let agencyID = try? Agency.ID(validating: agency) else {
            throw SpreadsheetError(
                file: file,
                sheet: details.sheet,
                field: Label.auditID,
                message: "the form's ids were changed; they are the package's and must be left as they are"
            )
        }
        return (auditID, agencyID)
    }

    /// Reads every case sheet of a filled form, each checked against the audit tool.
    ///
    /// - Parameters:
    ///   - workbook: The form as saved.
    ///   - file: The name errors give the file.
    ///   - tool: The audit's tool: its sections, questions and grades.
    ///   - returns: The returns the agency was asked for, by id.
    /// - Returns: A submission for each case sheet, in the workbook's order.
    /// - Throws: `SpreadsheetError` for the first cell that is not as the form asks.
    public static func read(
        _ workbook: Workbook,
        file: String,
        tool: AuditTemplate,
        returns: [CaseReturn.ID: CaseReturn]
    ) throws(SpreadsheetError) -> [CaseReturnSubmission] {
        let tables = FormTable.findAll(headings: [Heading.part, Heading.code, Heading.answer], in: workbook)
        guard !tables.isEmpty else {
            throw SpreadsheetError(
                file: file,
                message: "no sheet has a case's columns (Part, Code, Answer) in its first row; the form holds no case"
            )
        }
        var seen: [CaseReturn.ID: String] = [:]
        var submissions: [CaseReturnSubmission] = []
        for table in tables {
            let submission = try read(table, file: file, tool: tool, returns: returns)
            if let first = seen[submission.caseReturn] {
                throw SpreadsheetError(
                    file: file,
                    sheet: table.sheet.name,
                    message: "the sheet is a copy of sheet \(DomainError.quote(first)); each case is returned once"
                )
            }
            seen[submission.caseReturn] = table.sheet.name
            submissions.append(submission)
        }
        return submissions
    }

    private static func read(
        _ table: FormTable,
        file: String,
        tool: AuditTemplate,
        returns: [CaseReturn.ID: CaseReturn]
    ) throws(SpreadsheetError) -> CaseReturnSubmission {
        var rows: [String: [String: Int]] = [:]
        for row in 2...max(table.sheet.lastRow, 2) {
            guard let part = table.text(Heading.part, row: row), let code = table.text(Heading.code, row: row) else {
                continue
            }
            rows[part.lowercased(), default: [:]][code.lowercased()] = row
        }
        guard let (code, row) = rows[Part.caseRow.lowercased()]?.first else {
            throw SpreadsheetError(
                file: file,
                sheet: table.sheet.name,
                message: "the sheet has no Case row naming its return; it is written by the package and must stay"
            )
        }
        guard let id = returns.keys.first(where: { $0.rawValue.lowercased() == code }) else {
            throw FormTable.problem(
                file,
                table,
                Heading.code,
                row,
                code,
                "is not a return this agency was asked for in the audit"
            )
        }
        var grades: [AuditSectionCode: Grade] = [:]
        var answers: [AuditQuestionCode: Answer] = [:]
        for section in tool.sections {
            grades[section.code] = try grade(section, rows: rows[Part.section.lowercased()] ?? [:], table, file, tool)
            for question in section.questions where question.kind == .yesNo {
                answers[question.code] = try answer(
                    question,
                    rows: rows[Part.question.lowercased()] ?? [:],
                    table,
                    file
                )
            }
        }
        let summaries = rows[Part.summary.lowercased()] ?? [:]
        func summary(_ code: String) -> String? { summaries[code].flatMap { table.text(Heading.answer, row: $0) } }
        return CaseReturnSubmission(
            caseReturn: id,
            grades: grades,
            answers: answers,
            goodPractice: summary(Summary.goodPractice),
            areasForDevelopment: summary(Summary.areasForDevelopment),
            recommendations: summary(Summary.recommendations)?.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
        )
    }

    private static func grade(
        _ section: AuditSection,
        rows: [String: Int],
        _ table: FormTable,
        _ file: String,
        _ tool: AuditTemplate
    ) throws(SpreadsheetError) -> Grade {
        guard let row = rows[section.code.rawValue.lowercased()] else {
            throw SpreadsheetError(
                file: file,
                sheet: table.sheet.name,
                message: "the row of section \(section.code) (\(section.title)) is missing; the form's rows must stay"
            )
        }
        guard let text = table.text(Heading.answer, row: row) else {
            throw FormTable.problem(file, table, Heading.answer, row, nil, "section \(section.code) has no grade")
        }
        guard
            let level = tool.scale.levels.first(where: {
                $0.label.lowercased() == text.lowercased() || $0.code.rawValue.lowercased() == text.lowercased()
            })
        else {
            throw FormTable.problem(
                file,
                table,
                Heading.answer,
                row,
                text,
                "is not a grade; expected one of " + tool.scale.levels.reversed().map(\.label).joined(separator: ", ")
            )
        }
        guard let rationale = table.text(Heading.rationale, row: row) else {
            throw FormTable.problem(
                file,
                table,
                Heading.rationale,
                row,
                nil,
                "section \(section.code)'s grade has no rationale; say why it was given"
            )
        }
        return Grade(level: level.code, rationale: rationale)
    }

    private static func answer(
        _ question: AuditQuestion,
        rows: [String: Int],
        _ table: FormTable,
        _ file: String
    ) throws(SpreadsheetError) -> Answer {
        guard let row = rows[question.code.rawValue.lowercased()] else {
            throw SpreadsheetError(
                file: file,
                sheet: table.sheet.name,
                message: "the row of question \(question.code) is missing; the form's rows must stay"
            )
        }
        guard let text = table.text(Heading.answer, row: row) else {
            throw FormTable.problem(file, table, Heading.answer, row, nil, "question \(question.code) is not answered")
        }
        guard let answer = answers[text.lowercased()] else {
            throw FormTable.problem(file, table, Heading.answer, row, text, "is not an answer; expected Yes, No or N/A")
        }
        return answer
    }
}
