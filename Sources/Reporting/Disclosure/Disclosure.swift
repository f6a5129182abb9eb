import Domain
import Foundation

/// Fits a report to its audience.
///
/// A public report:
/// - leaves out sections marked `ReportSection.Disclosure.notPublic` (agency-level Section 11
///   ratings, case returns, named agencies' actions), and findings about a single agency or naming
///   any agency (``agencyNames``): the framework's disclosure rules publish no agency-level judgement;
/// - carries no case references;
/// - suppresses small numbers: counts from 1 to 5 (the children in need statistics publish no count
///   between 1 and 5), shown as the statistics symbol `c`, and percentages whose numerator or
///   denominator is suppressed;
/// - applies secondary suppression to every table (`TableProtection`): every row's and column's
///   total is taken as known, printed or not, and further counts are hidden until no row or column
///   hides just one count, and those it hides add up to at least the largest small count; a table
///   that would be more than half hidden is withheld, with a note saying why;
/// - shows nothing derived from a suppressed value: a suppressed heat-map cell, key figure or tile
///   loses its RAG colour and its detail, and in a table row with a hidden count its RAG rating and
///   shares are hidden too, and a list beside it is withheld;
/// - says once, after the first figure shown as `c`, what `c` means (``explanation``);
/// - does not chart a series with a suppressed point: its mean, process limits and each point's
///   special-cause flag would let the suppressed values be recovered. The chart is replaced by a
///   note naming it and saying why.
///
/// A partnership report carries no case references; an internal report carries everything.
public struct Disclosure: Hashable, Sendable {
    /// The counts suppressed in a public report.
    public var smallCounts: ClosedRange<Int>
    /// The partnership's agencies' names: a public report carries no finding that names one.
    public var agencyNames: [String]
    /// The sections whose tables may name agencies in a public report.
    ///
    /// Each is a statement the partnership publishes naming its agencies, such as the statutory
    /// partners' attendance. Any other public table that names an agency is withheld.
    public var sectionsNamingAgencies: Set<String>

    /// Creates the policy.
    ///
    /// - Parameters:
    ///   - smallCounts: The counts suppressed in a public report.
    ///   - agencyNames: The agencies' names, so that a public report names none in its findings.
    ///   - sectionsNamingAgencies: The sections whose tables may name agencies in public.
    public init(
        smallCounts: ClosedRange<Int> = 1...5,
        agencyNames: [String] = [],
        sectionsNamingAgencies: Set<String> = ["partnership.attendance"]
    ) {
        self.smallCounts = smallCounts
        self.agencyNames = agencyNames
        self.sectionsNamingAgencies = sectionsNamingAgencies
    }

    /// Whether a text names one of the partnership's agencies.
    ///
    /// A byte search: a public report checks every finding's message and evidence against every
    /// agency's name, which Foundation's `range(of:)` made a tenth of the report's time.
    func namesAnAgency(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            agencyNames.contains { name in
                var name = name
                return name.withUTF8 { Self.containsWholeName($0, in: haystack) }
            }
        }
    }

    /// Whether a name occurs whole: "School 2" is not named by "School 20".
    private static func containsWholeName(
        _ needle: UnsafeBufferPointer<UInt8>,
        in haystack: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let first = needle.first, let needleStart = needle.baseAddress, let start = haystack.baseAddress,
            needle.count <= haystack.count
        else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, memcmp(start + index, needleStart, needle.count) == 0 {
                let after = index + needle.count
                guard after < haystack.count else { return true }
                let next = String(decoding: haystack[after..<min(after + 4, haystack.count)], as: UTF8.self).first
                if let next, !(next.isLetter || next.isNumber) { return true }
            }
            index += 1
        }
        return false
    }

    /// The report as its audience may see it.
    public func apply(to report: Report) -> Report {
        guard report.audience != .internal else { return report }
        var result = report
        result.sections = report.sections.compactMap { section in
            if report.audience == .public, section.disclosure == .notPublic { return nil }
            var copy = section
            let namesAgencies = sectionsNamingAgencies.contains(section.id)
            copy.blocks = section.blocks.flatMap { block -> [ReportBlock] in
                if report.audience == .public, !namesAgencies, case .table(let table) = block, names(table) {
                    return [withheldNaming(table)]
                }
                return blocks(for: block, audience: report.audience)
            }
            return copy
        }
        if report.audience == .public { explainSuppression(in: &result) }
        return result
    }

    /// What `c` means, said once, after the first figure the reader meets it in.
    public var explanation: String {
        "c: not published. A count from \(smallCounts.lowerBound) to \(smallCounts.upperBound) is not published "
            + "in this report, so that no child, family or member of staff can be identified, and nor is any "
            + "figure that would let one be worked out from the totals, shares or lists beside it; each is "
            + "shown as c."
    }

    private func explainSuppression(in report: inout Report) {
        for (sectionIndex, section) in report.sections.enumerated() {
            guard let blockIndex = section.blocks.firstIndex(where: Self.showsSuppression) else { continue }
            report.sections[sectionIndex].blocks.insert(
                .text(TextBlock(paragraphs: [explanation])),
                at: blockIndex + 1
            )
            return
        }
    }

    /// Whether a block shows a figure as `c`.
    static func showsSuppression(_ block: ReportBlock) -> Bool {
        switch block {
        case .table(let table): table.rows.contains { $0.contains(where: isSuppressed) }
        case .keyFigures(let figures): figures.contains { isSuppressed($0.value) }
        case .ragTiles(let tiles): tiles.contains { isSuppressed($0.value) }
        case .heatMap(let map): map.rows.contains { $0.cells.contains { isSuppressed($0.value) } }
        case .barChart(let chart): chart.bars.contains { $0.label.hasSuffix(" (c)") }
        default: false
        }
    }

    /// A findings list for the public: agency-level judgements are not published (a finding about
    /// one agency, or naming any), and the body still accounts for them, so that its counts agree
    /// with the summary's.
    private func publicFindings(_ findings: FindingsBlock) -> [ReportBlock] {
        var shown = findings
        shown.items = findings.items.filter { item in
            item.agency == nil && !namesAnAgency(item.message) && !item.evidence.contains(where: namesAnAgency)
        }
        let withheld = findings.items.count - shown.items.count
        guard withheld > 0 else { return [.findings(shown)] }
        let note = TextBlock(
            paragraphs: [
                "\(withheld == 1 ? "One further finding is" : "\(withheld) further findings are") not published: "
                    + "\(withheld == 1 ? "it concerns" : "each concerns") a single agency."
            ]
        )
        return (shown.items.isEmpty ? [] : [.findings(shown)]) + [.text(note)]
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
            guard isPublic else { return [.table(mapCells(table, audience))] }
            return [suppressSecondary(table).map(ReportBlock.table) ?? withheld(table)]
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
        case .findings(let findings):
            return isPublic ? publicFindings(findings) : [block]
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

    /// Primary suppression, then secondary suppression (`TableProtection`), then whatever a hidden
    /// count would let be worked out in its row: its RAG rating, its shares, the list it counts.
    ///
    /// - Returns: The table as published, or `nil` when so much of it is hidden that it is withheld.
    func suppressSecondary(_ table: TableBlock) -> TableBlock? {
        let shown = table.rows.map { $0.map { cell($0, .public) } }
        let primary = shown.map { $0.map(Self.isSuppressed) }
        let protection = TableProtection(smallCounts: smallCounts)
        let grid = protection.protect(table, primary: primary)
        if protection.isMeaningless(grid) { return nil }
        var rows = shown
        for row in rows.indices {
            for column in rows[row].indices where grid.hidden[row][column] { rows[row][column] = .symbol(.c) }
            let hidesACount = rows[row].indices.contains { grid.hidden[row][$0] && grid.values[row][$0] != nil }
            guard hidesACount || rows[row].contains(where: Self.isSuppressed) else { continue }
            for column in rows[row].indices {
                switch rows[row][column] {
                case .rag, .percentage:
                    // Derived from the hidden count: a rating's band or a share with its base gives it away.
                    rows[row][column] = .symbol(.c)
                case .text(let text) where column > 0 && hidesACount && !text.isEmpty:
                    // A list beside a hidden count is as long as the count.
                    rows[row][column] = .text("withheld")
                default:
                    break
                }
            }
        }
        var copy = table
        copy.rows = rows
        return copy
    }

    /// Whether a table names one of the partnership's agencies in a text cell.
    private func names(_ table: TableBlock) -> Bool {
        guard !agencyNames.isEmpty else { return false }
        return table.rows.contains { row in
            row.contains { cell in
                if case .text(let text) = cell { return namesAnAgency(text) }
                return false
            }
        }
    }

    /// The note that stands for a table that names agencies where the partnership publishes no
    /// statement naming them.
    private func withheldNaming(_ table: TableBlock) -> ReportBlock {
        .text(
            TextBlock(
                heading: "\(table.caption): not published",
                paragraphs: [
                    "Not published for a public audience: it names the partnership's agencies, and the "
                        + "partnership publishes no judgement of a single agency."
                ]
            )
        )
    }

    /// The note that stands for a table not published.
    func withheld(_ table: TableBlock) -> ReportBlock {
        .text(
            TextBlock(
                heading: "\(table.caption): not published",
                paragraphs: [
                    "Not published for a public audience: so many of its figures are counts from "
                        + "\(smallCounts.lowerBound) to \(smallCounts.upperBound), or would let one be worked out, "
                        + "that what could be shown would say little."
                ]
            )
        )
    }
}
