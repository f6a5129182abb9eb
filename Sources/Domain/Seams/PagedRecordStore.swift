/// A store that hands over the records of a query a page at a time, so that a reader of a large
/// type holds two pages of payloads at a time rather than every one of them.
///
/// A view reads a whole type's projection (`view.records(TrackedActionSummary.self, RecordFilter())`)
/// from a store that conforms page by page, decoding each page while the store reads the next: a national tracker's
/// 826,894 actions are 536 MB of payloads, which a whole read holds at once beside the decoded
/// summaries. A store that does not conform is read whole, as before. The SQLite store and the
/// PostgreSQL adapter conform; ``InMemoryStore`` does not, as paging it would save nothing: it holds
/// every payload already, and a whole read shares them.
///
/// The pages of one read are separate reads of the store: a record written between two of them is
/// read as the store held it when its page was read.
///
/// ```swift
/// var after: Identifier<AnyRecordKind>? = nil
/// repeat {
///     let page = try await store.records(matching: query, after: after, limit: 1_000)
///     handle(page)
///     after = page.count == 1_000 ? page.last?.id : nil
/// } while after != nil
/// ```
public protocol PagedRecordStore: RecordStore {
    /// The records that match a query whose ids come after an id (every one for `nil`), in id
    /// order, at most `limit` of them.
    ///
    /// Ids are ordered by their text, byte by byte, as ``RecordStore/records(matching:)`` orders them.
    func records(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws -> [StoredRecord]
}
