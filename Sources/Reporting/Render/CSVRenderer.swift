import Domain
import Foundation

/// Renders each table block of a report as a CSV file of its own; a heat map, which is a table with
/// colours, is written as one too, each cell's RAG rating in a column after its value.
public struct CSVRenderer: Sendable {
    /// A CSV file.
    public struct File: Hashable, Sendable {
        /// The file's name, such as `03-measures-scorecard-1-scorecard-of-the-partnerships-measures.csv`.
        public var name: String
        /// The file's contents.
        public var contents: String
    }

    /// Creates the renderer.
    public init() {}

    /// One file per table block and heat map.
    ///
    /// Each is named by its section's position and id and the table's caption. Fields are quoted only
    /// when they hold a comma, a quote or a line break.
    public func render(_ report: Report) -> [File] {
        var files: [File] = []
        for (sectionIndex, section) in report.sections.enumerated() {
            var tableIndex = 0
            for block in section.blocks {
                let caption: String
                var lines: [[String]]
                switch block {
                case .table(let table):
                    caption = table.caption
                    lines = [table.columns.map(\.title)] + table.rows.map { $0.map(value) }
                case .heatMap(let map):
                    caption = map.caption
                    lines = [[map.rowHeading] + map.columns.flatMap { [$0, "\($0) RAG"] }]
                    lines += map.rows.map { row in
                        [row.label] + row.cells.flatMap { [value($0.value), $0.rag?.rawValue ?? ""] }
                    }
                default:
                    continue
                }
                tableIndex += 1
                let name =
                    String(format: "%02d", sectionIndex + 1)
                    + "-\(Formatting.slug(section.id))-\(tableIndex)-\(Formatting.slug(caption)).csv"
                let text = lines.map(CSVText.record).joined()
                files.append(File(name: name, contents: text))
            }
        }
        return files
    }

    /// A cell's value for analysis: numbers plain, without grouping.
    private func value(_ cell: ReportCell) -> String {
        switch cell {
        case .count(let count): String(count)
        case .number(let value, let decimals):
            Formatting.fixed(value, decimals: decimals).replacingOccurrences(of: ",", with: "")
        case .percentage(let value, _, _, let decimals):
            value.map { Formatting.fixed($0, decimals: decimals).replacingOccurrences(of: ",", with: "") } ?? ""
        case .rag(let rag, _): rag.rawValue
        default: Formatting.text(cell)
        }
    }
}
