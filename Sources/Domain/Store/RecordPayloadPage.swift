import Foundation

/// A store that can hand over a page of a query's rows as their ids, versions and payload bytes
/// laid end to end in memory the reader reuses, rather than as a `StoredRecord` each.
///
/// A whole national type read as `StoredRecord`s makes a `Data`, an id `String` and an index's
/// texts for each of 826,894 actions, then frees them as soon as the payloads are decoded: most of
/// the time of reading the rows went to allocating, faulting in and freeing that memory, not to the
/// database. A page here is two buffers and a few arrays, filled again for each page, and a decoder
/// reads each payload where it lies.
package protocol PayloadPagedRecordStore: PagedRecordStore {
    /// Fills a page with the rows of a query whose ids come after an id (every one for `nil`), in
    /// id order, at most `limit` of them, in place of the rows it held.
    ///
    /// The rows are those ``PagedRecordStore/records(matching:after:limit:)`` would return, with the
    /// same ids, versions, schema versions and payload bytes.
    func readPayloads(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int,
        into page: RecordPayloadPage
    ) async throws
}

/// The rows of one page of a query: ids and payloads as bytes in one buffer, and where each lies.
///
/// A page is filled by one store read and then read by one reader (which may read its rows from
/// several tasks at once, none writing), and is filled again only after every reader is done: so
/// it is handed between tasks unchecked.
package final class RecordPayloadPage: @unchecked Sendable {
    /// The type of the records on the page.
    package private(set) var type: RecordType

    private var bytes: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    /// For each row: where its id starts, where its payload starts, and where its payload ends
    /// (the next row's id starts there).
    private var idStarts: [Int] = []
    private var payloadStarts: [Int] = []
    private var payloadEnds: [Int] = []
    /// Each row's version and schema version.
    package private(set) var versions: [Int] = []
    private var schemaVersions: [Int] = []

    /// An empty page with room for `capacity` bytes of ids and payloads before it grows.
    package init(type: RecordType, capacity: Int = 1 << 20) {
        self.type = type
        self.capacity = max(capacity, 64)
        bytes = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { bytes.deallocate() }

    /// The number of rows on the page.
    package var count: Int { versions.count }

    /// Empties the page for a store to fill with rows of a type, keeping its memory.
    package func removeAll(type: RecordType) {
        self.type = type
        used = 0
        idStarts.removeAll(keepingCapacity: true)
        payloadStarts.removeAll(keepingCapacity: true)
        payloadEnds.removeAll(keepingCapacity: true)
        versions.removeAll(keepingCapacity: true)
        schemaVersions.removeAll(keepingCapacity: true)
    }

    /// Adds a row after the last, copying its id's UTF-8 bytes and its payload's bytes.
    package func append(id: UnsafeRawBufferPointer, version: Int, schemaVersion: Int, payload: UnsafeRawBufferPointer) {
        reserve(id.count + payload.count)
        idStarts.append(used)
        copy(id)
        payloadStarts.append(used)
        copy(payload)
        payloadEnds.append(used)
        versions.append(version)
        schemaVersions.append(schemaVersion)
    }

    private func copy(_ source: UnsafeRawBufferPointer) {
        if let base = source.baseAddress, !source.isEmpty {
            (bytes + used).copyMemory(from: base, byteCount: source.count)
        }
        used += source.count
    }

    private func reserve(_ more: Int) {
        guard used + more > capacity else { return }
        let grown = max(capacity * 2, used + more)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        moved.copyMemory(from: bytes, byteCount: used)
        bytes.deallocate()
        bytes = moved
        capacity = grown
    }

    /// A row's id.
    package func id(at row: Int) -> Identifier<AnyRecordKind> {
        let text = UnsafeRawBufferPointer(start: bytes + idStarts[row], count: payloadStarts[row] - idStarts[row])
        return Identifier(unchecked: String(decoding: text, as: UTF8.self))
    }

    /// A reference to a row's record.
    package func reference(at row: Int) -> RecordReference { RecordReference(type: type, id: id(at: row)) }

    /// A row's schema version.
    package func schemaVersion(at row: Int) -> Int { schemaVersions[row] }

    /// A row's payload bytes, valid until the page is emptied or filled again.
    package func payload(at row: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes + payloadStarts[row], count: payloadEnds[row] - payloadStarts[row])
    }

    /// A row as a stored record, with no indexed fields: what migrating an older payload and
    /// naming a row in an error need.
    package func storedRecord(at row: Int) -> StoredRecord {
        StoredRecord(
            type: type,
            id: id(at: row),
            version: versions[row],
            schemaVersion: schemaVersions[row],
            index: RecordIndex(),
            payload: Data(payload(at: row))
        )
    }
}
