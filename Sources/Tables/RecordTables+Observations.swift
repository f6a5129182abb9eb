import Domain
import Foundation

extension RecordTables {
    /// The observations table: a row per measure, scope and period.
    static func readObservations(
        _ csv: [CSVRow],
        file: String
    ) -> (series: [ObservationSeries], problems: [TableProblem]) {
        guard let header = csv.first else { return ([], []) }
        var problems: [TableProblem] = []
        let names = header.cells.map(\.trimmed)
        guard names == observationColumns else {
            return (
                [],
                [
                    TableProblem(
                        file: file,
                        line: header.line,
                        message: "the header is \(names.joined(separator: ",")); expected "
                            + observationColumns.joined(separator: ",")
                    )
                ]
            )
        }
        var points: [SeriesKey: [SeriesPoint]] = [:]
        var order: [SeriesKey] = []
        for row in csv.dropFirst() where !row.cells.allSatisfy(\.isEmpty) {
            switch observation(row, names: names, file: file) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let (key, point)):
                if points[key] == nil { order.append(key) }
                points[key, default: []].append(point)
            }
        }
        let series = order.map { ObservationSeries(measure: $0.measure, scope: $0.scope, points: points[$0] ?? []) }
        return (problems.isEmpty ? series : [], problems)
    }

    /// One row of the observations table as its series and point.
    private static func observation(
        _ row: CSVRow,
        names: [String],
        file: String
    ) -> Result<(SeriesKey, SeriesPoint), TableProblem> {
        func cell(_ index: Int) -> String { index < row.cells.count ? row.cells[index].trimmed : "" }
        func problem(_ index: Int, _ message: String) -> Result<(SeriesKey, SeriesPoint), TableProblem> {
            .failure(
                TableProblem(
                    file: file,
                    line: row.line,
                    column: index + 1,
                    field: names[index],
                    value: cell(index),
                    message: "\(DomainError.quote(cell(index))): \(message)"
                )
            )
        }
        guard let measure = MeasureID(rawValue: cell(0)) else { return problem(0, "is not a measure id") }
        guard let scope = SeriesScope(cell(1)) else {
            return problem(1, "is not a scope; expected partnership, locality:ID or agency:ID")
        }
        guard let period = try? ReportingPeriod(parsing: cell(2)) else {
            return problem(2, "is not a period; expected such as 2025-04, FY2025-26-Q1 or FY2025-26")
        }
        var numbers: [Double?] = []
        for index in 3...5 {
            if cell(index).isEmpty {
                numbers.append(nil)
            } else if let number = Double(cell(index)), number.isFinite {
                numbers.append(number)
            } else {
                return problem(index, "is not a number")
            }
        }
        guard
            let status = try? JSONDecoder().decode(
                ObservationStatus.self,
                from: JSONEncoder().encode(JSONValue.string(cell(6).isEmpty ? "actual" : cell(6)))
            )
        else {
            return problem(6, "is not a status; expected actual, provisional or a published symbol (c, x, z, u, low)")
        }
        let point = SeriesPoint(
            period: period,
            value: numbers[0],
            numerator: numbers[1],
            denominator: numbers[2],
            status: status
        )
        return .success((SeriesKey(measure, scope), point))
    }
}
