import Testing

@testable import Reporting

/// The simplex solver behind the disclosure audit, checked against every whole-number solution of
/// small tables found by enumeration.
struct LinearProgramTests {
    /// A 3 × 3 table with its margins known and some cells hidden: each hidden cell's interval by
    /// the solver equals the smallest and largest value among all solutions found by enumeration.
    @Test(arguments: [
        ([[1, 4, 2], [3, 0, 6], [2, 5, 1]], [(0, 0), (0, 1), (1, 0), (1, 1)]),
        ([[1, 4, 2], [3, 0, 6], [2, 5, 1]], [(0, 0), (0, 2), (2, 0), (2, 2), (1, 1)]),
        ([[2, 9, 3], [7, 1, 8], [4, 6, 5]], [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 2)]),
        ([[5, 1, 0], [0, 3, 2], [1, 1, 1]], [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 2), (2, 1)]),
    ])
    func intervalsMatchEnumeration(values: [[Int]], hidden: [(Int, Int)]) {
        let cells = hidden.map { (row: $0.0, column: $0.1) }
        var program = LinearProgram(equations: [], rightSides: [])
        for line in 0..<3 {
            for isRow in [true, false] {
                let members = cells.indices.filter { isRow ? cells[$0].row == line : cells[$0].column == line }
                guard !members.isEmpty else { continue }
                var equation = [Double](repeating: 0, count: cells.count)
                for member in members { equation[member] = 1 }
                program.equations.append(equation)
                program.rightSides.append(Double(members.reduce(0) { $0 + values[cells[$1].row][cells[$1].column] }))
            }
        }
        let intervals = program.intervals(of: Array(cells.indices))
        // Enumeration: every assignment of whole numbers to the hidden cells that keeps every margin.
        var lowest = [Int](repeating: .max, count: cells.count)
        var highest = [Int](repeating: .min, count: cells.count)
        var assignment = [Int](repeating: 0, count: cells.count)
        func search(_ index: Int) {
            guard index < cells.count else {
                let satisfies = zip(program.equations, program.rightSides).allSatisfy { equation, total in
                    zip(equation, assignment).reduce(0) { $0 + $1.0 * Double($1.1) } == total
                }
                guard satisfies else { return }
                for cell in cells.indices {
                    lowest[cell] = min(lowest[cell], assignment[cell])
                    highest[cell] = max(highest[cell], assignment[cell])
                }
                return
            }
            // No cell can exceed the hidden total of its row or column.
            let bound = zip(program.equations, program.rightSides).filter { $0.0[index] == 1 }.map(\.1).min() ?? 0
            for value in 0...Int(bound) {
                assignment[index] = value
                search(index + 1)
            }
        }
        search(0)
        #expect(intervals?.map { Int($0.lowerBound) } == lowest)
        #expect(intervals?.map { Int($0.upperBound) } == highest)
    }

    @Test func contradictoryTotalsHaveNoSolution() {
        let program = LinearProgram(equations: [[1, 1], [1, 1]], rightSides: [3, 4])
        #expect(program.intervals(of: [0]) == nil)
    }

    @Test func anUnboundedUnknownHasNoUpperBound() {
        let program = LinearProgram(equations: [[1, -1]], rightSides: [2])
        #expect(program.intervals(of: [0, 1])?.map(\.lowerBound) == [2, 0])
        #expect(program.intervals(of: [0, 1])?.map(\.upperBound.isInfinite) == [true, true])
    }
}
