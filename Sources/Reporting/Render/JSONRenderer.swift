import Domain
import Foundation

/// Renders a report as JSON in the documented `qaf-report` schema, version 1.
///
/// The schema is in `Documentation/DataFormats.md`. Keys are sorted, so the same report is the same
/// bytes.
public struct JSONRenderer: Sendable {
    /// The schema's name.
    public static let schema = "qaf-report"
    /// The schema's version.
    public static let version = 1

    /// Creates the renderer.
    public init() {}

    /// The report as JSON text, ending with a newline.
    public func render(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every value here is encodable; a failure would be a programming error.
        let data = (try? encoder.encode(JSONReport(report))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct JSONReport: Encodable {
    var schema = JSONRenderer.schema
    var version = JSONRenderer.version
    var kind: String
    var title: String
    var partnership: String
    var period: String
    var periodLabel: String
    var audience: String
    var day: String
    var group: String?
    var absentModules: [String]
    var sections: [JSONSection]

    init(_ report: Report) {
        kind = report.kind.rawValue
        title = report.title
        partnership = report.partnership
        period = report.period.description
        periodLabel = report.period.label
        audience = report.audience.rawValue
        day = report.day.description
        group = report.group
        absentModules = report.absentModules
        sections = report.sections.map(JSONSection.init)
    }
}

private struct JSONSection: Encodable {
    var id: String
    var title: String
    var module: String
    var disclosure: String
    var blocks: [JSONBlock]

    init(_ section: ReportSection) {
        id = section.id
        title = section.title
        module = section.module
        disclosure = section.disclosure.rawValue
        blocks = section.blocks.map(JSONBlock.init)
    }
}

private struct JSONCell: Encodable {
    var type: String
    var text: String
    var value: JSONValue?
    var decimals: Int?
    var numerator: Int?
    var denominator: Int?
    var rag: String?

    init(_ cell: ReportCell) {
        text = Formatting.text(cell)
        switch cell {
        case .text: type = "text"
        case .count(let count):
            type = "count"
            value = .number(Double(count))
        case .number(let number, let decimals):
            type = "number"
            value = .number(number)
            self.decimals = decimals
        case .percentage(let number, let numerator, let denominator, let decimals):
            type = "percentage"
            value = number.map { .number($0) }
            self.numerator = numerator
            self.denominator = denominator
            self.decimals = decimals
        case .rag(let colour, _):
            type = "rag"
            rag = colour.rawValue
        case .day(let day):
            type = "day"
            value = .string(day.description)
        case .period(let period):
            type = "period"
            value = .string(period.description)
        case .symbol(let symbol):
            type = "symbol"
            value = .string(symbol.rawValue)
        case .caseReference(let reference):
            type = "case-reference"
            value = .string(reference.rawValue)
        case .empty: type = "empty"
        }
    }
}

private struct JSONChart: Encodable {
    struct Point: Encodable {
        var label: String
        var value: Double?
        var mean: Double?
        var lpl: Double?
        var upl: Double?
        var nlpl: Double?
        var nupl: Double?
        var pointType: String
        var phase: Int
        var suppressed: Bool?
    }

    var title: String
    var unit: String
    var improvement: String
    var target: Double?
    var variationIcon: String?
    var assuranceIcon: String?
    var trialLimits: Bool
    var valuesAreCounts: Bool
    var runChart: Bool?
    var points: [Point]

    init(_ chart: SPCChart) {
        title = chart.title
        unit = chart.unit
        improvement = chart.improvement.rawValue
        target = chart.target
        variationIcon = chart.variationIcon?.rawValue
        assuranceIcon = chart.assuranceIcon?.rawValue
        trialLimits = chart.trialLimits
        valuesAreCounts = chart.valuesAreCounts
        runChart = chart.isRunChart ? true : nil
        points = chart.points.map {
            Point(
                label: $0.label,
                value: $0.value,
                mean: $0.mean,
                lpl: $0.lowerLimit,
                upl: $0.upperLimit,
                nlpl: $0.lowerNearLimit,
                nupl: $0.upperNearLimit,
                pointType: $0.pointType.rawValue,
                phase: $0.phase,
                suppressed: $0.isSuppressed ? true : nil
            )
        }
    }
}

private struct JSONBlock: Encodable {
    var type: String
    var heading: String?
    var paragraphs: [String]?
    var bullets: [String]?
    var figures: [Figure]?
    var caption: String?
    var columns: [Column]?
    var rows: [[JSONCell]]?
    var totalRow: Int?
    var totalColumn: Int?
    var tiles: [Figure]?
    var rowHeading: String?
    var headings: [String]?
    var heatRows: [HeatRow]?
    var items: [Item]?
    var chart: JSONChart?
    var title: String?
    var unit: String?
    var bars: [Bar]?
    var charts: [JSONChart]?
    var perRow: Int?

    struct Figure: Encodable {
        var label: String
        var value: JSONCell
        var detail: String?
        var rag: String?
    }

    struct Column: Encodable {
        var title: String
        var numeric: Bool
    }

    struct HeatRow: Encodable {
        var label: String
        var cells: [HeatCell]
    }

    struct HeatCell: Encodable {
        var rag: String?
        var value: JSONCell
    }

    struct Item: Encodable {
        var severity: String
        var level: String
        var since: String
        var arose: String
        var message: String
        var source: String
        var evidence: [String]
        var agency: String?
        var decision: Decision?
    }

    struct Decision: Encodable {
        var options: [String]
        var recommended: String
        var decider: String
        var decideBy: String?
        var ifUndecided: String

        init(_ asked: FindingsBlock.DecisionAsked) {
            options = asked.options
            recommended = asked.recommendedOption
            decider = asked.decider
            decideBy = asked.decideBy?.description
            ifUndecided = asked.ifUndecided
        }
    }

    struct Bar: Encodable {
        var label: String
        var value: Double
        var rag: String?
        var isCount: Bool
    }

    init(_ block: ReportBlock) {
        switch block {
        case .text(let text):
            type = "text"
            heading = text.heading
            paragraphs = text.paragraphs
            bullets = text.bullets
        case .keyFigures(let list):
            type = "key-figures"
            figures = list.map {
                Figure(label: $0.label, value: JSONCell($0.value), detail: $0.detail, rag: $0.rag?.rawValue)
            }
        case .table(let table):
            type = "table"
            caption = table.caption
            columns = table.columns.map { Column(title: $0.title, numeric: $0.numeric) }
            rows = table.rows.map { $0.map(JSONCell.init) }
            totalRow = table.totalRow
            totalColumn = table.totalColumn
        case .ragTiles(let list):
            type = "rag-tiles"
            tiles = list.map {
                Figure(label: $0.label, value: JSONCell($0.value), detail: $0.detail, rag: $0.rag?.rawValue)
            }
        case .heatMap(let map):
            type = "heat-map"
            caption = map.caption
            rowHeading = map.rowHeading
            headings = map.columns
            heatRows = map.rows.map { row in
                HeatRow(
                    label: row.label,
                    cells: row.cells.map { HeatCell(rag: $0.rag?.rawValue, value: JSONCell($0.value)) }
                )
            }
        case .findings(let findings):
            type = "findings"
            caption = findings.caption
            items = findings.items.map {
                Item(
                    severity: $0.severity.rawValue,
                    level: $0.level.rawValue,
                    since: $0.since.description,
                    arose: $0.arose.description,
                    message: $0.message,
                    source: $0.source,
                    evidence: $0.evidence,
                    agency: $0.agency,
                    decision: $0.decision.map(Decision.init)
                )
            }
        case .spcChart(let spc):
            type = "spc-chart"
            chart = JSONChart(spc)
        case .barChart(let bar):
            type = "bar-chart"
            title = bar.title
            unit = bar.unit
            bars = bar.bars.map { Bar(label: $0.label, value: $0.value, rag: $0.rag?.rawValue, isCount: $0.isCount) }
        case .smallMultiples(let grid):
            type = "small-multiples"
            title = grid.title
            perRow = grid.columns
            charts = grid.charts.map(JSONChart.init)
        }
    }
}
