/// One write in a batch.
public enum RecordWrite: Hashable, Sendable {
    /// Save a record; its ``StoredRecord/version`` is the version the writer read, 0 for a new record.
    case save(StoredRecord)
    /// Delete a record held at a version.
    case delete(RecordReference, version: Int)

    /// The record written.
    public var reference: RecordReference {
        switch self {
        case .save(let record): record.reference
        case .delete(let reference, _): reference
        }
    }
}
