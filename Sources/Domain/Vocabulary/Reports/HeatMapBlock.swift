/// A grid whose cells are coloured by RAG, such as ratings by standard and sector.
public struct HeatMapBlock: Hashable, Sendable {
    /// A cell of the grid.
    public struct Cell: Hashable, Sendable {
        /// Its colour.
        public var rag: RAG?
        /// Its value.
        public var value: ReportCell
        /// Creates a cell.
        public init(rag: RAG?, value: ReportCell) {
            self.rag = rag
            self.value = value
        }
    }

    /// A row of the grid.
    public struct Row: Hashable, Sendable {
        /// The row's label.
        public var label: String
        /// Its cells, one per column.
        public var cells: [Cell]
        /// Creates a row.
        public init(label: String, cells: [Cell]) {
            self.label = label
            self.cells = cells
        }
    }

    /// The caption.
    public var caption: String
    /// The heading over the row labels.
    public var rowHeading: String
    /// The column headings.
    public var columns: [String]
    /// The rows.
    public var rows: [Row]

    /// Creates a heat map.
    public init(caption: String, rowHeading: String, columns: [String], rows: [Row]) {
        self.caption = caption
        self.rowHeading = rowHeading
        self.columns = columns
        self.rows = rows
    }
}
