import Domain
import Foundation

/// Renders a report as GitHub-flavoured Markdown: headings, paragraphs, tables, and each chart as a
/// sentence that describes it followed by its data as a table.
public struct MarkdownRenderer: Sendable {
    /// Creates the renderer.
    public init() {}

    /// The report as Markdown, ending with a newline.
    public func render(_ report: Report) -> String {
        var out = "# \(escape(report.title))\n\n"
        out +=
            "\(escape(report.partnership)) · \(report.period.label) · \(report.audience) · made \(report.day.longForm)\n"
        for section in report.sections {
            out += "\n## \(escape(section.title))\n"
            for block in section.blocks { out += "\n" + render(block) }
        }
        return out
    }

    private func render(_ block: ReportBlock) -> String {
        switch block {
        case .text(let text):
            var out = text.heading.map { "### \(escape($0))\n\n" } ?? ""
            out += text.paragraphs.map { escape($0) + "\n\n" }.joined()
            out += text.bullets.map { "- \(escape($0))\n" }.joined()
            if !text.bullets.isEmpty { out += "\n" }
            return out
        case .keyFigures(let figures):
            return figures.map { figure in
                "- **\(escape(figure.label))**: \(Formatting.text(figure.value))"
                    + (figure.rag.map { " (\($0))" } ?? "") + (figure.detail.map { " — \(escape($0))" } ?? "") + "\n"
            }.joined() + "\n"
        case .table(let table):
            return "**\(escape(table.caption))**\n\n"
                + grid(
                    table.columns.map(\.title),
                    table.rows.map { $0.map(Self.cellText) },
                    numeric: table.columns.map(\.numeric)
                )
        case .ragTiles(let tiles):
            return grid(
                ["Item", "RAG", "Value", "Detail"],
                tiles.map { [$0.label, $0.rag?.rawValue ?? "", Formatting.text($0.value), $0.detail ?? ""] },
                numeric: [false, false, true, false]
            )
        case .heatMap(let map):
            return "**\(escape(map.caption))**\n\n"
                + grid(
                    [map.rowHeading] + map.columns,
                    map.rows.map { row in
                        [row.label]
                            + row.cells.map { cell in
                                let text = Formatting.text(cell.value)
                                return cell.rag.map { "\(text) (\($0))" } ?? text
                            }
                    },
                    numeric: [false] + map.columns.map { _ in true }
                )
        case .findings(let findings):
            return findingsList(findings)
        case .spcChart(let chart):
            return chartText(chart, level: "###")
        case .barChart(let chart):
            return "**\(escape(chart.title))**\n\n"
                + grid(
                    [chart.category, chart.valueHeading],
                    chart.bars.map {
                        [$0.label, Formatting.fixed($0.value, decimals: $0.value == $0.value.rounded() ? 0 : 1)]
                    },
                    numeric: [false, true]
                )
        case .smallMultiples(let grid):
            var out = "### \(escape(grid.title))\n\n"
            out += self.grid(
                ["Chart", "Latest", "Variation", "Assurance"],
                grid.charts.map { chart in
                    [
                        chart.title,
                        chart.latestText,
                        Formatting.label(chart.variationIcon?.rawValue ?? "none"),
                        Formatting.label(chart.assuranceIcon?.rawValue ?? "none"),
                    ]
                },
                numeric: [false, true, false, false]
            )
            return out
        }
    }

    private func chartText(_ chart: SPCChart, level: String) -> String {
        var out = "\(level) \(escape(chart.title))\n\n"
        out += SPCChartText.describe(chart) + "\n\n"
        out += grid(
            ["Period", "Value", "Mean", "Lower limit", "Upper limit", "Point type"],
            chart.points.map { point in
                [
                    point.label,
                    point.value.map { Formatting.fixed($0, decimals: chart.valuesAreCounts ? 0 : 1) }
                        ?? (point.isSuppressed ? StatisticsSymbol.c.rawValue : "—"),
                    point.mean.map { Formatting.fixed($0, decimals: 1) } ?? "—",
                    point.lowerLimit.map { Formatting.fixed($0, decimals: 1) } ?? "—",
                    point.upperLimit.map { Formatting.fixed($0, decimals: 1) } ?? "—",
                    Formatting.label(point.pointType.rawValue),
                ]
            },
            numeric: [false, true, true, true, true, false]
        )
        return out
    }

    private func grid(_ headers: [String], _ rows: [[String]], numeric: [Bool]) -> String {
        var out = "| " + headers.map(escapeCell).joined(separator: " | ") + " |\n"
        out +=
            "|" + headers.indices.map { (numeric.indices.contains($0) && numeric[$0]) ? " ---: |" : " --- |" }.joined()
            + "\n"
        for row in rows {
            let padded = row + Array(repeating: "", count: max(0, headers.count - row.count))
            out += "| " + padded.map(escapeCell).joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    private func escapeCell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A cell as a reader reads it: a day in the long UK form, anything else as every renderer shows it.
    static func cellText(_ cell: ReportCell) -> String {
        if case .day(let day) = cell { return day.longForm }
        return Formatting.text(cell)
    }

    /// A findings list: each finding's message, level, source, agency and evidence, and what a
    /// decision item asks.
    func findingsList(_ findings: FindingsBlock) -> String {
        findings.items.enumerated().map { offset, item in
            var line = "\(offset + 1). **\(escape(item.message))**\n"
            line += "   - Level: \(item.levelName), \(Formatting.since(item))\n"
            line += "   - Source: \(escape(item.source))\n"
            if let agency = item.agency { line += "   - Agency: \(escape(agency))\n" }
            if !item.evidence.isEmpty {
                line += "   - Evidence: \(item.evidence.map(escape).joined(separator: "; "))\n"
            }
            if let decision = item.decision {
                let options = decision.options.enumerated().map { index, option in
                    "(\(index + 1)) \(escape(option))" + (index == decision.recommended ? " (recommended)" : "")
                }
                line += "   - Asked to decide: \(options.joined(separator: "; "))\n"
                line += "   - Who decides: \(escape(decision.whoAndWhen))\n"
                line += "   - If nothing is decided: \(escape(decision.ifUndecided))\n"
            }
            return line
        }.joined() + "\n"
    }
}

/// A sentence that describes an SPC chart: its text alternative.
enum SPCChartText {
    static func describe(_ chart: SPCChart) -> String {
        let observed = chart.points.filter { $0.value != nil }
        guard let last = observed.last, let value = last.value else { return "\(chart.title): no data." }
        var parts = ["\(chart.title): \(observed.count) points from \(chart.points.first!.label) to \(last.label)."]
        if let latest = chart.latest, latest.value == nil {
            parts.append(
                "The latest period, \(latest.label), has \(latest.isSuppressed ? "a suppressed value" : "no value")."
            )
        }
        parts.append(
            "The latest value is \(chart.text(value)) (\(last.label)), \(Formatting.label(last.pointType.rawValue))."
        )
        if let mean = last.mean, let lower = last.lowerLimit, let upper = last.upperLimit {
            parts.append(
                "Mean \(Formatting.fixed(mean, decimals: 1)), process limits \(Formatting.fixed(lower, decimals: 1)) to \(Formatting.fixed(upper, decimals: 1))."
            )
        }
        let special = observed.filter { $0.pointType != .commonCause }.count
        parts.append("\(special) of \(observed.count) points show special-cause variation.")
        if let icon = chart.variationIcon { parts.append("Variation: \(Formatting.label(icon.rawValue)).") }
        if let icon = chart.assuranceIcon { parts.append("Assurance: \(Formatting.label(icon.rawValue)).") }
        if chart.isRunChart {
            parts.append(
                "Too few points for process limits: drawn as a run chart, with no limits or special-cause flags."
            )
        }
        if chart.trialLimits { parts.append("Fewer than 13 points: the limits are trial limits.") }
        let suppressed = chart.points.filter(\.isSuppressed).count
        if suppressed > 0 { parts.append("\(suppressed) small counts are suppressed.") }
        let missing = chart.points.count - observed.count - suppressed
        if missing > 0 { parts.append("\(missing) periods have no value.") }
        return parts.joined(separator: " ")
    }

}
