public import Domain
public import Foundation

/// A table file: its name, such as `domain.agency.csv`, and its text.
public struct TableFile: Hashable, Sendable {
    /// The file's name.
    public var name: String
    /// Its contents.
    public var data: Data

    /// Creates a file.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    /// Creates a file from text.
    public init(name: String, text: String) {
        self.init(name: name, data: Data(text.utf8))
    }
}

/// One thing wrong in a table: where (file, line, column, field), the value and what was expected.
public struct TableProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line, from 1; `nil` for the file as a whole.
    public var line: Int?
    /// The column, from 1.
    public var column: Int?
    /// The column's name.
    public var field: String?
    /// The value found.
    public var value: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a problem.
    public init(
        file: String,
        line: Int? = nil,
        column: Int? = nil,
        field: String? = nil,
        value: String? = nil,
        message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.message = message
    }

    /// `domain.meeting.csv: line 4, column 3 (group): …`.
    public var description: String {
        var place = file
        if let line { place += ": line \(line)" }
        if let column { place += ", column \(column)" }
        if let field { place += " (\(field))" }
        return "\(place): \(message)"
    }
}

/// A record read from a table, with where it came from and the version it was exported at.
public struct TableRow: Sendable {
    /// The record.
    public var record: any StorableRecord
    /// The version of the record the row was exported from; `nil` for a row of a new record.
    public var storedVersion: Int?
    /// The file it was read from.
    public var file: String
    /// The line it was read from.
    public var line: Int
    /// The records its top-level fields name, by column.
    var references: [(column: String, reference: RecordReference)] = []
    /// The header's column names, to place a problem found after reading.
    var columnNames: [String] = []
}

/// Every record kind as a CSV table, one file per kind, and observations as one more: the way a
/// partnership's records go out to a spreadsheet and come back.
///
/// A table's columns are the record's fields, in the record's own order, then `stored version`,
/// the version the row was exported at. A text field is its cell; a number, a true-or-false, a day
/// or an id is written as text; a list of ids or codes is written `police;council`; anything else
/// nested is JSON in its cell.
///
/// ```swift
/// let tables = RecordTables(types: framework.recordTypes)
/// let files = try tables.files(of: try await store.snapshot())
/// let imported = try await tables.importFiles(files, into: environment.records, by: qaLead)
/// ```
public struct RecordTables: Sendable {
    /// The record types, each with a table.
    public let types: [any StorableRecord.Type]
    /// The column that holds the version a row was exported at.
    public static let versionColumn = "stored version"
    /// The file that holds the observations of every measure.
    public static let observationsFile = "observations.csv"
    /// The columns of the observations table.
    public static let observationColumns = [
        "measure", "scope", "period", "value", "numerator", "denominator", "status",
    ]

    /// Creates the tables of the record types.
    public init(types: [any StorableRecord.Type]) {
        var seen = Set<RecordType>()
        self.types = types.filter { seen.insert($0.recordType).inserted }
    }

    /// The file of a record type, such as `domain.agency.csv`.
    public static func fileName(of type: any StorableRecord.Type) -> String { "\(type.recordType).csv" }

    /// The type whose table a file is.
    func type(named file: String) -> (any StorableRecord.Type)? {
        types.first { Self.fileName(of: $0) == file }
    }
}
