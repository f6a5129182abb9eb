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
        /// Whether some small count could not be given an interval as wide as the rule's.
        var isUnprotectable = false
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
        closeRelations(&grid, relations)
        let small = values.indices.flatMap { row in
            values[row].indices.compactMap { column -> Position? in
                guard primary[row][column], let value = values[row][column], smallCounts.contains(value) else {
                    return nil
                }
                return Position(row: row, column: column)
            }
        }
        // The audit, as tau-ARGUS audits a hypercube pattern: a pattern can leave a count pinned by
        // a combination of totals no single row or column shows, so each small count's feasible
        // interval is computed and, where it is narrower than it must be, one more count is hidden.
        while let (weak, width) = firstWeak(small, grid, relations) {
            guard let next = widening(weak, from: width, grid, relations) else {
                grid.isUnprotectable = true
                break
            }
            grid.hidden[next.row][next.column] = true
            closeRelations(&grid, relations)
        }
        return grid
    }

    /// How wide a small count's feasible interval must be: as wide as the rule's range, so that an
    /// attacker learns no more than the `c` already says, that the count is small; or, where a
    /// row's or column's total is itself smaller than that, as wide as that total, which is the
    /// whole of what the count could be.
    func requiredWidth(of cell: Position, _ grid: Grid, _ relations: [[Position]]) -> Double {
        let rule = Double(max(1, smallCounts.upperBound - smallCounts.lowerBound))
        let totals = relations.filter { $0.contains(cell) }.map { relation in
            Double(relation.reduce(0) { $0 + (grid.values[$1.row][$1.column] ?? 0) })
        }
        return min(rule, totals.min() ?? rule)
    }

    /// The first small count whose feasible interval is narrower than it must be, with its width.
    private func firstWeak(
        _ small: [Position],
        _ grid: Grid,
        _ relations: [[Position]]
    ) -> (Position, Double)? {
        guard let intervals = Self.feasibleIntervals(of: small, grid, relations) else {
            return small.first.map { ($0, 0) }
        }
        return zip(small, intervals).lazy.map { cell, interval in (cell, interval.upperBound - interval.lowerBound) }
            .first { cell, width in width < requiredWidth(of: cell, grid, relations) }
    }

    /// The hypercube step: hides counts until no relation hides a single count, or hides less than
    /// the protection level while it could hide more.
    private func closeRelations(_ grid: inout Grid, _ relations: [[Position]]) {
        let values = grid.values
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
    }

    /// The width of a hidden count's feasible interval, to an attacker who knows every relation's
    /// total and the counts left open.
    func width(of cell: Position, _ grid: Grid, _ relations: [[Position]]) -> Double {
        guard let interval = Self.feasibleIntervals(of: [cell], grid, relations)?.first else { return 0 }
        return interval.upperBound - interval.lowerBound
    }

    /// The feasible interval of each of some hidden counts: `nil` if the totals contradict.
    static func feasibleIntervals(
        of cells: [Position],
        _ grid: Grid,
        _ relations: [[Position]]
    ) -> [ClosedRange<Double>]? {
        var unknowns: [Position: Int] = [:]
        for relation in relations {
            for cell in relation where grid.hidden[cell.row][cell.column] && unknowns[cell] == nil {
                unknowns[cell] = unknowns.count
            }
        }
        var program = LinearProgram(equations: [], rightSides: [])
        for relation in relations where relation.contains(where: { unknowns[$0] != nil }) {
            var equation = [Double](repeating: 0, count: unknowns.count)
            var hiddenTotal = 0.0
            // The relation's total less its open counts: what its hidden counts add up to.
            for cell in relation {
                guard let unknown = unknowns[cell] else { continue }
                equation[unknown] = 1
                hiddenTotal += Double(grid.values[cell.row][cell.column] ?? 0)
            }
            program.equations.append(equation)
            program.rightSides.append(hiddenTotal)
        }
        let bound = cells.filter { unknowns[$0] != nil }
        guard let intervals = program.intervals(of: bound.compactMap { unknowns[$0] }) else { return nil }
        let found = Dictionary(uniqueKeysWithValues: zip(bound, intervals))
        // A hidden count in no relation is bound by nothing.
        return cells.map { found[$0] ?? 0...Double.infinity }
    }

    /// The count to hide to widen a weak count's interval: among the open counts above zero in its
    /// relations (or, when they are all hidden, in any relation), the smallest that makes it wide
    /// enough, or else the one that widens it most.
    private func widening(
        _ weak: Position,
        from current: Double,
        _ grid: Grid,
        _ relations: [[Position]]
    ) -> Position? {
        func open(_ members: [Position]) -> [Position] {
            members.filter { !grid.hidden[$0.row][$0.column] && (grid.values[$0.row][$0.column] ?? 0) > 0 }
        }
        var candidates = open(relations.filter { $0.contains(weak) }.flatMap { $0 })
        if candidates.isEmpty { candidates = open(relations.flatMap { $0 }) }
        let required = requiredWidth(of: weak, grid, relations)
        var best: (position: Position, width: Double, value: Int)?
        for candidate in Set(candidates).sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            var trial = grid
            trial.hidden[candidate.row][candidate.column] = true
            let widened = width(of: weak, trial, relations)
            let value = grid.values[candidate.row][candidate.column] ?? 0
            let enough = widened >= required
            if let current = best {
                let currentEnough = current.width >= required
                let better =
                    enough
                    ? (!currentEnough || value < current.value)
                    : (!currentEnough && widened > current.width)
                if !better { continue }
            }
            best = (candidate, widened, value)
        }
        guard let best, best.width > current || best.width >= required else {
            return nil
        }
        return best.position
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
        return grid.isUnprotectable || (counts > 2 && Double(hidden) > Double(counts) * Self.withheldShare)
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
