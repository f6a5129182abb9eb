import Domain
import Spreadsheets

/// The "About this form" sheet every form has: what it is for, how to fill it in, and the details
/// the package reads it back by.
struct AboutSheet {
    /// The sheet's title, such as `Action plan update: Brackenshire Constabulary`.
    var title: String
    /// What the form is for: partnership, agency, deadline; a label and its value each.
    var facts: [(String, CellValue)]
    /// The steps of filling it in.
    var steps: [String]
    /// A further titled block, such as the rating scale.
    var more: (title: String, rows: [(String, String)])?
    /// The form's name and version.
    var form: String
    var version: Int
    /// The ids the form is read back by.
    var ids: [(String, String)]
    /// Facts answered Yes or No, with a drop-down.
    var yesOrNo: Set<String> = []

    var worksheet: Worksheet {
        var sheet = Worksheet(name: "About this form")
        sheet.columnWidths = [1: 28, 2: 90]
        var rows: [[CellValue?]] = [[.text(title)], []]
        rows += facts.map { [.text($0.0), $0.1] }
        rows += [[], [.text("How to fill it in")]]
        let stepsHeading = rows.count
        rows += steps.enumerated().map { [.text(String($0.offset + 1)), .text($0.element)] }
        var bold = [1, stepsHeading]
        if let more {
            rows += [[], [.text(more.title)]]
            bold.append(rows.count)
            rows += more.rows.map { [.text($0.0), .text($0.1)] }
        }
        rows += [[], [.text("For the partnership's records (leave as they are)")]]
        bold.append(rows.count)
        rows += [
            [.text(FormDetails.formLabel), .text(form)], [.text(FormDetails.versionLabel), .number(Double(version))],
        ]
        rows += ids.map { [.text($0.0), .text($0.1)] }
        for (index, row) in rows.enumerated() { sheet.setRow(index + 1, row) }
        sheet.boldRows = Set(bold)
        for (index, fact) in facts.enumerated() where yesOrNo.contains(fact.0) {
            sheet.dropDowns.append(DropDown(column: 2, rows: (index + 3)...(index + 3), choices: ["Yes", "No"]))
        }
        return sheet
    }
}
