public import Domain
import Foundation

/// What importing tables wrote, or would write on a dry run.
public struct TableImport: Hashable, Sendable {
    /// The records added.
    public var added: [RecordReference] = []
    /// The records changed: each a new version with its change-log entry.
    public var changed: [RecordReference] = []
    /// The records the tables hold as the store does.
    public var unchanged = 0
    /// The observations added or changed.
    public var observations = 0

    /// Whether the import writes nothing.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && observations == 0 }
}

extension RecordTables {
    /// Reads table files: every row of every file decoded as its kind's record, every problem
    /// collected with its file, line, column and field.
    public func read(_ files: [TableFile]) -> (rows: [TableRow], series: [ObservationSeries], problems: [TableProblem])
    {
        var rows: [TableRow] = []
        var series: [ObservationSeries] = []
        var problems: [TableProblem] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            let csv: [CSVRow]
            do {
                csv = try CSVText.rows(file.data)
            } catch {
                problems.append(
                    TableProblem(file: file.name, line: error.line, column: error.column, message: error.message)
                )
                continue
            }
            if file.name == Self.observationsFile {
                let read = Self.readObservations(csv, file: file.name)
                series += read.series
                problems += read.problems
                continue
            }
            guard let type = type(named: file.name) else {
                problems.append(
                    TableProblem(
                        file: file.name,
                        message: "is no table of the composed modules; expected a file such as "
                            + types.prefix(3).map(Self.fileName).joined(separator: ", ")
                            + " (qaf export --tables writes one of each), or \(Self.observationsFile)"
                    )
                )
                continue
            }
            let read = Self.readRows(of: type, csv, file: file.name)
            rows += read.rows
            problems += read.problems
        }
        return (rows, series, problems)
    }

    static func readRows(
        of type: any StorableRecord.Type,
        _ csv: [CSVRow],
        file: String
    ) -> (rows: [TableRow], problems: [TableProblem]) {
        guard let header = csv.first else {
            return ([], [TableProblem(file: file, line: 1, message: "is empty; expected a header row of column names")])
        }
        let names = header.cells.map(\.trimmed)
        var problems = duplicateColumns(names, header: header, file: file)
        var rows: [TableRow] = []
        var ids: [String: Int] = [:]
        for line in csv.dropFirst() where !line.cells.allSatisfy(\.isEmpty) {
            let read = readRow(of: type, line, header: header, names: names, file: file)
            problems += read.problems
            guard let row = read.row else { continue }
            let id = row.record.reference.id.rawValue
            if let first = ids[id] {
                problems.append(
                    TableProblem(
                        file: file,
                        line: line.line,
                        field: "id",
                        value: id,
                        message: "the id \(DomainError.quote(id)) is given twice, first on line \(first); give each "
                            + "record once"
                    )
                )
                continue
            }
            ids[id] = line.line
            rows.append(row)
        }
        if !problems.isEmpty { rows = [] }
        return (rows, problems.uniqued())
    }

    private static func duplicateColumns(_ names: [String], header: CSVRow, file: String) -> [TableProblem] {
        names.enumerated().compactMap { index, name in
            guard names.firstIndex(of: name) != index else { return nil }
            return TableProblem(
                file: file,
                line: header.line,
                column: index + 1,
                field: name,
                message: "the column is named twice"
            )
        }
    }

    /// One data row as a record, or the problems that stop it being one.
    private static func readRow(
        of type: any StorableRecord.Type,
        _ line: CSVRow,
        header: CSVRow,
        names: [String],
        file: String
    ) -> (row: TableRow?, problems: [TableProblem]) {
        var cells: [String: String] = [:]
        for (index, name) in names.enumerated() where index < line.cells.count && name != versionColumn {
            cells[name] = line.cells[index]
        }
        if line.cells.count > names.count, line.cells[names.count...].contains(where: { !$0.isEmpty }) {
            let message = "the row has \(line.cells.count) cells and the header \(names.count) columns"
            return (nil, [TableProblem(file: file, line: line.line, column: names.count + 1, message: message)])
        }
        let decoder = RowDecoder(cells: cells)
        let record: any StorableRecord
        do {
            record = try decodeRow(type, decoder)
        } catch {
            return (nil, [problem(error, file: file, line: line.line, names: names, cells: cells)])
        }
        var problems: [TableProblem] = []
        for (index, name) in names.enumerated() where name != versionColumn && !decoder.asked.contains(name) {
            problems.append(
                TableProblem(
                    file: file,
                    line: header.line,
                    column: index + 1,
                    field: name,
                    message: "no field of a \(type.recordType) is named \(DomainError.quote(name)); expected one of "
                        + decoder.asked.joined(separator: ", ")
                )
            )
        }
        switch storedVersion(line, names: names, file: file) {
        case .failure(let problem):
            return (nil, problems + [problem])
        case .success(let version):
            var row = TableRow(record: record, storedVersion: version, file: file, line: line.line)
            row.references = decoder.references
            row.columnNames = names
            return (row, problems)
        }
    }

    /// The row's stored-version cell: the version it was exported at, or nothing for a new record.
    private static func storedVersion(_ line: CSVRow, names: [String], file: String) -> Result<Int?, TableProblem> {
        guard let index = names.firstIndex(of: versionColumn), index < line.cells.count else { return .success(nil) }
        let text = line.cells[index].trimmed
        if text.isEmpty { return .success(nil) }
        guard let number = Int(text), number >= 0 else {
            return .failure(
                TableProblem(
                    file: file,
                    line: line.line,
                    column: index + 1,
                    field: versionColumn,
                    value: text,
                    message: "\(DomainError.quote(text)) is not a version; expected a whole number, or nothing for a "
                        + "new record"
                )
            )
        }
        return .success(number)
    }

    /// A decoding error as a problem at its column.
    static func problem(
        _ error: any Error,
        file: String,
        line: Int,
        names: [String],
        cells: [String: String]
    ) -> TableProblem {
        func at(_ key: (any CodingKey)?, _ message: String) -> TableProblem {
            let field = key?.stringValue
            let column = field.flatMap { names.firstIndex(of: $0) }.map { $0 + 1 }
            return TableProblem(
                file: file,
                line: line,
                column: column,
                field: field,
                value: field.flatMap { cells[$0] },
                message: (field.flatMap { cells[$0] }.map { "\(DomainError.quote($0)): " } ?? "") + message
            )
        }
        switch error {
        case DecodingError.keyNotFound(let key, _):
            return at(key, "the column \(DomainError.quote(key.stringValue)) is missing or empty; it is required")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return at(context.codingPath.first, context.debugDescription)
        case let error as DomainError:
            return at(nil, error.message)
        default:
            return at(nil, "\(error)")
        }
    }
}

extension Array where Element == TableProblem {
    func uniqued() -> [TableProblem] {
        var seen = Set<TableProblem>()
        return filter { seen.insert($0).inserted }
    }
}
