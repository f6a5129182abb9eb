extension DomainError {
    /// What failed, as values a host can act on: which record, which field, where in a file or in a
    /// list, the value and what was expected.
    ///
    /// ```swift
    /// catch let error as DomainError where error.code == .invalidInput {
    ///     highlight(row: error.context.line, column: error.context.field)   // in the host's own form
    /// }
    /// ```
    ///
    /// Every field is optional: an error fills in what it knows.
    public struct Context: Hashable, Sendable {
        /// The record that failed, if one did.
        public var record: RecordReference?
        /// The field, or a JSON path to it such as `responses[3].rating`.
        public var field: String?
        /// The position in a list the caller gave, from 0, such as the fourth answer of a bulk call.
        public var index: Int?
        /// The file or source read, such as `returns.csv` or a sheet's workbook.
        public var file: String?
        /// The sheet of a workbook, for a cell.
        public var sheet: String?
        /// The line (or spreadsheet row), from 1.
        public var line: Int?
        /// The column, from 1.
        public var column: Int?
        /// The offending value, as text.
        public var value: String?
        /// What was expected instead, in words.
        public var expected: String?

        /// Creates a context with what is known.
        public init(
            record: RecordReference? = nil,
            field: String? = nil,
            index: Int? = nil,
            file: String? = nil,
            sheet: String? = nil,
            line: Int? = nil,
            column: Int? = nil,
            value: String? = nil,
            expected: String? = nil
        ) {
            self.record = record
            self.field = field
            self.index = index
            self.file = file
            self.sheet = sheet
            self.line = line
            self.column = column
            self.value = value
            self.expected = expected
        }

        /// Whether nothing is known.
        public var isEmpty: Bool { self == Context() }

        /// This context with every field `more` sets taken from it.
        public func merging(_ more: Context) -> Context {
            Context(
                record: more.record ?? record,
                field: more.field ?? field,
                index: more.index ?? index,
                file: more.file ?? file,
                sheet: more.sheet ?? sheet,
                line: more.line ?? line,
                column: more.column ?? column,
                value: more.value ?? value,
                expected: more.expected ?? expected
            )
        }
    }
}
