import Domain
import Foundation
import Reporting
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XHTML document with Foundation's XMLParser, collecting what the accessibility checks need.
final class XHTMLOutline: NSObject, XMLParserDelegate {
    struct Chart {
        var labelledBy: [String] = []
        var title = ""
        var description = ""
        var followedByDataTable = false
    }

    var headings: [Int] = []
    var charts: [Chart] = []
    var tables = 0
    var tablesWithCaption = 0
    var tablesWithHeaders = 0
    var ids: [String: String] = [:]
    var externalReferences: [String] = []
    var scripts = 0
    var error: (any Error)?

    private var path: [String] = []
    var mismatches: [String] = []
    private var text = ""
    private var currentID: String?
    private var inFigure = false
    private var figureCharts = 0

    func parse(_ html: String) -> Bool {
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        let ok = parser.parse()
        error = parser.parserError
        // Foundation's parser on Linux recovers from a mismatched end tag; check nesting here.
        return ok && mismatches.isEmpty && path.isEmpty
    }

    func parser(
        _ parser: XMLParser,
        didStartElement element: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        path.append(element)
        text = ""
        if let id = attributes["id"] { currentID = id }
        if let href = attributes["href"], !href.hasPrefix("#") { externalReferences.append(href) }
        if let source = attributes["src"] { externalReferences.append(source) }
        switch element {
        case "h1", "h2", "h3", "h4", "h5", "h6": headings.append(Int(element.dropFirst())!)
        case "svg":
            charts.append(
                Chart(labelledBy: (attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init))
            )
            figureCharts += 1
        case "table":
            tables += 1
            if figureCharts > 0, inFigure { charts[charts.count - 1].followedByDataTable = true }
        case "caption": tablesWithCaption += 1
        case "figure":
            inFigure = true
            figureCharts = 0
        case "script": scripts += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if path.last == element {
            path.removeLast()
        } else {
            mismatches.append("</\(element)> closes <\(path.last ?? "nothing")>")
        }
        if let id = currentID { ids[id] = text }
        currentID = nil
        switch element {
        case "title" where path.last == "svg": charts[charts.count - 1].title = text
        case "desc" where path.last == "svg": charts[charts.count - 1].description = text
        case "thead": tablesWithHeaders += 1
        case "figure": inFigure = false
        default: break
        }
    }
}

struct HTMLRendererTests {
    @Test(arguments: [
        ReportKind.practiceDevelopmentAssurance, .subGroupReport, .scrutinyPack, .mashQuarterly,
        .conferenceChairsQuarterly, .yearly, .agencyFeedback, .practitionerBriefing,
    ])
    func everyReportIsWellFormedAccessibleAndSelfContained(kind: ReportKind) async throws {
        let scenario = try await ReportScenario.make()
        let request = try #require(ReportScenario.requests(audience: .partnership).first { $0.kind == kind })
        let html = HTMLRenderer().render(try await scenario.report(request))
        let outline = XHTMLOutline()
        #expect(outline.parse(html), "not well-formed: \(String(describing: outline.error))")

        // Headings in order: one title, then no level skipped on the way down.
        #expect(outline.headings.first == 1)
        #expect(outline.headings.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(outline.headings, outline.headings.dropFirst()) {
            #expect(next <= previous + 1, "a heading jumps from h\(previous) to h\(next)")
        }
        // Every table has a caption and column headers.
        let tables: [ReportKind: Int] = [
            .practiceDevelopmentAssurance: 32, .subGroupReport: 5, .scrutinyPack: 4, .mashQuarterly: 13,
            .conferenceChairsQuarterly: 4, .yearly: 49, .agencyFeedback: 11, .practitionerBriefing: 1,
        ]
        #expect(outline.tables == tables[kind])
        #expect(outline.tablesWithCaption == outline.tables)
        #expect(outline.tablesWithHeaders == outline.tables)
        // Every chart has a text alternative it points to, and its data as a table.
        for chart in outline.charts {
            #expect(!chart.title.isEmpty)
            #expect(
                chart.description.count > chart.title.count,
                "the description says more than the title: \(chart.title)"
            )
            #expect(chart.labelledBy.count == 2)
            for id in chart.labelledBy { #expect(outline.ids[id] != nil, "aria-labelledby names a missing id \(id)") }
            #expect(chart.followedByDataTable, "\(chart.title) has no data table")
        }
        // One file: no scripts, nothing fetched.
        #expect(outline.scripts == 0)
        #expect(outline.externalReferences.isEmpty, "\(outline.externalReferences)")
        #expect(html.contains("@media print"))
    }

    @Test func thePracticeDevelopmentReportDrawsItsChartsInTheMakingDataCountColours() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .internal)[0])
        let html = HTMLRenderer().render(report)
        let outline = XHTMLOutline()
        #expect(outline.parse(html))
        let charts = report.sections.flatMap(\.blocks).reduce(0) { total, block in
            switch block {
            case .spcChart, .barChart: total + 1
            case .smallMultiples(let grid): total + grid.charts.count
            default: total
            }
        }
        #expect(outline.charts.count == charts)
        // The Executive's report charts only the measures that need attention; the data pack has the rest.
        #expect(charts == 6)
        // The planted fall in conversion is special-cause concern (orange); the grey of common cause is everywhere.
        #expect(html.contains("stroke=\"#e46c0a\""))
        #expect(html.contains("stroke=\"#7b7d7d\""))
        // Icons are shapes with text labels.
        #expect(html.contains("<g class=\"icon\"><circle"))
        #expect(html.contains("<g class=\"icon\"><rect"))
    }

    @Test func textIsEscaped() {
        let report = Report(
            kind: .practiceDevelopmentAssurance,
            title: "A <b> & \"C\"",
            partnership: "P & Q",
            period: ReportScenario.quarter,
            audience: .internal,
            day: ReportScenario.day,
            sections: [
                ReportSection(
                    id: "x",
                    title: "1 < 2",
                    module: "M",
                    blocks: [.text(TextBlock(paragraphs: ["<script>alert(1)</script>", "bell \u{7} character"]))]
                )
            ]
        )
        let html = HTMLRenderer().render(report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(XHTMLOutline().parse(html))
        // The parser is strict enough to catch what escaping prevents.
        #expect(!XHTMLOutline().parse("<p>a & b</p>"))
        #expect(!XHTMLOutline().parse("<p><b>unclosed</p>"))
    }
}
