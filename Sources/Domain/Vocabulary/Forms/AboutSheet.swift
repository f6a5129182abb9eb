/// The "About this form" sheet every form has.
///
/// It says what the form is for, how to fill it in, and holds the details the package reads it back
/// by. A module writing a form of its own makes its About sheet with it.
public struct AboutSheet: Sendable {
    /// The sheet's title, such as `Action plan update: Brackenshire Constabulary`.
    public var title: String
    /// What the form is for: partnership, agency, deadline; a label and its value each.
    public var facts: [(String, CellValue)]
    /// The steps of filling it in.
    public var steps: [String]
    /// A further titled block, such as the rating scale.
    public var more: (title: String, rows: [(String, String)])?
    /// The form's name, as its `Form` row gives it.
    public var form: String
    /// The form's version.
    public var version: Int
    /// The ids the form is read back by.
    public var ids: [(String, String)]
    /// Facts answered Yes or No, with a drop-down.
    public var yesOrNo: Set<String> = []

    /// Creates an About sheet.
    public init(
        title: String,
        facts: [(String, CellValue)],
        steps: [String],
        more: (title: String, rows: [(String, String)])?,
        form: String,
        version: Int,
        ids: [(String, String)],
        yesOrNo: Set<String> = []
    ) {
        self.title = title
        self.facts = facts
        self.steps = steps
        self.more = more
        self.form = form
        self.version = version
        self.ids = ids
        self.yesOrNo = yesOrNo
    }

    /// The sheet.
    public var worksheet: Worksheet {
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
