public import Domain
import Foundation

extension Section11ReturnForm {
    /// The form's details: the cycle, the agency and whether it is ready to submit.
    public static func details(
        of workbook: Workbook,
        file: String
    ) throws(SpreadsheetError) -> (cycle: AssessmentCycle.ID, agency: Agency.ID, submit: Bool) {
        let details = try FormDetails.find(formName, version: version, in: workbook, file: file)
        let cycle = try details.text(Label.cycleID, file: file)
        let agency = try details.text(Label.agencyID, file: file)
        guard let cycleID = try? AssessmentCycle.ID(validating: cycle),
            let agencyID = try? Agency.ID(validating: agency)
        else {
            throw SpreadsheetError(
                file: file,
                sheet: details.sheet,
                field: Label.cycleID,
                message: "the form's ids were changed; they are the package's and must be left as they are"
            )
        }
        return (cycleID, agencyID, try details.yes(Label.submit, file: file))
    }

    /// Reads a filled form: every row checked against the agency's criteria and the set's scale.
    ///
    /// - Parameters:
    ///   - workbook: The form as saved by the agency's spreadsheet program.
    ///   - file: The name errors give the file.
    ///   - set: The cycle's standard set.
    ///   - sector: The agency's sector, which decides its criteria.
    /// - Returns: The cycle and the agency's answers.
    /// - Throws: `SpreadsheetError` for the first cell that is not as the form asks, with its
    ///   sheet, cell and column, the value found and what was expected.
    public static func read(
        _ workbook: Workbook,
        file: String,
        set: StandardSet,
        sector: AgencySector
    ) throws(SpreadsheetError) -> Return {
        let (cycle, agency, submit) = try details(of: workbook, file: file)
        let table = try FormTable.find(headings: [Heading.criterion, Heading.rating], in: workbook, file: file)
        let criteria = set.criteria(for: sector).map(\.code)
        var seen: [CriterionCode: Int] = [:]
        var responses: [AssessmentInterchange.Entry.Response] = []
        for row in 2...max(table.sheet.lastRow, 2) {
            guard let code = table.text(Heading.criterion, row: row) else {
                if Heading.all.contains(where: { table.text($0, row: row) != nil && $0 != Heading.standard }) {
                    throw problem(file, table, Heading.criterion, row, nil, "the row has answers but no criterion code")
                }
                continue
            }
            guard let criterion = criteria.first(where: { $0.rawValue.lowercased() == code.lowercased() }) else {
                throw problem(
                    file,
                    table,
                    Heading.criterion,
                    row,
                    code,
                    "is not one of this form's criteria; expected one of "
                        + criteria.map(\.rawValue).joined(separator: ", ")
                )
            }
            if let first = seen[criterion] {
                throw problem(file, table, Heading.criterion, row, code, "is answered twice, first on row \(first)")
            }
            seen[criterion] = row
            responses.append(
                try response(criterion, row: row, table: table, workbook: workbook, scale: set.scale, file: file)
            )
        }
        if submit, let unrated = responses.first(where: { $0.rating == nil }), let row = seen[unrated.criterion] {
            throw problem(
                file,
                table,
                Heading.rating,
                row,
                nil,
                "criterion \(unrated.criterion) is not rated; rate every criterion before setting "
                    + "\(DomainError.quote(Label.submit)) to Yes"
            )
        }
        return Return(cycle: cycle, entry: .init(agency: agency, submit: submit, responses: responses))
    }

    private static func response(
        _ criterion: CriterionCode,
        row: Int,
        table: FormTable,
        workbook: Workbook,
        scale: RatingScale,
        file: String
    ) throws(SpreadsheetError) -> AssessmentInterchange.Entry.Response {
        var rating: RatingCode?
        if let text = table.text(Heading.rating, row: row) {
            guard
                let level = scale.levels.first(where: {
                    $0.label.lowercased() == text.lowercased() || $0.code.rawValue.lowercased() == text.lowercased()
                })
            else {
                throw problem(
                    file,
                    table,
                    Heading.rating,
                    row,
                    text,
                    "is not a level of the scale; expected one of "
                        + scale.levels.reversed().map(\.label).joined(separator: ", ")
                )
            }
            rating = level.code
        }
        let evidence = table.text(Heading.evidence, row: row).map { text in
            text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
                .map { EvidenceReference(.document, title: $0) }
        }
        return AssessmentInterchange.Entry.Response(
            criterion: criterion,
            rating: rating,
            narrative: table.text(Heading.narrative, row: row),
            areasForImprovement: table.text(Heading.improvement, row: row),
            evidence: evidence,
            actions: try action(row: row, table: table, workbook: workbook, file: file).map { [$0] }
        )
    }

    private static func action(
        row: Int,
        table: FormTable,
        workbook: Workbook,
        file: String
    ) throws(SpreadsheetError) -> AssessmentAction? {
        let text = table.text(Heading.action, row: row)
        let owner = table.text(Heading.owner, row: row)
        let due = table.value(Heading.due, row: row)
        guard let text else {
            if owner != nil || due != nil {
                throw problem(file, table, Heading.action, row, nil, "an owner or due day is given but no action")
            }
            return nil
        }
        guard let owner else {
            throw problem(file, table, Heading.owner, row, nil, "the action has no owner; name the role that owns it")
        }
        guard let due else {
            throw problem(
                file,
                table,
                Heading.due,
                row,
                nil,
                "the action has no due day; give one as YYYY-MM-DD or a date"
            )
        }
        guard let day = workbook.day(due) else {
            throw problem(
                file,
                table,
                Heading.due,
                row,
                due.text,
                "is not a day; expected a date, YYYY-MM-DD or DD/MM/YYYY"
            )
        }
        return AssessmentAction(id: "a1", text: text, owner: owner, dueOn: day)
    }

    static func problem(
        _ file: String,
        _ table: FormTable,
        _ heading: String,
        _ row: Int,
        _ value: String?,
        _ message: String
    ) -> SpreadsheetError {
        FormTable.problem(file, table, heading, row, value, message)
    }
}
