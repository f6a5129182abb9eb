/// A linear programme in standard form: the largest value of `objective · x` for `x ≥ 0` with
/// `equations · x = rightSides`, solved by the two-phase simplex method with Bland's rule (which
/// cannot cycle).
///
/// Disclosure control uses it as an attacker would: the hidden counts of a published table are the
/// unknowns, every total an attacker may know is an equation, and the smallest and largest value a
/// hidden count can take (its feasible interval) is two programmes. The tables are small (tens of
/// unknowns), so a dense tableau is enough. The constraint matrices of tables with their margins
/// are totally unimodular, so the optima are whole numbers: they are rounded.
struct LinearProgram {
    /// One row per equation, one column per unknown.
    var equations: [[Double]]
    /// The right side of each equation.
    var rightSides: [Double]

    private static let tolerance = 1e-9

    /// The unknowns' count.
    var width: Int { equations.first?.count ?? 0 }

    /// The largest value of `objective · x`: `nil` when the equations have no solution with `x ≥ 0`,
    /// `.infinity` when the value has no bound.
    func maximum(of objective: [Double]) -> Double? {
        var tableau = Tableau(equations: equations, rightSides: rightSides)
        guard tableau.findFeasibleBasis() else { return nil }
        return tableau.maximise(objective)
    }

    /// The smallest and largest value of each of some unknowns: `nil` when there is no solution.
    func intervals(of unknowns: [Int]) -> [ClosedRange<Double>]? {
        var feasible = Tableau(equations: equations, rightSides: rightSides)
        guard feasible.findFeasibleBasis() else { return nil }
        return unknowns.map { unknown in
            var objective = [Double](repeating: 0, count: width)
            objective[unknown] = 1
            var tableau = feasible
            let largest = tableau.maximise(objective)
            objective[unknown] = -1
            tableau = feasible
            let lower = (-tableau.maximise(objective)).rounded()
            return lower...(largest.isFinite ? largest.rounded() : largest)
        }
    }

    /// A simplex tableau: `rows[i]` holds the coefficients of equation `i` (the original unknowns,
    /// then one artificial per equation) and its right side last.
    private struct Tableau {
        var rows: [[Double]]
        var basis: [Int]
        let unknowns: Int
        var costs: [Double]

        init(equations: [[Double]], rightSides: [Double]) {
            let width = equations.first?.count ?? 0
            unknowns = width
            let count = equations.count
            rows = equations.indices.map { index in
                let sign: Double = rightSides[index] < 0 ? -1 : 1
                var artificial = [Double](repeating: 0, count: count)
                artificial[index] = 1
                return equations[index].map { $0 * sign } + artificial + [rightSides[index] * sign]
            }
            basis = (0..<count).map { width + $0 }
            costs = []
        }

        /// Phase one: a basis of original unknowns, or `false` when the equations have no solution.
        mutating func findFeasibleBasis() -> Bool {
            let columns = unknowns + rows.count
            // Maximise minus the artificials' sum: its reduced costs are each column's sum.
            costs = (0...columns).map { column in
                column >= unknowns && column < columns ? 0 : rows.reduce(0) { $0 + $1[column] }
            }
            pivotToOptimum(enterable: columns)
            guard abs(costs[columns]) < 1e-7 else { return false }
            // Artificials still in the basis at zero: swap each for an original unknown, or drop
            // its equation, which the others imply.
            var index = 0
            while index < rows.count {
                if basis[index] >= unknowns {
                    if let column = (0..<unknowns).first(where: { abs(rows[index][$0]) > Self.tolerance }) {
                        pivot(row: index, column: column)
                    } else {
                        rows.remove(at: index)
                        basis.remove(at: index)
                        continue
                    }
                }
                index += 1
            }
            return true
        }

        /// Phase two from a feasible basis: the largest value of `objective · x`.
        mutating func maximise(_ objective: [Double]) -> Double {
            let last = rows.first.map { $0.count - 1 } ?? unknowns
            costs = [Double](repeating: 0, count: last + 1)
            for column in 0..<unknowns { costs[column] = objective[column] }
            for (row, variable) in basis.enumerated() where variable < unknowns {
                let weight = objective[variable]
                guard weight != 0 else { continue }
                for column in 0...last { costs[column] -= weight * rows[row][column] }
            }
            guard pivotToOptimum(enterable: unknowns) else { return .infinity }
            return -costs[last]
        }

        /// Pivots while a column below `enterable` improves the objective.
        ///
        /// - Returns: `false` when the objective has no bound.
        @discardableResult
        mutating func pivotToOptimum(enterable: Int) -> Bool {
            let last = costs.count - 1
            while let column = (0..<enterable).first(where: { costs[$0] > Self.tolerance }) {
                var leaving: Int?
                var bestRatio = Double.infinity
                for (index, row) in rows.enumerated() where row[column] > Self.tolerance {
                    let ratio = row[last] / row[column]
                    if ratio < bestRatio - Self.tolerance
                        || (abs(ratio - bestRatio) <= Self.tolerance && basis[index] < basis[leaving ?? index])
                    {
                        bestRatio = ratio
                        leaving = index
                    }
                }
                guard let row = leaving else { return false }
                pivot(row: row, column: column)
            }
            return true
        }

        mutating func pivot(row: Int, column: Int) {
            let divisor = rows[row][column]
            rows[row] = rows[row].map { $0 / divisor }
            let pivotRow = rows[row]
            for index in rows.indices where index != row {
                let factor = rows[index][column]
                guard factor != 0 else { continue }
                for entry in rows[index].indices { rows[index][entry] -= factor * pivotRow[entry] }
            }
            let factor = costs[column]
            if factor != 0 {
                for entry in costs.indices { costs[entry] -= factor * pivotRow[entry] }
            }
            basis[row] = column
        }

        private static let tolerance = 1e-9
    }
}
