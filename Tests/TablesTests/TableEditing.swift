import Foundation
import Tables

/// Edits of exported tables, as a user would make them in a spreadsheet.
extension [TableFile] {
    /// The file with a name.
    func file(_ name: String) -> TableFile? { first { $0.name == name } }

    /// The files with one file's bytes replaced.
    func replacing(_ name: String, with data: Data) -> [TableFile] {
        map { $0.name == name ? TableFile(name: name, data: data) : $0 }
    }

    /// The files with one file's text replaced.
    func replacing(_ name: String, text: String) -> [TableFile] { replacing(name, with: Data(text.utf8)) }

    /// The files with one file's rows edited: header first, then the data rows.
    func editing(_ name: String, _ edit: (inout [[String]]) -> Void) throws -> [TableFile] {
        guard let file = file(name) else { throw TableEditError.noFile(name) }
        var rows = try CSVText.rows(file.data).map(\.cells)
        edit(&rows)
        return replacing(name, text: CSVText.text(rows))
    }

    /// The files with one cell set, found by its column's name and its row's index among the data rows.
    func setting(_ name: String, column: String, row: Int = 0, to value: String) throws -> [TableFile] {
        try editing(name) { rows in
            guard let index = rows[0].firstIndex(of: column) else { return }
            rows[row + 1][index] = value
        }
    }
}

enum TableEditError: Error {
    case noFile(String)
}
