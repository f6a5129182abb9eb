import Foundation

/// The details a form keeps on its "About this form" sheet: which form it is, and for what.
///
/// A form is found by what it holds, not by its sheets' names or order: the sheet whose first
/// column has a `Form` row naming the form holds the details, and the sheet whose first row has
/// the form's column headings holds the answers, wherever the user moved or renamed them.
public struct FormDetails: Sendable {
    /// The sheet the details are on.
    public var sheet: String
    /// Each label in the first column, with its value in the second and its row.
    public var values: [String: (value: CellValue, row: Int)]

    /// The label of the row that names the form.
    public static let formLabel = "Form"
    /// The label of the row that gives the form's version.
    public static let versionLabel = "Form version"

    /// Finds the details of a form in a workbook.
    ///
    /// - Throws: `SpreadsheetError` when no sheet names the form, or it is of a later version.
    public static func find(
        _ form: String,
        version: Int,
        in workbook: Workbook,
        file: String
    ) throws(SpreadsheetError) -> FormDetails {
        for sheet in workbook.sheets {
            var values: [String: (value: CellValue, row: Int)] = [:]
            for row in 1...max(sheet.lastRow, 1) {
                guard case .text(let label)? = sheet[row, 1], let value = sheet[row, 2] else { continue }
                values[label.trimmingCharacters(in: .whitespaces)] = (value, row)
            }
            guard values[formLabel]?.value.text == form else { continue }
            let found = values[versionLabel]?.value.text ?? "1"
            guard found == String(version) else {
                throw SpreadsheetError(
                    file: file,
                    sheet: sheet.name,
                    cell: values[versionLabel].map { CellAddress(row: $0.row, column: 2) },
                    field: versionLabel,
                    value: found,
                    message: "the form is version \(found); this release reads version \(version)"
                )
            }
            return FormDetails(sheet: sheet.name, values: values)
        }
        throw SpreadsheetError(
            file: file,
            message: "no sheet holds the details of a \(form) form (a \"Form\" row in column A saying "
                + "\(form)); this is not a form the package wrote, or its About sheet was deleted"
        )
    }

    /// The name of the form a workbook is, from the `Form` row of its details; `nil` when no sheet
    /// has one.
    public static func formName(in workbook: Workbook) -> String? {
        for sheet in workbook.sheets {
            for row in 1...max(sheet.lastRow, 1)
            where sheet[row, 1]?.text.trimmingCharacters(in: .whitespaces) == formLabel {
                if let name = sheet[row, 2]?.text { return name.trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }

    /// A detail's text, required.
    public func text(_ label: String, file: String) throws(SpreadsheetError) -> String {
        guard let entry = values[label], !entry.value.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SpreadsheetError(
                file: file,
                sheet: sheet,
                field: label,
                message: "the form's \(DomainError.quote(label)) row is missing or empty; it is written by the "
                    + "package and must be left as it is"
            )
        }
        return entry.value.text.trimmingCharacters(in: .whitespaces)
    }

    /// A yes-or-no detail: `Yes`, `No`, `TRUE`, `FALSE`, or empty for no.
    public func yes(_ label: String, file: String) throws(SpreadsheetError) -> Bool {
        guard let entry = values[label] else { return false }
        if case .bool(let value) = entry.value { return value }
        switch entry.value.text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0", "": return false
        default:
            throw SpreadsheetError(
                file: file,
                sheet: sheet,
                cell: CellAddress(row: entry.row, column: 2),
                field: label,
                value: entry.value.text,
                message: "\(DomainError.quote(entry.value.text)) is neither Yes nor No"
            )
        }
    }
}

/// A sheet of answers found by its column headings.
public struct FormTable: Sendable {
    /// The sheet.
    public let sheet: Worksheet
    /// Each heading's column.
    public let columns: [String: Int]

    /// Finds the sheet whose first row holds the headings.
    ///
    /// - Throws: `SpreadsheetError` when no sheet has every required heading, naming those missing
    ///   from the sheet that comes closest.
    public static func find(
        headings required: [String],
        in workbook: Workbook,
        file: String
    ) throws(SpreadsheetError) -> FormTable {
        var closest: (sheet: String, missing: [String])?
        for sheet in workbook.sheets {
            var columns: [String: Int] = [:]
            for (index, value) in sheet.row(1).enumerated() {
                guard let value else { continue }
                columns[value.text.trimmingCharacters(in: .whitespaces).lowercased()] = index + 1
            }
            let missing = required.filter { columns[$0.lowercased()] == nil }
            if missing.isEmpty { return FormTable(sheet: sheet, columns: columns) }
            if missing.count < required.count, missing.count < (closest?.missing.count ?? .max) {
                closest = (sheet.name, missing)
            }
        }
        if let closest {
            throw SpreadsheetError(
                file: file,
                sheet: closest.sheet,
                cell: CellAddress(row: 1, column: 1),
                message: "the first row has no column headed "
                    + closest.missing.map { DomainError.quote($0) }.joined(separator: ", ")
                    + "; the headings are the form's and must be left as they are"
            )
        }
        throw SpreadsheetError(
            file: file,
            message: "no sheet has the form's columns (" + required.joined(separator: ", ") + ") in its first row"
        )
    }

    /// Every sheet whose first row holds the headings, in the workbook's order.
    public static func findAll(headings required: [String], in workbook: Workbook) -> [FormTable] {
        workbook.sheets.compactMap { sheet in
            var columns: [String: Int] = [:]
            for (index, value) in sheet.row(1).enumerated() {
                guard let value else { continue }
                columns[value.text.trimmingCharacters(in: .whitespaces).lowercased()] = index + 1
            }
            return required.allSatisfy({ columns[$0.lowercased()] != nil })
                ? FormTable(sheet: sheet, columns: columns) : nil
        }
    }

    /// A problem at the cell under a heading.
    public static func problem(
        _ file: String,
        _ table: FormTable,
        _ heading: String,
        _ row: Int,
        _ value: String?,
        _ message: String,
        code: DomainError.Code = .invalidInput
    ) -> SpreadsheetError {
        SpreadsheetError(
            file: file,
            sheet: table.sheet.name,
            cell: table.address(heading, row: row),
            field: heading,
            value: value,
            message: (value.map { "\(DomainError.quote($0)) " } ?? "") + message,
            code: code
        )
    }

    /// A cell under a heading.
    public func value(_ heading: String, row: Int) -> CellValue? {
        columns[heading.lowercased()].flatMap { sheet[row, $0] }
    }

    /// A cell's address under a heading.
    public func address(_ heading: String, row: Int) -> CellAddress {
        CellAddress(row: row, column: columns[heading.lowercased()] ?? 1)
    }

    /// A cell's text under a heading, trimmed; `nil` when empty.
    public func text(_ heading: String, row: Int) -> String? {
        guard let text = value(heading, row: row)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { return nil }
        return text
    }
}
