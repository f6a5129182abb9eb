import Foundation

/// Codes records to and from the store's JSON payloads, migrating older schema versions on load.
package enum RecordCoder {
    /// Codes a record for the store, at the version the writer read: compact JSON with sorted keys,
    /// so the same record is always the same bytes.
    package static func encode<Record: StorableRecord>(_ record: Record, version: Int) throws -> StoredRecord {
        let payload: Data
        do {
            payload = try RecordJSONEncoder().encode(record)
        } catch {
            throw DomainError(.invalidInput, "\(record.reference) could not be coded: \(error)", underlying: error)
        }
        return StoredRecord(
            type: Record.recordType,
            id: record.id.retyped(),
            version: version,
            schemaVersion: Record.schemaVersion,
            index: record.index,
            payload: payload
        )
    }

    /// Decodes many stored records of a type, in order, splitting a large set across the cores:
    /// decoding is most of the cost of reading a partnership's records, and each record decodes alone.
    ///
    /// The values and versions come back apart and each record is copied once, from its chunk into
    /// place: a national tracker's actions are hundreds of megabytes, and every further copy of them
    /// is that much more memory faulted in and retained.
    package static func decodeConcurrently<Record: StorableRecord>(
        _ type: Record.Type,
        from stored: [StoredRecord]
    ) async throws -> (values: [Record], versions: [Int]) {
        let values = try await inChunks(stored) { try decode(type, from: $0, decoder: $1).value }
        return (values, stored.map(\.version))
    }

    /// Reads part of many stored records of a type, in order, splitting a large set across the cores
    /// as ``decodeConcurrently(_:from:)`` does whole records.
    package static func decodeConcurrently<Projection: RecordProjection>(
        _ projection: Projection.Type,
        from stored: [StoredRecord]
    ) async throws -> [Projection] {
        try await inChunks(stored) { try decode(projection, from: $0, decoder: $1) }
    }

    /// Records read from a store a page at a time, each page read by `read` while the store reads the
    /// next, so that at most two pages of payloads are held at once.
    ///
    /// The store and the reader take turns otherwise: reading a page's rows and decoding them each
    /// take about as long for a national tracker, and overlapping them saves most of the shorter.
    package static func readPaged<Value>(
        _ query: RecordQuery,
        from store: any PagedRecordStore,
        pageSize: Int = 65_536,
        _ read: ([StoredRecord]) async throws -> [Value]
    ) async throws -> [Value] {
        precondition(pageSize > 0, "a page holds at least one record")
        var values: [Value] = []
        var page = try await store.records(matching: query, after: nil, limit: pageSize)
        while true {
            let after = page.count == pageSize ? page.last?.id : nil
            async let next = nextPage(query, from: store, after: after, limit: pageSize)
            values.append(contentsOf: try await read(page))
            page = try await next
            if after == nil { return values }
        }
    }

    /// The page after an id, or none when there is no id: the last page was short.
    private static func nextPage(
        _ query: RecordQuery,
        from store: any PagedRecordStore,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws -> [StoredRecord] {
        guard let id else { return [] }
        return try await store.records(matching: query, after: id, limit: limit)
    }

    private static func inChunks<Value: Sendable>(
        _ stored: [StoredRecord],
        _ read: @escaping @Sendable (StoredRecord, RecordJSONDecoder) throws -> Value
    ) async throws -> [Value] {
        try await inChunks(count: stored.count) { try read(stored[$0], $1) }
    }

    /// Reads rows `0..<count` in order, in chunks across the cores when there are many, each chunk
    /// with a decoder of its own.
    static func inChunks<Value: Sendable>(
        count: Int,
        _ read: @escaping @Sendable (Int, RecordJSONDecoder) throws -> Value
    ) async throws -> [Value] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= 2048, cores > 1 else {
            let decoder = RecordJSONDecoder()
            var values: [Value] = []
            values.reserveCapacity(count)
            for row in 0..<count { values.append(try read(row, decoder)) }
            return values
        }
        // Chunks of 1,024, at most one a core at a time, so that the memory in flight stays small
        // however many records there are.
        let chunk = 1024
        var chunks: [[Value]] = Array(repeating: [], count: (count + chunk - 1) / chunk)
        try await withThrowingTaskGroup(of: (Int, [Value]).self) { group in
            var next = 0
            func addChunk() {
                let start = next
                let part = start..<min(start + chunk, count)
                next += chunk
                group.addTask {
                    let decoder = RecordJSONDecoder()
                    var values: [Value] = []
                    values.reserveCapacity(part.count)
                    for row in part { values.append(try read(row, decoder)) }
                    return (start / chunk, values)
                }
            }
            while next < count, next < cores * chunk { addChunk() }
            while let (position, values) = try await group.next() {
                chunks[position] = values
                if next < count { addChunk() }
            }
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        for position in chunks.indices {
            values.append(contentsOf: chunks[position])
            chunks[position] = []
        }
        return values
    }

    /// Decodes a stored record, migrating it when it was written by an older schema.
    ///
    /// - Throws: ``DomainError/Code/schemaTooNew`` when a newer schema wrote it;
    ///   ``DomainError/Code/storeFailed`` when it cannot be decoded or migrated.
    package static func decode<Record: StorableRecord>(
        _: Record.Type,
        from stored: StoredRecord,
        decoder: RecordJSONDecoder = RecordJSONDecoder()
    ) throws -> Versioned<Record> {
        let payload = try currentPayload(of: stored, as: Record.self)
        do {
            return Versioned(try decoder.decode(Record.self, from: payload), version: stored.version)
        } catch {
            throw DomainError.decoding(error, in: "\(stored.reference)", code: .storeFailed)
        }
    }

    /// Reads part of a stored record: the projection's fields, from the payload its source record
    /// type would read (migrated first when an older schema wrote it).
    ///
    /// - Throws: ``DomainError/Code/schemaTooNew`` when a newer schema wrote it;
    ///   ``DomainError/Code/storeFailed`` when it is not of the projection's source type, or cannot
    ///   be read or migrated.
    package static func decode<Projection: RecordProjection>(
        _: Projection.Type,
        from stored: StoredRecord,
        decoder: RecordJSONDecoder = RecordJSONDecoder()
    ) throws -> Projection {
        let payload = try currentPayload(of: stored, as: Projection.Source.self)
        do {
            return try decoder.decode(Projection.self, from: payload)
        } catch {
            throw DomainError.decoding(error, in: "\(stored.reference)", code: .storeFailed)
        }
    }

    /// A stored record's payload at the schema version this build of its type reads.
    private static func currentPayload<Record: StorableRecord>(
        of stored: StoredRecord,
        as _: Record.Type
    ) throws -> Data {
        guard stored.type == Record.recordType else {
            throw DomainError(
                .storeFailed,
                "\(stored.reference) was read as \(Record.recordType); the store returned the wrong type"
            )
        }
        if stored.schemaVersion > Record.schemaVersion {
            throw StoreRules.schemaTooNew(stored.type, stored: stored.schemaVersion, supported: Record.schemaVersion)
        }
        if stored.schemaVersion < Record.schemaVersion { return try migrate(Record.self, stored) }
        return stored.payload
    }

    private static func migrate<Record: StorableRecord>(_: Record.Type, _ stored: StoredRecord) throws -> Data {
        var json = try JSONValue.decode(stored.payload)
        var version = stored.schemaVersion
        let steps = Record.migrations.keyed(by: \.from)
        while version < Record.schemaVersion {
            guard let step = steps[version] else {
                throw DomainError(
                    .storeFailed,
                    "\(stored.reference) is at schema version \(version) and \(Record.recordType) registers no "
                        + "migration from it to version \(version + 1)"
                )
            }
            do {
                json = try step.migrate(json)
            } catch {
                throw DomainError(
                    .storeFailed,
                    "\(stored.reference) could not be migrated from schema version \(version): \(error)",
                    underlying: error
                )
            }
            version += 1
        }
        return try RecordJSONEncoder().encode(json)
    }
}
