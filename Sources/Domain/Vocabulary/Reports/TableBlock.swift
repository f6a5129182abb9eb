/// A table: a caption, columns and rows, with the rows and columns that hold totals.
public struct TableBlock: Hashable, Sendable {
    /// A column.
    public struct Column: Hashable, Sendable, Codable {
        /// The column's heading.
        public var title: String
        /// Whether its values are numbers (aligned right).
        public var numeric: Bool
        /// Creates a column.
        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// The caption, used as the table's accessible name and the CSV file's name.
    public var caption: String
    /// The columns.
    public var columns: [Column]
    /// The rows; the first cell of each row heads it.
    public var rows: [[ReportCell]]
    /// The index of the row that totals the others, if any.
    public var totalRow: Int?
    /// The index of the column that totals the others in its row, if any.
    public var totalColumn: Int?

    /// Creates a table.
    public init(caption: String, columns: [Column], rows: [[ReportCell]], totalRow: Int? = nil, totalColumn: Int? = nil)
    {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totalRow = totalRow
        self.totalColumn = totalColumn
    }
}
