/// Which records a query asks for: a type, and any of the indexed fields.
public struct RecordQuery: Hashable, Sendable {
    /// The record type.
    public var type: RecordType
    /// The fields to match.
    public var filter: RecordFilter

    /// Creates a query.
    public init(_ type: RecordType, _ filter: RecordFilter = RecordFilter()) {
        self.type = type
        self.filter = filter
    }

    /// Whether a stored record matches.
    public func matches(_ record: StoredRecord) -> Bool {
        record.type == type && filter.matches(record.index)
    }
}
