import Domain

/// Secondary suppression of one public table: the cells to hide beside its small counts so that
/// none can be worked out, and whether the table is worth publishing after it.
///
/// The attacker is assumed to know every row's and every column's total, printed or not: a total
/// is often published elsewhere (the number of returns in a cycle, the audits in the plan), and
/// assuming it known costs little. Each row and each column of two or more counts is a relation,
/// its total equal to the sum of its counts. A relation with exactly one hidden count gives it away
/// (`total - the rest`), so, as in the hypercube method of secondary suppression (Repsilber's
/// GHMITER, in tau-ARGUS and sdcTable), further counts of the relation are hidden until it has none
/// hidden, or at least two hiding together at least the protection level (or as much as the
/// relation holds, when the rest are zeros): an attacker then learns only that each lies between 0
/// and what the relation hides. The counts hidden to protect are the
/// smallest that reach the level, so that as little as possible is lost; each one hidden may leave
/// another relation with a single hidden count, so the search goes on until none has.
struct TableProtection {
    /// The counts suppressed as small.
    let smallCounts: ClosedRange<Int>
    /// What each relation's hidden counts must hide together: the largest small count, so that a
    /// hidden count cannot be pinned down to better than the range the rule hides.
    var protectionLevel: Int { smallCounts.upperBound }

    /// A table is withheld when more than this share of its counts would be hidden.
    static let withheldShare = 0.75

    /// The cells of the table at their original values, and which are hidden.
    struct Grid {
        var values: [[Int?]]
        var hidden: [[Bool]]
    }

    /// Hides counts beyond the small ones until every relation is protected.
    ///
    /// - Parameters:
    ///   - table: The table as the partnership sees it.
    ///   - primary: For each cell, whether it is hidden as small (or derived from a small figure).
    /// - Returns: For each cell, whether it is hidden.
    func protect(_ table: TableBlock, primary: [[Bool]]) -> Grid {
        let values = table.rows.map { row in
            row.map { cell -> Int? in
                if case .count(let value) = cell { return value }
                return nil
            }
        }
        var grid = Grid(values: values, hidden: primary)
        let relations = self.relations(of: table, values: values)
        var changed = true
        while changed {
            changed = false
            for relation in relations {
                let hidden = relation.filter { grid.hidden[$0.row][$0.column] }
                guard !hidden.isEmpty else { continue }
                let hiddenTotal = hidden.reduce(0) { $0 + (values[$1.row][$1.column] ?? 0) }
                guard hidden.count < 2 || hiddenTotal < protectionLevel else { continue }
                var open = relation.filter { !grid.hidden[$0.row][$0.column] }
                // A zero hides nothing: it is worth hiding only to stop a lone hidden count being
                // its total less the rest.
                if hidden.count >= 2 { open.removeAll { values[$0.row][$0.column] == 0 } }
                guard let next = complement(from: open, values: values, needed: protectionLevel - hiddenTotal) else {
                    continue
                }
                grid.hidden[next.row][next.column] = true
                changed = true
            }
        }
        return grid
    }

    /// Whether so much of the table is hidden that it says nothing worth publishing.
    func isMeaningless(_ grid: Grid) -> Bool {
        var counts = 0
        var hidden = 0
        for (row, cells) in grid.values.enumerated() {
            for (column, value) in cells.enumerated() where value != nil {
                counts += 1
                if grid.hidden[row][column] { hidden += 1 }
            }
        }
        return counts > 2 && Double(hidden) > Double(counts) * Self.withheldShare
    }

    struct Position: Hashable {
        var row: Int
        var column: Int
    }

    /// Every row and column of two or more counts, outside the printed total row and column.
    func relations(of table: TableBlock, values: [[Int?]]) -> [[Position]] {
        let bodyRows = values.indices.filter { $0 != table.totalRow }
        let width = values.map(\.count).max() ?? 0
        let bodyColumns = (0..<width).filter { $0 != table.totalColumn }
        var relations: [[Position]] = []
        for row in bodyRows {
            let members = bodyColumns.filter { $0 < values[row].count && values[row][$0] != nil }
            if members.count >= 2 { relations.append(members.map { Position(row: row, column: $0) }) }
        }
        for column in bodyColumns {
            let members = bodyRows.filter { column < values[$0].count && values[$0][column] != nil }
            if members.count >= 2 { relations.append(members.map { Position(row: $0, column: column) }) }
        }
        return relations
    }

    /// The count to hide beside others: the smallest that brings what the relation hides up to the
    /// level needed, or, when none does, the largest; ties go to the earliest cell, so the same
    /// table is always suppressed alike in every report that shows it.
    func complement(from open: [Position], values: [[Int?]], needed: Int) -> Position? {
        let candidates = open.compactMap { position in values[position.row][position.column].map { (position, $0) } }
        let enough = candidates.filter { $0.1 >= needed }
        if let smallest = enough.min(by: { ($0.1, $0.0.row, $0.0.column) < ($1.1, $1.0.row, $1.0.column) }) {
            return smallest.0
        }
        return candidates.max(by: { ($0.1, -$0.0.row, -$0.0.column) < ($1.1, -$1.0.row, -$1.0.column) })?.0
    }
}
