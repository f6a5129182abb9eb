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
///   suppressed too, until no row or column has exactly one;
/// - shows nothing derived from a suppressed value: a suppressed heat-map cell, key figure or tile
///   loses its RAG colour and its detail, and a RAG cell in a table row with a suppressed value is
///   suppressed too;
/// - does not chart a series with a suppressed point: its mean, process limits and each point's
///   special-cause flag would let the suppressed values be recovered. The chart is replaced by a
///   note naming it and saying why.
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
            copy.blocks = section.blocks.flatMap { blocks(for: $0, audience: report.audience) }
            return copy
        }
        return result
    }

    private func blocks(for block: ReportBlock, audience: Audience) -> [ReportBlock] {
        let isPublic = audience == .public
        switch block {
        case .text:
            return [block]
        case .keyFigures(let figures):
            return [
                .keyFigures(
                    figures.map { figure in
                        var copy = figure
                        copy.value = cell(figure.value, audience)
                        if Self.isSuppressed(copy.value), !Self.isSuppressed(figure.value) {
                            copy.rag = nil
                            copy.detail = nil
                        }
                        return copy
                    }
                )
            ]
        case .table(let table):
            return [.table(isPublic ? suppressSecondary(table) : mapCells(table, audience))]
        case .ragTiles(let tiles):
            return [
                .ragTiles(
                    tiles.map { tile in
                        var copy = tile
                        copy.value = cell(tile.value, audience)
                        if Self.isSuppressed(copy.value), !Self.isSuppressed(tile.value) {
                            copy.rag = nil
                            copy.detail = nil
                        }
                        return copy
                    }
                )
            ]
        case .heatMap(var map):
            map.rows = map.rows.map { row in
                var copy = row
                copy.cells = row.cells.map { held in
                    let shown = cell(held.value, audience)
                    // A suppressed share shows no band: the colour would give the value away.
                    return HeatMapBlock.Cell(rag: Self.isSuppressed(shown) ? nil : held.rag, value: shown)
                }
                return copy
            }
            return [.heatMap(map)]
        case .findings(var findings):
            if isPublic { findings.items = findings.items.filter { $0.agency == nil } }
            return [.findings(findings)]
        case .spcChart(let chart):
            guard isPublic else { return [block] }
            let shown = suppress(chart)
            return shown.points.contains(where: \.isSuppressed) ? [withheld([shown])] : [.spcChart(shown)]
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
            return [.barChart(chart)]
        case .smallMultiples(var grid):
            guard isPublic else { return [block] }
            let shown = grid.charts.map(suppress)
            let hidden = shown.filter { $0.points.contains(where: \.isSuppressed) }
            grid.charts = shown.filter { chart in !chart.points.contains(where: \.isSuppressed) }
            var result: [ReportBlock] = grid.charts.isEmpty ? [] : [.smallMultiples(grid)]
            if !hidden.isEmpty { result.append(withheld(hidden, in: grid.title)) }
            return result
        }
    }

    /// The note that stands for charts not published.
    private func withheld(_ charts: [SPCChart], in group: String? = nil) -> ReportBlock {
        let reason =
            "Not charted for a public audience: each has counts from \(smallCounts.lowerBound) to "
            + "\(smallCounts.upperBound), which are suppressed, and a chart's mean, process limits and "
            + "special-cause flags would let them be worked out."
        return .text(
            TextBlock(
                heading: group.map { "\($0): charts not published" } ?? "Chart not published",
                paragraphs: [reason],
                bullets: charts.map(\.title)
            )
        )
    }

    static func isSuppressed(_ cell: ReportCell) -> Bool { cell == .symbol(.c) }

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
        // A RAG cell beside a suppressed value is derived from it: suppress it too.
        for row in rows.indices where rows[row].contains(where: isSuppressed) {
            for column in rows[row].indices {
                if case .rag = rows[row][column] { rows[row][column] = .symbol(.c) }
            }
        }
        var copy = table
        copy.rows = rows
        return copy
    }
}
