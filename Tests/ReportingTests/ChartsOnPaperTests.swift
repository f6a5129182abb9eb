import Domain
import Foundation
import Reporting
import Testing

/// The charts as a printed page shows them: every line and mark a reader needs is distinguishable
/// from the white page, every letter on an icon from its fill, each axis says what it measures,
/// each line is named, and the page is numbered.
struct ChartsOnPaperTests {
    /// WCAG 2.2's contrast ratio (Understanding SC 1.4.3, "relative luminance" and "contrast ratio"):
    /// (L1 + 0.05) / (L2 + 0.05), each channel linearised from sRGB.
    static func contrast(_ first: String, _ second: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let digits = Array(hex.dropFirst())
            let channels = stride(from: 0, to: 6, by: 2).map { index -> Double in
                let value = Double(Int(String(digits[index..<index + 2]), radix: 16)!) / 255
                return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test func theContrastFormulaGivesWCAGsOwnFigures() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test func everyLineMarkAndIconLetterHasAAContrast() async throws {
        let scenario = try await ReportScenario.make()
        let html = HTMLRenderer().render(try await scenario.report(ReportScenario.requests(audience: .internal)[0]))
        let svg = html.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        #expect(!svg.isEmpty)
        let strokes = Set(
            svg.flatMap { chart in
                chart.components(separatedBy: "stroke=\"#").dropFirst().map { "#" + $0.prefix(6) }
            }
        )
        // The plot's frame is decoration; every other line and point needs 3:1 against white (SC 1.4.11).
        for colour in strokes.subtracting(["#d8dde0"]) {
            #expect(Self.contrast(colour, "#ffffff") >= 3, "\(colour) against white")
        }
        #expect(strokes.contains("#4c6272"), "the run line is drawn")
        // A letter on an icon is text: 4.5:1 against its fill (SC 1.4.3).
        for chart in svg {
            for icon in chart.components(separatedBy: "<g class=\"icon\">").dropFirst() {
                let fill = "#" + icon.components(separatedBy: "fill=\"#")[1].prefix(6)
                #expect(Self.contrast(fill, "#ffffff") >= 4.5, "a white letter on \(fill)")
            }
        }
    }

    @Test func eachChartTitlesItsAxisAndNamesItsLines() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .internal)[0])
        let html = HTMLRenderer().render(report)
        let charts = html.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        let spc = charts.filter { $0.contains("class=\"run\"") }
        #expect(!spc.isEmpty)
        for chart in spc {
            #expect(chart.contains("transform=\"rotate(-90"), "a y-axis title")
            #expect(chart.contains(">Mean "), "the mean is named with its value")
        }
        #expect(spc.contains { $0.contains(">Per cent</text>") })
        #expect(spc.contains { $0.contains(">Target ") })
        #expect(html.contains("@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages)"))
    }

    @Test func aDayInATableIsWrittenInFullOnOneLine() throws {
        let report = Report(
            kind: .practiceDevelopmentAssurance,
            title: "Dates",
            partnership: "P",
            period: ReportScenario.quarter,
            audience: .internal,
            day: ReportScenario.day,
            sections: [
                ReportSection(
                    id: "d",
                    title: "Due",
                    module: "M",
                    blocks: [
                        .table(
                            TableBlock(
                                caption: "Due",
                                columns: [TableBlock.Column("What"), TableBlock.Column("Due")],
                                rows: [[.text("Review"), .day(try Day(parsing: "2026-04-30"))]]
                            )
                        )
                    ]
                )
            ]
        )
        let html = HTMLRenderer().render(report)
        #expect(html.contains("<td>30\u{00A0}April\u{00A0}2026</td>"))
        #expect(!html.contains("2026-04-30</td>"))
    }
}
