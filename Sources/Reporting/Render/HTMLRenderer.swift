import Domain
import Foundation

/// Renders a report as one self-contained HTML file: no external assets or scripts, inline SVG
/// charts in the Making Data Count style, a print stylesheet, and markup that is well-formed XHTML.
///
/// Accessibility: headings are in order (the title, then a heading per section, then block
/// headings); every table has a caption and column headers; every chart has a title and a
/// description (its text alternative) and its data as a table.
public struct HTMLRenderer: Sendable {
    /// Creates the renderer.
    public init() {}

    /// The report as HTML.
    public func render(_ report: Report) -> String {
        var state = State()
        var body = ""
        for (index, section) in report.sections.enumerated() {
            body += "<section id=\"s\(index + 1)\" aria-labelledby=\"h\(index + 1)\">\n"
            body += "<h2 id=\"h\(index + 1)\">\(escape(section.title))</h2>\n"
            for block in section.blocks { body += render(block, &state) }
            body += "</section>\n"
        }
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(escape(report.title)): \(escape(report.partnership)), \(escape(report.period.label))</title>\n"
        out += "<style>\n\(Self.style)</style>\n</head>\n<body>\n<header>\n"
        out += "<h1>\(escape(report.title))</h1>\n"
        out +=
            "<p class=\"meta\">\(escape(report.partnership)) · \(escape(report.period.label)) (\(report.period.firstDay.longForm) to \(report.period.lastDay.longForm)) · audience: \(escape(report.audience.rawValue)) · made \(report.day.longForm)</p>\n"
        out += "</header>\n<nav aria-label=\"Contents\"><h2 class=\"contents\">Contents</h2><ol>\n"
        for (index, section) in report.sections.enumerated() {
            out += "<li><a href=\"#s\(index + 1)\">\(escape(section.title))</a></li>\n"
        }
        out += "</ol></nav>\n<main>\n" + body + "</main>\n"
        let charted = report.sections.flatMap(\.blocks).contains { block in
            switch block {
            case .spcChart, .smallMultiples: true
            default: false
            }
        }
        out += "<footer><p>Made by the safeguarding QA engine on \(report.day.longForm)."
        if charted {
            out +=
                " Charts follow the NHS Making Data Count conventions: grey common cause, orange special-cause "
                + "concern, blue special-cause improvement, purple special cause where neither direction is better."
        }
        out += "</p></footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    struct State {
        var charts = 0
    }

    func render(_ block: ReportBlock, _ state: inout State) -> String {
        switch block {
        case .text(let text):
            var out = text.heading.map { "<h3>\(escape($0))</h3>\n" } ?? ""
            out += text.paragraphs.map { "<p>\(escape($0))</p>\n" }.joined()
            if !text.bullets.isEmpty {
                out += "<ul>\n" + text.bullets.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            }
            return out
        case .keyFigures(let figures):
            return "<ul class=\"figures\">\n"
                + figures.map { figure in
                    "<li class=\"figure\(ragClass(figure.rag))\"><span class=\"value\">\(escape(Formatting.text(figure.value)))</span>"
                        + "<span class=\"label\">\(escape(figure.label))\(figure.rag.map { " (\($0))" } ?? "")</span>"
                        + (figure.detail.map { "<span class=\"detail\">\(escape($0))</span>" } ?? "") + "</li>\n"
                }.joined() + "</ul>\n"
        case .table(let table):
            return self.table(
                table.caption,
                table.columns.map(\.title),
                table.rows.map { $0.map { (Self.cellText($0), Formatting.isNumeric($0), nil) } }
            )
        case .ragTiles(let tiles):
            return "<ul class=\"tiles\">\n"
                + tiles.map { tile in
                    "<li class=\"tile\(ragClass(tile.rag))\"><span class=\"label\">\(escape(tile.label))</span>"
                        + "<span class=\"value\">\(escape(Formatting.text(tile.value)))</span>"
                        + "<span class=\"rag\">\(escape(tile.rag?.rawValue ?? "no rating"))</span>"
                        + (tile.detail.map { "<span class=\"detail\">\(escape($0))</span>" } ?? "") + "</li>\n"
                }.joined() + "</ul>\n"
        case .heatMap(let map):
            return self.table(
                map.caption,
                [map.rowHeading] + map.columns,
                map.rows.map { row in
                    [(row.label, false, nil)]
                        + row.cells.map { cell in
                            (Formatting.text(cell.value) + (cell.rag.map { " (\($0))" } ?? ""), true, cell.rag)
                        }
                },
                heat: true
            )
        case .findings(let findings):
            return "<ol class=\"findings\">\n"
                + findings.items.map { item in
                    var out =
                        "<li class=\"finding level-\(item.level.rawValue)\"><p class=\"message\">\(escape(item.message))</p>\n<dl>"
                    out += "<dt>Level</dt><dd>\(escape(item.levelName)), \(Formatting.since(item))</dd>"
                    out += "<dt>Source</dt><dd>\(escape(item.source))</dd>"
                    if let agency = item.agency { out += "<dt>Agency</dt><dd>\(escape(agency))</dd>" }
                    if !item.evidence.isEmpty {
                        out += "<dt>Evidence</dt><dd>\(escape(item.evidence.joined(separator: "; ")))</dd>"
                    }
                    if let decision = item.decision { out += decisionAsked(decision) }
                    return out + "</dl></li>\n"
                }.joined() + "</ol>\n"
        case .spcChart(let chart):
            state.charts += 1
            return figure(chart, id: "c\(state.charts)", width: 640, height: 240, full: true)
        case .barChart(let chart):
            state.charts += 1
            return bars(chart, id: "c\(state.charts)")
        case .smallMultiples(let grid):
            var out = "<h3>\(escape(grid.title))</h3>\n<div class=\"multiples\">\n"
            for chart in grid.charts {
                state.charts += 1
                out += figure(chart, id: "c\(state.charts)", width: 260, height: 130, full: false)
            }
            return out + "</div>\n"
        }
    }

    /// What a decision item asks, as terms of its finding's list: the options (the recommended one
    /// marked in words, not by colour alone), who decides and by when, and what follows if nothing is.
    func decisionAsked(_ decision: FindingsBlock.DecisionAsked) -> String {
        var out = "<dt>Asked to decide</dt><dd><ol class=\"options\">"
        for (index, option) in decision.options.enumerated() {
            out +=
                index == decision.recommended
                ? "<li class=\"recommended\"><strong>\(escape(option)) (recommended)</strong></li>"
                : "<li>\(escape(option))</li>"
        }
        out += "</ol></dd>"
        out += "<dt>Who decides</dt><dd>\(escape(decision.whoAndWhen))</dd>"
        return out + "<dt>If nothing is decided</dt><dd>\(escape(decision.ifUndecided))</dd>"
    }

    /// A cell's text on the page: a day in the long UK form and a period by its label, each held on
    /// one line by non-breaking spaces, so that a narrow column never splits a date.
    static func cellText(_ cell: ReportCell) -> String {
        switch cell {
        case .day(let day):
            day.longForm.replacingOccurrences(of: " ", with: "\u{00A0}")
        case .period(let period):
            period.label.replacingOccurrences(of: " ", with: "\u{00A0}")
        default:
            Formatting.text(cell)
        }
    }

    func ragClass(_ rag: RAG?) -> String { rag.map { " rag-\($0.rawValue)" } ?? "" }

    /// A table; a chart's data table (`data`) aligns by CSS rather than a class on every cell.
    func table(
        _ caption: String,
        _ headers: [String],
        _ rows: [[(String, Bool, RAG?)]],
        heat: Bool = false,
        data: Bool = false
    ) -> String {
        var out =
            "<table\(heat ? " class=\"heat\"" : (data ? " class=\"data\"" : ""))>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        out += headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                if index == 0 {
                    out += "<th scope=\"row\">\(escape(cell.0))</th>"
                } else {
                    var classes: [String] = []
                    if cell.1, !data { classes.append("num") }
                    if let rag = cell.2 { classes.append("rag-\(rag.rawValue)") }
                    out +=
                        "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(escape(cell.0))</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

}
