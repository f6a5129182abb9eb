import AssuranceTesting
import Domain
import Foundation
import Measures
import Reporting
import Testing

/// Small-number suppression and what each audience may see.
///
/// Fact: the Department for Education's published statistics show a suppressed figure as the symbol
/// `c`, and the children in need statistics publish no count between 1 and 5. Source: the Explore
/// Education Statistics release "Children in need" (table b1, 2013 to 2025), kept as a fixture in
/// `Tests/MeasuresTests/Fixtures/` under the Open Government Licence v3.0; the first test checks the
/// fact against it.
struct DisclosureTests {
    @Test func theChildrenInNeedStatisticsPublishNoCountFromOneToFiveAndMarkSuppressionWithC() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../MeasuresTests/Fixtures/b1_children_in_need_2013_to_2025.csv")
        var reader = try CSVReader(data: try Data(contentsOf: url), source: "b1_children_in_need_2013_to_2025.csv")
        let counts = try [
            "Anypoint_episodes", "Anypoint_child", "Started_episodes", "Started_child", "Ended_episodes", "Ended_child",
            "At31_episodes",
        ]
        .map { try reader.requireColumn($0) }
        var small = 0
        var suppressed = 0
        var published = 0
        while try reader.next() {
            for index in counts {
                if reader.field(index, equals: "c") { suppressed += 1 }
                if let value = Int(reader.field(index)) {
                    published += 1
                    if (1...5).contains(value) { small += 1 }
                }
            }
        }
        #expect(published == 14_868)
        #expect(small == 0)
        #expect(suppressed == 7)
        #expect(Disclosure().smallCounts == 1...5)
    }

    func report(_ audience: Audience, _ sections: [ReportSection]) -> Report {
        Report(
            kind: .practiceDevelopmentAssurance,
            title: "Test",
            partnership: "Test",
            period: ReportScenario.quarter,
            audience: audience,
            day: ReportScenario.day,
            sections: sections
        )
    }

    /// A table naming an agency is published only in a section whose statement the partnership
    /// publishes naming agencies (the statutory partners' attendance by default); elsewhere it is
    /// withheld with a note, for the public only.
    @Test func aTableNamingAnAgencyIsPublishedOnlyWhereThePartnershipSaysSo() {
        let named = TableBlock(
            caption: "Who came",
            columns: [.init("Partner"), .init("Meetings attended", numeric: true)],
            rows: [
                [.text("Brackenshire Constabulary"), .count(9)], [.text("Brackenshire County Council"), .count(11)],
            ]
        )
        func fitted(_ disclosure: Disclosure, _ audience: Audience, in section: String) -> ReportBlock? {
            disclosure.apply(
                to: report(audience, [ReportSection(id: section, title: "T", module: "M", blocks: [.table(named)])])
            ).sections.first?.blocks.first
        }
        let disclosure = Disclosure(agencyNames: ["Brackenshire Constabulary", "Brackenshire County Council"])
        #expect(fitted(disclosure, .public, in: "partnership.attendance") == .table(named))
        guard case .text(let note) = fitted(disclosure, .public, in: "learning.loop") else {
            Issue.record("a table naming agencies outside the attendance section was published")
            return
        }
        #expect(note.heading == "Who came: not published")
        #expect(note.paragraphs.first?.contains("it names the partnership's agencies") == true)
        #expect(fitted(disclosure, .partnership, in: "learning.loop") == .table(named))
        var none = disclosure
        none.sectionsNamingAgencies = []
        #expect(fitted(none, .public, in: "partnership.attendance") != .table(named))
        // A longer word is not the name: "Brackenshire Constabularys" names no agency.
        var other = named
        other.rows = [[.text("Brackenshire Constabularys"), .count(9)]]
        #expect(
            disclosure.apply(
                to: report(.public, [ReportSection(id: "x", title: "T", module: "M", blocks: [.table(other)])])
            ).sections.first?.blocks.first == .table(other)
        )
    }

    func table(_ table: TableBlock, for audience: Audience) throws -> TableBlock {
        let fitted = Disclosure().apply(
            to: report(audience, [ReportSection(id: "t", title: "T", module: "M", blocks: [.table(table)])])
        )
        guard case .table(let result) = try #require(fitted.sections.first?.blocks.first) else {
            Issue.record("the table block was not kept")
            return table
        }
        return result
    }

    @Test func primarySuppressionHidesCountsFromOneToFiveAndPercentagesBuiltOnThem() throws {
        let rows: [[ReportCell]] = [
            [.text("zero"), .count(0), .percentage(0, numerator: 0, denominator: 40, decimals: 0)],
            [.text("one"), .count(1), .percentage(2.5, numerator: 1, denominator: 40, decimals: 0)],
            [.text("five"), .count(5), .percentage(50, numerator: 20, denominator: 5, decimals: 0)],
            [.text("six"), .count(6), .percentage(15, numerator: 6, denominator: 40, decimals: 0)],
        ]
        let result = try table(
            TableBlock(caption: "c", columns: [.init("Row"), .init("N"), .init("%")], rows: rows),
            for: .public
        )
        #expect(result.rows[0][1] == .count(0), "a zero is published")
        #expect(result.rows[1][1] == .symbol(.c))
        #expect(result.rows[2][1] == .symbol(.c))
        #expect(result.rows[3][1] == .count(6), "six is published")
        #expect(result.rows[0][2] == rows[0][2])
        #expect(result.rows[1][2] == .symbol(.c), "its numerator is suppressed")
        #expect(result.rows[2][2] == .symbol(.c), "its denominator is suppressed")
        #expect(result.rows[3][2] == rows[3][2])
    }

    @Test func partnershipAndInternalAudiencesSeeEveryCount() throws {
        let rows: [[ReportCell]] = [[.text("one"), .count(1)], [.text("case"), .caseReference("CASE-0042")]]
        let columns: [TableBlock.Column] = [.init("Row"), .init("N")]
        let partnership = try table(TableBlock(caption: "c", columns: columns, rows: rows), for: .partnership)
        #expect(partnership.rows[0][1] == .count(1))
        #expect(partnership.rows[1][1] == .text("withheld"), "a partnership report carries no case reference")
        let unrestricted = try table(TableBlock(caption: "c", columns: columns, rows: rows), for: .internal)
        #expect(unrestricted.rows == rows)
    }

    /// A row total with one suppressed cell would give it away: the next smallest cell goes too.
    @Test func secondarySuppressionAlongATotalColumn() throws {
        let rows: [[ReportCell]] = [
            [.text("North"), .count(3), .count(12), .count(40), .count(55)],
            [.text("South"), .count(20), .count(30), .count(25), .count(75)],
        ]
        let result = try table(
            TableBlock(
                caption: "c",
                columns: [.init("Area"), .init("A"), .init("B"), .init("C"), .init("Total")],
                rows: rows,
                totalColumn: 4
            ),
            for: .public
        )
        #expect(result.rows[0] == [.text("North"), .symbol(.c), .symbol(.c), .count(40), .count(55)])
        // Every column's total is taken as known, printed or not: each column that hides a count
        // hides two, which the South row then holds.
        #expect(result.rows[1] == [.text("South"), .symbol(.c), .symbol(.c), .count(25), .count(75)])
    }

    /// Both a total row and a total column: suppression spreads until no row or column has exactly
    /// one suppressed cell, so neither total can reveal one.
    @Test func secondarySuppressionAlongATotalRowAndColumn() throws {
        let rows: [[ReportCell]] = [
            [.text("North"), .count(2), .count(10), .count(12)],
            [.text("South"), .count(8), .count(9), .count(17)],
            [.text("Total"), .count(10), .count(19), .count(29)],
        ]
        let result = try table(
            TableBlock(
                caption: "c",
                columns: [.init("Area"), .init("A"), .init("B"), .init("Total")],
                rows: rows,
                totalRow: 2,
                totalColumn: 3
            ),
            for: .public
        )
        let hidden = { (row: Int) in result.rows[row].indices.filter { result.rows[row][$0] == .symbol(.c) } }
        // Every body row and column with a suppressed cell has at least two.
        for row in 0..<2 { #expect(hidden(row).filter { $0 < 3 }.count != 1, "row \(row): \(result.rows[row])") }
        for column in 1..<3 {
            let count = (0..<2).filter { result.rows[$0][column] == .symbol(.c) }.count
            #expect(count != 1, "column \(column)")
        }
        #expect(result.rows[0][1] == .symbol(.c))
        #expect(result.rows[2][3] == .count(29), "the grand total reveals nothing and is kept")
    }

    /// A row whose only other cell is its total: the total itself is suppressed.
    @Test func aTotalIsSuppressedWhenNothingElseCanBe() throws {
        let rows: [[ReportCell]] = [[.text("North"), .count(4), .text("n/a"), .count(4)]]
        let result = try table(
            TableBlock(
                caption: "c",
                columns: [.init("Area"), .init("A"), .init("B"), .init("Total")],
                rows: rows,
                totalColumn: 3
            ),
            for: .public
        )
        // The total is as small as the count, and text beside a hidden count is withheld.
        #expect(result.rows[0] == [.text("North"), .symbol(.c), .text("withheld"), .symbol(.c)])
    }

    @Test func aPublicReportLeavesOutAgencyLevelSectionsAndFindings() {
        let findings = FindingsBlock(
            caption: "Emerging risks",
            items: [
                .init(
                    severity: .emergingRisk,
                    level: .subGroup,
                    since: ReportScenario.day,
                    message: "partnership-wide",
                    source: "rule"
                ),
                .init(
                    severity: .emergingRisk,
                    level: .agency,
                    since: ReportScenario.day,
                    message: "about one agency",
                    source: "rule",
                    agency: "Brackenshire Constabulary"
                ),
            ]
        )
        let sections = [
            ReportSection(
                id: "ratings",
                title: "Ratings by agency",
                module: "Section 11",
                disclosure: .notPublic,
                blocks: []
            ),
            ReportSection(id: "findings", title: "Findings", module: "Reporting", blocks: [.findings(findings)]),
        ]
        let fitted = Disclosure().apply(to: report(.public, sections))
        #expect(fitted.sections.map(\.id) == ["findings"])
        guard case .findings(let kept) = fitted.sections[0].blocks[0] else {
            Issue.record("findings block missing")
            return
        }
        #expect(kept.items.map(\.message) == ["partnership-wide"])
        // The body still accounts for what it leaves out, so that its counts agree with the summary's.
        guard case .text(let note) = fitted.sections[0].blocks.last else {
            Issue.record("no note of the finding left out")
            return
        }
        #expect(note.paragraphs == ["One further finding is not published: it concerns a single agency."])
        let partnership = Disclosure().apply(to: report(.partnership, sections))
        #expect(partnership.sections.map(\.id) == ["ratings", "findings"], "the partnership sees agency-level ratings")
    }

    @Test func smallCountsInChartsAreWithheldAndMarked() {
        func point(_ value: Double?) -> SPCChart.Point {
            SPCChart.Point(
                label: "p",
                value: value,
                mean: 10,
                lowerLimit: 0,
                upperLimit: 20,
                lowerNearLimit: 3,
                upperNearLimit: 17,
                pointType: .commonCause,
                phase: 0
            )
        }
        let counts = SPCChart(
            title: "Referrals",
            unit: "",
            improvement: .neutral,
            points: [point(12), point(3), point(nil), point(0)],
            valuesAreCounts: true
        )
        let rates = SPCChart(title: "Rate", unit: "%", improvement: .increase, points: [point(3)])
        let bars = BarChart(
            title: "Grades",
            unit: "audits",
            bars: [.init(label: "good", value: 2, isCount: true), .init(label: "outstanding", value: 9, isCount: true)]
        )
        let fitted = Disclosure().apply(
            to: report(
                .public,
                [
                    ReportSection(
                        id: "c",
                        title: "C",
                        module: "M",
                        blocks: [.spcChart(counts), .spcChart(rates), .barChart(bars)]
                    )
                ]
            )
        )
        // A chart with a suppressed point is not published: its mean, limits and flags would give
        // the suppressed count away. A note names it and says why.
        guard case .text(let note) = fitted.sections[0].blocks[0],
            case .spcChart(let rate) = fitted.sections[0].blocks[1],
            case .barChart(let bar) = fitted.sections[0].blocks[2]
        else {
            Issue.record("blocks changed kind: \(fitted.sections[0].blocks)")
            return
        }
        #expect(note.heading == "Chart not published")
        #expect(note.bullets == ["Referrals"])
        #expect(
            note.paragraphs == [
                "Not charted for a public audience: each has counts from 1 to 5, which are suppressed, and a chart's mean, process limits and special-cause flags would let them be worked out."
            ]
        )
        #expect(rate.points[0].value == 3, "a percentage of 3 is not a count")
        #expect(bar.bars.map(\.label) == ["good (c)", "outstanding"])
        #expect(bar.bars.map(\.value) == [0, 9])
        #expect(!MarkdownRenderer().render(fitted).contains("### Referrals"))
        // For the partnership, the same chart is published whole; a gap in the data is not a suppression.
        let partnership = Disclosure().apply(
            to: report(.partnership, [ReportSection(id: "c", title: "C", module: "M", blocks: [.spcChart(counts)])])
        )
        guard case .spcChart(let whole) = partnership.sections[0].blocks[0] else {
            Issue.record("the partnership's chart changed kind")
            return
        }
        #expect(whole.points.map(\.value) == [12, 3, nil, 0])
        #expect(whole.points.allSatisfy { !$0.isSuppressed })
    }

    @Test func aCountsChartWithNoSmallCountIsPublishedAndOnlyItsSuppressedNeighboursAreWithheld() {
        func chart(_ title: String, _ values: [Double?]) -> SPCChart {
            SPCChart(
                title: title,
                unit: "",
                improvement: .neutral,
                points: values.map {
                    SPCChart.Point(
                        label: "p",
                        value: $0,
                        mean: 10,
                        lowerLimit: 0,
                        upperLimit: 20,
                        lowerNearLimit: 3,
                        upperNearLimit: 17,
                        pointType: .commonCause,
                        phase: 0
                    )
                },
                valuesAreCounts: true
            )
        }
        let grid = SmallMultiples(
            title: "Referrals to the LADO by locality",
            charts: [chart("North", [7, 9, 12]), chart("South", [7, 2, 12]), chart("East", [0, 8, 6])]
        )
        let fitted = Disclosure().apply(
            to: report(.public, [ReportSection(id: "g", title: "G", module: "M", blocks: [.smallMultiples(grid)])])
        )
        guard case .smallMultiples(let shown) = fitted.sections[0].blocks[0],
            case .text(let note) = fitted.sections[0].blocks[1]
        else {
            Issue.record("expected the grid and a note: \(fitted.sections[0].blocks)")
            return
        }
        #expect(shown.charts.map(\.title) == ["North", "East"])
        #expect(note.heading == "Referrals to the LADO by locality: charts not published")
        #expect(note.bullets == ["South"])
    }

    @Test func aSuppressedShareShowsNoBandAndARAGBesideASuppressedValueIsSuppressed() {
        let map = HeatMapBlock(
            caption: "Share of criteria rated green, by standard and sector",
            rowHeading: "Standard",
            columns: ["Health commissioners", "Police"],
            rows: [
                .init(
                    label: "1",
                    cells: [
                        .init(rag: .green, value: .percentage(100, numerator: 1, denominator: 1, decimals: 0)),
                        .init(rag: .amber, value: .percentage(60, numerator: 6, denominator: 10, decimals: 0)),
                    ]
                )
            ]
        )
        let table = TableBlock(
            caption: "Scorecard",
            columns: [.init("Measure"), .init("Value", numeric: true), .init("RAG")],
            rows: [
                [.text("Referrals to the LADO"), .count(3), .rag(.red, label: "Red")],
                [.text("Contacts"), .count(836), .rag(.green, label: "Green")],
            ]
        )
        let figures = [KeyFigure(label: "Allegations", value: .count(2), detail: "2 of 40 referrals", rag: .red)]
        let fitted = Disclosure().apply(
            to: report(
                .public,
                [
                    ReportSection(
                        id: "h",
                        title: "H",
                        module: "M",
                        blocks: [.heatMap(map), .table(table), .keyFigures(figures)]
                    )
                ]
            )
        )
        // What c means is said once, after the first block that shows it.
        #expect(fitted.sections[0].blocks[1] == .text(TextBlock(paragraphs: [Disclosure().explanation])))
        let blocks = fitted.sections[0].blocks.filter { block in
            if case .text = block { return false }
            return true
        }
        guard case .heatMap(let shownMap) = blocks[0],
            case .table(let shownTable) = blocks[1],
            case .keyFigures(let shownFigures) = blocks[2]
        else {
            Issue.record("blocks changed kind")
            return
        }
        // The commissioners' share of 1 of 1 is suppressed, and so is its colour.
        #expect(shownMap.rows[0].cells[0] == HeatMapBlock.Cell(rag: nil, value: .symbol(.c)))
        #expect(shownMap.rows[0].cells[1].rag == .amber)
        #expect(shownTable.rows[0] == [.text("Referrals to the LADO"), .symbol(.c), .symbol(.c)])
        // The column's total is taken as known, so its only other count is hidden with the small one.
        #expect(shownTable.rows[1] == [.text("Contacts"), .symbol(.c), .symbol(.c)])
        #expect(shownFigures[0].value == .symbol(.c))
        #expect(shownFigures[0].rag == nil)
        #expect(shownFigures[0].detail == nil)
        #expect(!MarkdownRenderer().render(fitted).contains("(green)"))
    }

    @Test func aDifferentThresholdCanBeConfigured() throws {
        let rows: [[ReportCell]] = [[.text("seven"), .count(7)], [.text("twelve"), .count(12)]]
        let fitted = Disclosure(smallCounts: 1...9).apply(
            to: report(
                .public,
                [
                    ReportSection(
                        id: "t",
                        title: "T",
                        module: "M",
                        blocks: [.table(TableBlock(caption: "c", columns: [.init("R"), .init("N")], rows: rows))]
                    )
                ]
            )
        )
        guard case .table(let result) = fitted.sections[0].blocks[0] else { return }
        // 7 is small under this rule; 12 is hidden with it, the column's total being taken as known.
        #expect(result.rows.map { $0[1] } == [.symbol(.c), .symbol(.c)])
    }
}
