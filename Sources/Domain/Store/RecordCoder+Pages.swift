extension RecordCoder {
    /// Every record a query matches, with its version, read a page at a time: as pages of payload
    /// bytes where the store offers them, as pages of stored records otherwise.
    package static func readWhole<Record: StorableRecord>(
        _ type: Record.Type,
        _ query: RecordQuery,
        from store: any PagedRecordStore
    ) async throws -> (values: [Record], versions: [Int]) {
        var versions: [Int] = []
        guard let payloads = store as? any PayloadPagedRecordStore else {
            let values = try await readPaged(query, from: store) { page in
                versions.append(contentsOf: page.map(\.version))
                return try await decodeConcurrently(type, from: page).values
            }
            return (values, versions)
        }
        let values = try await readPayloadPages(query, from: payloads) { page in
            versions.append(contentsOf: page.versions)
            return try await decodeConcurrently(type, from: page)
        }
        return (values, versions)
    }

    /// Part of every record a query matches, read a page at a time as whole records are read by the
    /// method before.
    package static func readWhole<Projection: RecordProjection>(
        _ projection: Projection.Type,
        _ query: RecordQuery,
        from store: any PagedRecordStore
    ) async throws -> [Projection] {
        guard let payloads = store as? any PayloadPagedRecordStore else {
            return try await readPaged(query, from: store) { try await decodeConcurrently(projection, from: $0) }
        }
        return try await readPayloadPages(query, from: payloads) { try await decodeConcurrently(projection, from: $0) }
    }

    /// Records read from a store a page of payloads at a time, each page read by `read` while the
    /// store fills the other, so that two pages' memory serves the whole read.
    ///
    /// As ``readPaged(_:from:pageSize:_:)`` does with `StoredRecord`s, the store's reading and the
    /// decoding overlap; here the rows are not made into values at all before they are decoded.
    package static func readPayloadPages<Value>(
        _ query: RecordQuery,
        from store: any PayloadPagedRecordStore,
        pageSize: Int = 16_384,
        _ read: (RecordPayloadPage) async throws -> [Value]
    ) async throws -> [Value] {
        precondition(pageSize > 0, "a page holds at least one record")
        var values: [Value] = []
        var page = RecordPayloadPage(type: query.type)
        var spare = RecordPayloadPage(type: query.type)
        try await store.readPayloads(matching: query, after: nil, limit: pageSize, into: page)
        while true {
            let after = page.count == pageSize ? page.id(at: page.count - 1) : nil
            let filling = spare
            async let next: Void = fill(filling, query, from: store, after: after, limit: pageSize)
            values.append(contentsOf: try await read(page))
            try await next
            swap(&page, &spare)
            if after == nil { return values }
        }
    }

    /// Fills a page with the rows after an id, or leaves it as it is when there is no id: the last
    /// page was short.
    private static func fill(
        _ page: RecordPayloadPage,
        _ query: RecordQuery,
        from store: any PayloadPagedRecordStore,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws {
        guard let id else { return }
        try await store.readPayloads(matching: query, after: id, limit: limit, into: page)
    }

    /// Decodes a page's records, in order, splitting a large page across the cores.
    package static func decodeConcurrently<Record: StorableRecord>(
        _ type: Record.Type,
        from page: RecordPayloadPage
    ) async throws -> [Record] {
        try await inChunks(count: page.count) { try decode(type, row: $0, of: page, decoder: $1) }
    }

    /// Reads part of a page's records, in order, splitting a large page across the cores.
    package static func decodeConcurrently<Projection: RecordProjection>(
        _ projection: Projection.Type,
        from page: RecordPayloadPage
    ) async throws -> [Projection] {
        try await inChunks(count: page.count) { try decode(projection, row: $0, of: page, decoder: $1) }
    }

    /// Decodes a page's row where it lies; a row of another type or schema version takes the
    /// stored record's path, with its checks, migrations and errors.
    package static func decode<Record: StorableRecord>(
        _: Record.Type,
        row: Int,
        of page: RecordPayloadPage,
        decoder: RecordJSONDecoder
    ) throws -> Record {
        guard page.type == Record.recordType, page.schemaVersion(at: row) == Record.schemaVersion else {
            return try decode(Record.self, from: page.storedRecord(at: row), decoder: decoder).value
        }
        do {
            return try decoder.decode(Record.self, fromBytes: page.payload(at: row))
        } catch {
            throw DomainError.decoding(error, in: "\(page.reference(at: row))", code: .storeFailed)
        }
    }

    /// Reads part of a page's row where it lies, as ``decode(_:row:of:decoder:)`` decodes a whole one.
    package static func decode<Projection: RecordProjection>(
        _: Projection.Type,
        row: Int,
        of page: RecordPayloadPage,
        decoder: RecordJSONDecoder
    ) throws -> Projection {
        let source = Projection.Source.self
        guard page.type == source.recordType, page.schemaVersion(at: row) == source.schemaVersion else {
            return try decode(Projection.self, from: page.storedRecord(at: row), decoder: decoder)
        }
        do {
            return try decoder.decode(Projection.self, fromBytes: page.payload(at: row))
        } catch {
            throw DomainError.decoding(error, in: "\(page.reference(at: row))", code: .storeFailed)
        }
    }
}
