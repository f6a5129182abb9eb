import Domain

/// Fits a report to its audience.
///
/// A public report:
/// - leaves out sections marked `ReportSection.Disclosure.notPublic` (agency-level Section 11
///   ratings, case returns, named agencies' actions) and findings about a single agency;
/// - carries no case references;
/// - suppresses small numbers: counts from 1 to 5 (the children in need statistics publish no count
///   between 1 and 5), shown as the statistics symbol `c`, and percentages whose numerator or
///   denominator is suppressed;
/// - applies secondary suppression, so that a total cannot reveal a suppressed cell: in a table with a
///   total row or column, a row or column with exactly one suppressed cell has its next smallest count
///   suppressed too, until no row or column has exactly one.
///
/// A partnership report carries no case references; an internal report carries everything.
public struct Disclosure: Hashable, Sendable {
    /// The counts suppressed in a public report.
    public var smallCounts: ClosedRange<Int>

    /// Creates the policy.
    public init(smallCounts: ClosedRange<Int> = 1...5) {
        self.smallCounts = smallCounts
    }

    /// The report as its audience may see it.
    public func apply(to report: Report) -> Report {
        guard report.audience != .internal else { return report }
        var result = report
        result.sections = report.sections.compactMap { section in
            if report.audience == .public, section.disclosure == .notPublic { return nil }
            var copy = section
            copy.blocks = section.blocks.compactMap { block(block: $0, audience: report.audience) }
            return copy
        }
        return result
    }

    private func block(block: ReportBlock, audience: Audience) -> ReportBlock? {
        let isPublic = audience == .public
        switch block {
        case .text:
            return block
        case .keyFigures(let figures):
            return .keyFigures(
                figures.map { figure in
                    var copy = figure
                    copy.value = cell(figure.value, audience)
                    return copy
                }
            )
        case .table(let table):
            return .table(isPublic ? suppressSecondary(table) : mapCells(table, audience))
        case .ragTiles(let tiles):
            return .ragTiles(
                tiles.map { tile in
                    var copy = tile
                    copy.value = cell(tile.value, audience)
                    return copy
                }
            )
        case .heatMap(var map):
            map.rows = map.rows.map { row in
                var copy = row
                copy.cells = row.cells.map { HeatMapBlock.Cell(rag: $0.rag, value: cell($0.value, audience)) }
                return copy
            }
            return .heatMap(map)
        case .findings(var findings):
            if isPublic { findings.items = findings.items.filter { $0.agency == nil } }
            return .findings(findings)
        case .spcChart(let chart):
            return .spcChart(isPublic ? suppress(chart) : chart)
        case .barChart(var chart):
            if isPublic {
                chart.bars = chart.bars.map { bar in
                    guard bar.isCount, smallCounts.contains(Int(bar.value)) else { return bar }
                    var copy = bar
                    copy.label += " (c)"
                    copy.value = 0
                    return copy
                }
            }
            return .barChart(chart)
        case .smallMultiples(var grid):
            if isPublic { grid.charts = grid.charts.map(suppress) }
            return .smallMultiples(grid)
        }
    }

    private func suppress(_ chart: SPCChart) -> SPCChart {
        guard chart.valuesAreCounts else { return chart }
        var copy = chart
        copy.points = chart.points.map { point in
            guard let value = point.value, smallCounts.contains(Int(value.rounded())) else { return point }
            var hidden = point
            hidden.value = nil
            hidden.isSuppressed = true
            return hidden
        }
        return copy
    }

    /// A cell as an audience may see it (primary suppression and case references).
    func cell(_ cell: ReportCell, _ audience: Audience) -> ReportCell {
        switch cell {
        case .caseReference:
            return audience == .internal ? cell : .text("withheld")
        case .count(let count) where audience == .public && smallCounts.contains(count):
            return .symbol(.c)
        case .percentage(_, let numerator, let denominator, _) where audience == .public:
            let hidden = [numerator, denominator].contains { $0.map(smallCounts.contains) ?? false }
            return hidden ? .symbol(.c) : cell
        default:
            return cell
        }
    }

    private func mapCells(_ table: TableBlock, _ audience: Audience) -> TableBlock {
        var copy = table
        copy.rows = table.rows.map { $0.map { cell($0, audience) } }
        return copy
    }

    /// Primary suppression, then secondary suppression along the table's total row and column.
    func suppressSecondary(_ table: TableBlock) -> TableBlock {
        var rows = table.rows.map { $0.map { cell($0, .public) } }
        func isSuppressed(_ cell: ReportCell) -> Bool { cell == .symbol(.c) }
        func count(_ cell: ReportCell) -> Int? {
            if case .count(let value) = cell { return value }
            return nil
        }
        // Cells that add up to a total: every count cell of a body row, excluding the total row and column.
        let bodyRows = rows.indices.filter { $0 != table.totalRow }
        let width = rows.map(\.count).max() ?? 0
        let bodyColumns = (0..<width).filter { $0 != table.totalColumn }
        var changed = true
        while changed {
            changed = false
            if table.totalColumn != nil {
                for row in bodyRows {
                    let cells = bodyColumns.filter { $0 < rows[row].count }
                    let hidden = cells.filter { isSuppressed(rows[row][$0]) }
                    guard hidden.count == 1 else { continue }
                    if let next = cells.filter({ count(rows[row][$0]) != nil && $0 != hidden[0] })
                        .min(by: { (count(rows[row][$0])!, $0) < (count(rows[row][$1])!, $1) })
                    {
                        rows[row][next] = .symbol(.c)
                        changed = true
                    } else if let total = table.totalColumn, total < rows[row].count, count(rows[row][total]) != nil {
                        // Nothing else to hide in the row: the total itself would give the cell away.
                        rows[row][total] = .symbol(.c)
                        changed = true
                    }
                }
            }
            if table.totalRow != nil {
                for column in bodyColumns {
                    let cells = bodyRows.filter { column < rows[$0].count }
                    let hidden = cells.filter { isSuppressed(rows[$0][column]) }
                    guard hidden.count == 1 else { continue }
                    if let next = cells.filter({ count(rows[$0][column]) != nil && $0 != hidden[0] })
                        .min(by: { (count(rows[$0][column])!, $0) < (count(rows[$1][column])!, $1) })
                    {
                        rows[next][column] = .symbol(.c)
                        changed = true
                    } else if let total = table.totalRow, column < rows[total].count, count(rows[total][column]) != nil
                    {
                        rows[total][column] = .symbol(.c)
                        changed = true
                    }
                }
            }
        }
        var copy = table
        copy.rows = rows
        return copy
    }
}
