import AssuranceTesting
import Domain
import Foundation
import Measures
import SyntheticPartnership
import Testing

@testable import Reporting

/// Public reports attacked as someone outside the partnership would, from the public material only,
/// and checked against the partnership's own copy of each: no suppressed count may be worked out.
///
/// The attacker knows every public report of the period, every row's and every column's total of
/// every table (printed or not: the strongest assumption the protection makes), and that `c` hides
/// a count. They peel: a row or column with one count unknown gives it as its total less the rest,
/// which may leave another with one unknown. They count the items of a list beside a hidden count,
/// read a share's base, and look for the same cell published in another report.
struct DisclosureAttackTests {
    /// What an attack found in one release.
    struct Outcome {
        var suppressed = 0
        var recovered: [String] = []
        var underProtected: [String] = []
        var tablesNotPublished = 0
        var intervalsChecked = 0
    }

    struct Cell: Hashable {
        var table: String
        var row: Int
        var column: Int
    }

    static let smallCounts = Disclosure().smallCounts

    /// The tables of a report by section and caption.
    static func tables(_ report: Report) -> [String: TableBlock] {
        var tables: [String: TableBlock] = [:]
        for section in report.sections {
            for block in section.blocks {
                if case .table(let table) = block { tables["\(section.id) · \(table.caption)"] = table }
            }
        }
        return tables
    }

    /// A row as a reader finds it in another report: its label, and which of the rows so labelled.
    static func rowKey(_ table: TableBlock, _ row: Int) -> String {
        let label = table.rows[row].first ?? .empty
        let before = table.rows[..<row].filter { $0.first == label }.count
        return "\(label) #\(before)"
    }

    static func count(_ cell: ReportCell) -> Int? {
        if case .count(let value) = cell { return value }
        return nil
    }

    /// Attacks a release: each public report beside the partnership's copy of it.
    static func attack(_ pairs: [(published: Report, own: Report)]) -> Outcome {
        var outcome = Outcome()
        // Every count published anywhere in the release, by where it stands, for differencing.
        var publishedAnywhere: [String: [String: Int]] = [:]
        for pair in pairs {
            for (name, table) in tables(pair.published) {
                for (row, cells) in table.rows.enumerated() {
                    for (column, cell) in cells.enumerated() {
                        guard let value = count(cell) else { continue }
                        // Any period: most tables show the state on the report's day, the same in
                        // every period's report of that day.
                        let key = "\(name) · \(rowKey(table, row)) · \(table.columns[column].title)"
                        publishedAnywhere[key, default: [:]][
                            "\(pair.published.kind.rawValue) \(pair.published.period)"
                        ] =
                            value
                    }
                }
            }
        }
        for pair in pairs {
            let published = tables(pair.published)
            for (name, own) in tables(pair.own) {
                guard let shown = published[name] else {
                    if own.rows.contains(where: { $0.contains { count($0) != nil } }) {
                        outcome.tablesNotPublished += 1
                    }
                    continue
                }
                attack(
                    own,
                    shown,
                    report: "\(pair.published.kind.rawValue) \(pair.published.period)",
                    named: "\(pair.published.kind.rawValue) · \(name)",
                    key: name,
                    publishedAnywhere,
                    &outcome
                )
            }
        }
        return outcome
    }

    static func attack(
        _ own: TableBlock,
        _ shown: TableBlock,
        report: String,
        named name: String,
        key: String,
        _ publishedAnywhere: [String: [String: Int]],
        _ outcome: inout Outcome
    ) {
        var known: [Cell: Int] = [:]
        var hidden: Set<Cell> = []
        for (row, cells) in own.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                guard let value = count(cell), row < shown.rows.count, column < shown.rows[row].count else { continue }
                let position = Cell(table: name, row: row, column: column)
                if count(shown.rows[row][column]) != nil {
                    known[position] = value
                } else {
                    hidden.insert(position)
                }
            }
        }
        outcome.suppressed += hidden.filter { smallCounts.contains(own.rows[$0.row][$0.column].countValue ?? 0) }.count
        func truth(_ cell: Cell) -> Int { count(own.rows[cell.row][cell.column]) ?? 0 }
        func recover(_ cell: Cell, _ value: Int, how: String) {
            guard hidden.contains(cell), value == truth(cell) else { return }
            hidden.remove(cell)
            known[cell] = value
            outcome.recovered.append("\(name) row \(cell.row) column \(cell.column) = \(value) (\(how))")
        }
        // Relations: rows and columns of two or more counts, their totals known.
        let relations = TableRelations.of(own).map { members in
            members.map { Cell(table: name, row: $0.0, column: $0.1) }
        }
        var progress = true
        while progress {
            progress = false
            for relation in relations {
                let unknown = relation.filter { hidden.contains($0) }
                guard unknown.count == 1 else { continue }
                let total = relation.reduce(0) { $0 + truth($1) }
                let rest = relation.filter { $0 != unknown[0] }.reduce(0) { $0 + (known[$1] ?? 0) }
                recover(unknown[0], total - rest, how: "its total less the rest")
                progress = true
            }
        }
        for cell in hidden {
            let row = shown.rows[cell.row]
            // A list beside it, as long as the count.
            for text in row.dropFirst() {
                if case .text(let list) = text, list != "withheld", !list.isEmpty {
                    recover(cell, list.components(separatedBy: "; ").count, how: "the list beside it")
                }
                // A share whose numerator is the count.
                if case .percentage(_, let numerator?, _, _) = text { recover(cell, numerator, how: "a share's base") }
            }
            // The same cell published in another report of the release.
            let elsewhere = publishedAnywhere[
                "\(key) · \(rowKey(shown, cell.row)) · \(shown.columns[cell.column].title)"
            ]
            for (other, value) in elsewhere ?? [:] where other != report {
                recover(cell, value, how: "another report")
            }
        }
        // Linear programming, as an auditor of a tabular release does: each hidden count's
        // smallest and largest value given every total and every open count.
        let grid = TableProtection.Grid(
            values: own.rows.map { $0.map(\.countValue) },
            hidden: own.rows.indices.map { row in
                own.rows[row].indices.map { hidden.contains(Cell(table: name, row: row, column: $0)) }
            }
        )
        let positions = relations.map { $0.map { TableProtection.Position(row: $0.row, column: $0.column) } }
        let small = hidden.filter { smallCounts.contains(truth($0)) }.sorted {
            ($0.row, $0.column) < ($1.row, $1.column)
        }
        let intervals =
            TableProtection.feasibleIntervals(
                of: small.map { TableProtection.Position(row: $0.row, column: $0.column) },
                grid,
                positions
            ) ?? []
        let rule = Double(max(1, smallCounts.upperBound - smallCounts.lowerBound))
        for (cell, interval) in zip(small, intervals) {
            // As wide as the rule's range, or as the smallest total the count is part of.
            let totals = relations.filter { $0.contains(cell) }.map { $0.reduce(0) { $0 + truth($1) } }
            let required = min(rule, Double(totals.min() ?? Int(rule)))
            if interval.lowerBound == interval.upperBound {
                recover(cell, Int(interval.lowerBound), how: "a combination of totals")
            } else if interval.upperBound - interval.lowerBound < required {
                outcome.underProtected.append(
                    "\(name) row \(cell.row) column \(cell.column) = \(truth(cell)): between \(Int(interval.lowerBound)) and \(interval.upperBound)"
                )
            }
            outcome.intervalsChecked += 1
        }
    }

    static func release(
        _ framework: AssuranceFramework,
        day: Day,
        periods: [ReportingPeriod]
    ) async throws -> [(published: Report, own: Report)] {
        let reports = StandardReports(framework: framework)
        var pairs: [(Report, Report)] = []
        let kinds: [ReportKind] = [.practiceDevelopmentAssurance, .yearly, .dataPack, .practitionerBriefing]
        for period in periods {
            for kind in kinds {
                let definition = try framework.reportDefinition(for: kind)
                guard definition.periodKinds.isEmpty || definition.periodKinds.contains(period.kind) else { continue }
                var request = ReportRequest(kind: kind, period: period, audience: .public, day: day)
                let published = try await reports.make(request, as: PartnershipScenario.partnershipLead)
                request.audience = .partnership
                let own = try await reports.make(request, as: PartnershipScenario.partnershipLead)
                pairs.append((published, own))
            }
        }
        return pairs
    }

    static func partnership(scale: SyntheticScale, seed: UInt64) async throws -> AssuranceFramework {
        let store = InMemoryStore()
        let day = PartnershipGenerator.demoDay
        try await PartnershipGenerator(scale: scale, seed: seed).load(into: store)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let framework = try AssuranceFramework(modules: ReportScenario.allModules, environment: environment)
        _ = try await framework.runCycle(on: day, by: PartnershipScenario.partnershipLead)
        return framework
    }

    static var periods: [ReportingPeriod] {
        let day = PartnershipGenerator.demoDay
        let year = ReportingPeriod.containing(day.adding(days: -31), kind: .year, basis: .financial)
        let quarter = ReportingPeriod.containing(day.adding(days: -31), kind: .quarter, basis: .financial)
        // Every quarter of the year beside the year, and the year before.
        return (0..<4).map { quarter.advanced(by: -$0) } + [year, year.advanced(by: -1)]
    }

    @Test func theDemosPublicReportsGiveNoSuppressedCountAway() async throws {
        let framework = try await Self.partnership(scale: .demo, seed: 20_260_430)
        let release = try await Self.release(framework, day: PartnershipGenerator.demoDay, periods: Self.periods)
        let outcome = Self.attack(release)
        // Fact: a public report carries no agency-level judgements (the framework's disclosure
        // rules): no published finding names an agency, though the partnership's copies do.
        let names = try await framework.makeView().all(Agency.self).map(\.name)
        func namedInFindings(_ report: Report) -> Set<String> {
            let texts = report.sections.flatMap(\.blocks).flatMap { block -> [String] in
                guard case .findings(let list) = block else { return [] }
                return list.items.flatMap { [$0.message] + $0.evidence }
            }
            return Set(names.filter { name in texts.contains { $0.contains(name + " ") || $0.contains(name + ",") } })
        }
        #expect(release.allSatisfy { namedInFindings($0.published).isEmpty })
        #expect(release.contains { !namedInFindings($0.own).isEmpty }, "the partnership's copies name agencies")
        // Every public report that hides a figure says what c means, once.
        let explanation = StandardReports(framework: framework).disclosure.explanation
        for (published, _) in release {
            let said = published.sections.flatMap(\.blocks).filter { block in
                if case .text(let text) = block { return text.paragraphs.contains(explanation) }
                return false
            }
            let hides = published.sections.flatMap(\.blocks).contains { block in
                if case .table(let table) = block { return table.rows.contains { $0.contains(.symbol(.c)) } }
                return false
            }
            #expect(hides ? said.count == 1 : said.count <= 1, "\(published.kind) \(published.period)")
        }
        #expect(outcome.suppressed > 100, "the attack has something to attack")
        #expect(
            outcome.recovered.count == 0,
            "\(outcome.recovered.count) recovered:\n\(outcome.recovered.prefix(20).joined(separator: "\n"))"
        )
        #expect(outcome.underProtected.count == 0, "\(outcome.underProtected.prefix(10).joined(separator: "\n"))")
        print(
            "disclosure attack, demo: \(outcome.suppressed) small counts hidden, \(outcome.recovered.count) recovered, \(outcome.intervalsChecked) intervals checked, \(outcome.underProtected.count) narrower than the rule's, \(outcome.tablesNotPublished) tables not published"
        )
    }

    /// Random partnerships of the synthetic generator: 10 seeds here; `QAF_ATTACK_SEEDS=50` for more.
    @Test func randomPartnershipsPublicReportsGiveNoSuppressedCountAway() async throws {
        let seeds = Int(ProcessInfo.processInfo.environment["QAF_ATTACK_SEEDS"] ?? "") ?? 10
        var total = Outcome()
        for seed in 1...seeds {
            let framework = try await Self.partnership(scale: .miniature, seed: UInt64(seed))
            let outcome = Self.attack(
                try await Self.release(framework, day: PartnershipGenerator.demoDay, periods: Self.periods)
            )
            total.suppressed += outcome.suppressed
            total.recovered += outcome.recovered.map { "seed \(seed): \($0)" }
            total.underProtected += outcome.underProtected.map { "seed \(seed): \($0)" }
            total.tablesNotPublished += outcome.tablesNotPublished
            total.intervalsChecked += outcome.intervalsChecked
        }
        #expect(total.recovered.count == 0, "\(total.recovered.prefix(20).joined(separator: "\n"))")
        #expect(total.underProtected.count == 0, "\(total.underProtected.prefix(10).joined(separator: "\n"))")
        print(
            "disclosure attack, \(seeds) random partnerships: \(total.suppressed) small counts hidden, \(total.recovered.count) recovered, \(total.intervalsChecked) intervals checked, \(total.underProtected.count) narrower than the rule's, \(total.tablesNotPublished) tables not published"
        )
    }
}

/// The relations the attacker uses: the same as the protection's, computed here independently.
enum TableRelations {
    static func of(_ table: TableBlock) -> [[(Int, Int)]] {
        func isCount(_ cell: ReportCell) -> Bool {
            if case .count = cell { return true }
            return false
        }
        let rows = table.rows.indices.filter { $0 != table.totalRow }
        let width = table.rows.map(\.count).max() ?? 0
        let columns = (0..<width).filter { $0 != table.totalColumn }
        var relations: [[(Int, Int)]] = []
        for row in rows {
            let members = columns.filter { $0 < table.rows[row].count && isCount(table.rows[row][$0]) }
            if members.count >= 2 { relations.append(members.map { (row, $0) }) }
        }
        for column in columns {
            let members = rows.filter { column < table.rows[$0].count && isCount(table.rows[$0][column]) }
            if members.count >= 2 { relations.append(members.map { ($0, column) }) }
        }
        return relations
    }
}

extension ReportCell {
    fileprivate var countValue: Int? {
        if case .count(let value) = self { return value }
        return nil
    }
}
