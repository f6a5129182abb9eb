import Foundation

/// Typed access to a ``RecordStore``: codes values, checks the access policy and stamps every write
/// with the acting principal and the time.
///
/// ```swift
/// let records = Records(store: InMemoryStore(), clock: .constant(noon))
/// let saved = try await records.save(agency, version: 0, by: lead)       // version 1
/// var changed = saved.value
/// changed.name = "Police (county)"
/// try await records.save(changed, version: saved.version, by: lead)     // version 2
/// try await records.save(changed, version: saved.version, by: lead)     // staleWrite
/// ```
public struct Records: Sendable {
    /// The store.
    public let store: any RecordStore
    /// The access policy.
    public let access: any AccessPolicy
    /// The clock that stamps writes.
    public let clock: DateSource
    /// Where records written are kept decoded, so that views need not decode them again.
    public let decodedRecords: DecodedRecordCache?

    /// Creates typed access over a store.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - access: Who may do what.
    ///   - clock: The clock that stamps writes.
    ///   - decodedRecords: A cache that every committed record is put into, as the views over the
    ///     same store will read it back; an ``AssuranceEnvironment`` passes its own.
    public init(
        store: any RecordStore,
        access: any AccessPolicy = RolePolicy(),
        clock: DateSource = .system,
        decodedRecords: DecodedRecordCache? = nil
    ) {
        self.store = store
        self.access = access
        self.clock = clock
        self.decodedRecords = decodedRecords
    }

    /// The record with an id, or `nil`.
    ///
    /// - Throws: ``DomainError/Code/accessDenied`` when the principal may not read it.
    public func load<Record: StorableRecord>(
        _ type: Record.Type,
        id: Record.ID,
        as principal: Principal
    ) async throws -> Versioned<Record>? {
        guard let stored = try await store.record(RecordReference(type, id: id)) else { return nil }
        let record = try RecordCoder.decode(type, from: stored)
        try access.check(principal, .read, record.value.accessScope, record: stored.reference)
        return record
    }

    /// The record with an id.
    ///
    /// - Throws: ``DomainError/Code/notFound`` when there is none; ``DomainError/Code/accessDenied``
    ///   when the principal may not read it.
    public func require<Record: StorableRecord>(
        _ type: Record.Type,
        id: Record.ID,
        as principal: Principal
    ) async throws -> Versioned<Record> {
        guard let record = try await load(type, id: id, as: principal) else {
            throw DomainError(.notFound, "\(Record.IDKind.noun) \(id) does not exist")
        }
        return record
    }

    /// The records of a type that match a filter and that the principal may read, in id order.
    public func all<Record: StorableRecord>(
        _ type: Record.Type,
        _ filter: RecordFilter = RecordFilter(),
        as principal: Principal
    ) async throws -> [Versioned<Record>] {
        let decoder = RecordJSONDecoder()
        return try await store.records(matching: RecordQuery(Record.recordType, filter)).compactMap { stored in
            let record = try RecordCoder.decode(type, from: stored, decoder: decoder)
            return access.permits(principal, .read, record.value.accessScope) ? record : nil
        }
    }

    /// Saves one record against the version read (0 for a new record).
    ///
    /// - Returns: The record at its new version.
    /// - Throws: ``DomainError/Code/staleWrite`` when the store holds another version;
    ///   ``DomainError/Code/accessDenied`` when the principal may not write it. Nothing is written.
    @discardableResult
    public func save<Record: StorableRecord>(
        _ record: Record,
        version: Int,
        by principal: Principal
    ) async throws -> Versioned<Record> {
        var batch = RecordBatch()
        try batch.save(record, version: version)
        let versions = try await commit(batch, by: principal)
        return Versioned(record, version: versions[record.reference] ?? version + 1)
    }

    /// Loads a record, applies an edit and saves it, in one step: the one way the package's services
    /// change a record.
    ///
    /// ```swift
    /// try await records.modify(Review.self, id: review, by: lead) { $0.status = .closed }
    /// ```
    ///
    /// - Parameters:
    ///   - type: The record's type.
    ///   - id: The record's id.
    ///   - version: The version the caller read, when it read the record earlier; the write is
    ///     refused as stale unless the store still holds it. When `nil`, the version loaded here.
    ///   - action: The access action the change counts as: ``AccessAction/update`` unless it is a
    ///     moderation, a challenge or a decision.
    ///   - principal: Who makes the change.
    ///   - edit: The change; throw to refuse it, and nothing is written.
    /// - Returns: The record at its new version.
    /// - Throws: ``DomainError/Code/notFound``, ``DomainError/Code/accessDenied``,
    ///   ``DomainError/Code/staleWrite``, ``DomainError/Code/unchanged`` when the edit leaves the
    ///   record as it was (no version is spent on nothing), or what `edit` throws.
    @discardableResult
    public func modify<Record: StorableRecord>(
        _ type: Record.Type,
        id: Record.ID,
        expecting version: Int? = nil,
        as action: AccessAction = .update,
        by principal: Principal,
        _ edit: (inout Record) async throws -> Void
    ) async throws -> Versioned<Record> {
        let held = try await require(type, id: id, as: principal)
        var record = held.value
        try await edit(&record)
        let base = version ?? held.version
        var batch = RecordBatch()
        try batch.save(record, version: base, as: action)
        if case .save(let stored) = batch.entries[0].write,
            stored.payload == (try RecordCoder.encode(held.value, version: base)).payload
        {
            throw DomainError(
                .unchanged,
                "\(record.reference) is unchanged: the change sets nothing it does not already hold; nothing is written",
                context: .init(record: record.reference)
            )
        }
        let versions = try await commit(batch, by: principal)
        return Versioned(record, version: versions[record.reference] ?? base + 1)
    }

    /// Deletes a record held at a version.
    ///
    /// - Throws: ``DomainError/Code/staleWrite`` or ``DomainError/Code/accessDenied``; nothing is written.
    public func delete<Record: StorableRecord>(
        _ type: Record.Type,
        id: Record.ID,
        version: Int,
        by principal: Principal
    ) async throws {
        var batch = RecordBatch()
        batch.delete(type, id: id, version: version)
        try await commit(batch, by: principal)
    }

    /// Writes a batch atomically, after checking the principal may make every write in it: the one
    /// door through which every record and observation reaches the store.
    ///
    /// - Returns: The new version of every saved record.
    /// - Throws: ``DomainError/Code/accessDenied`` naming the first refused write, or the store's
    ///   error; nothing is written.
    @discardableResult
    public func commit(_ batch: RecordBatch, by principal: Principal) async throws -> [RecordReference: Int] {
        try await apply(batch, by: principal).versions
    }

    /// Appends observation series, after checking the principal may write each series' scope.
    ///
    /// - Returns: What the append did.
    /// - Throws: ``DomainError/Code/accessDenied`` naming the first refused series; the store's
    ///   refusals (``StoreRules``). Nothing is written.
    @discardableResult
    public func append(
        _ series: [ObservationSeries],
        mode: ObservationWriteMode = .insertOnly,
        by principal: Principal
    ) async throws -> ObservationWriteSummary {
        var batch = RecordBatch()
        try batch.append(series, mode: mode)
        return try await apply(batch, by: principal).observations
    }

    /// The observation series that match a query and whose scope the principal may read.
    public func series(_ query: ObservationQuery = .all, as principal: Principal) async throws -> [ObservationSeries] {
        try await store.observationSeries(matching: query).filter {
            access.permits(principal, .read, Self.scope(of: $0.key))
        }
    }

    /// What the access policy sees of a series: measure data of its agency, if it is an agency's.
    static func scope(of series: SeriesKey) -> AccessScope {
        AccessScope(.measureData, agency: series.scope.agency)
    }

    private func apply(
        _ batch: RecordBatch,
        by principal: Principal
    ) async throws -> (versions: [RecordReference: Int], observations: ObservationWriteSummary) {
        guard !batch.isEmpty else { return ([:], ObservationWriteSummary(inserted: 0, replaced: 0, series: 0)) }
        if !access.isUnrestricted(principal) {
            try await checkRecords(batch, by: principal)
            try checkObservations(batch, by: principal)
        }
        let applied = try await store.apply(
            StoreChanges(
                records: batch.entries.map(\.write),
                observations: batch.observations,
                observationMode: batch.observationMode
            ),
            context: ChangeContext(principal: principal.id, at: clock.now())
        )
        let versions = Dictionary(
            applied.records.map { ($0.reference, $0.version) },
            uniquingKeysWith: { _, last in last }
        )
        if let decodedRecords { prime(decodedRecords, with: batch, versions: versions) }
        return (versions, applied.observations)
    }

    private func checkRecords(_ batch: RecordBatch, by principal: Principal) async throws {
        for entry in batch.entries where !entry.consequential {
            let reference = entry.write.reference
            switch entry.write {
            case .save(let stored):
                if stored.version == 0 {
                    try access.check(principal, .create, entry.scope, record: reference)
                } else {
                    try access.check(principal, entry.action, entry.scope, record: reference)
                    if let held = try await store.record(reference),
                        held.index.agency != entry.scope.agency || held.index.group != entry.scope.group
                    {
                        let heldScope = AccessScope(
                            entry.scope.category,
                            agency: held.index.agency,
                            group: held.index.group
                        )
                        try access.check(principal, entry.action, heldScope, record: reference)
                    }
                }
            case .delete:
                if let held = try await store.record(reference) {
                    try access.check(principal, .delete, try entry.heldScope(held), record: reference)
                }
            }
        }
    }

    private func checkObservations(_ batch: RecordBatch, by principal: Principal) throws {
        let actions: [AccessAction] = batch.observationMode == .replaceExisting ? [.create, .update] : [.create]
        var checked = Set<AccessScope>()
        for series in batch.observations {
            let scope = Self.scope(of: series.key)
            guard checked.insert(scope).inserted else { continue }
            for action in actions {
                try access.check(
                    principal,
                    action,
                    scope,
                    record: RecordReference(type: .observationSeries, id: series.changeLogID)
                )
            }
        }
    }

    private func prime(_ cache: DecodedRecordCache, with batch: RecordBatch, versions: [RecordReference: Int]) {
        for entry in batch.entries {
            switch entry.write {
            case .save(let stored):
                guard let value = entry.value, let version = versions[stored.reference] else { continue }
                var held = stored
                held.version = version
                cache.prime(held, value: value)
            case .delete(let reference, _):
                cache.forget(reference)
            }
        }
    }

    /// The change log of a record the principal may read, oldest first.
    public func history<Record: StorableRecord>(
        of type: Record.Type,
        id: Record.ID,
        as principal: Principal
    ) async throws -> [ChangeLogEntry] {
        let reference = RecordReference(type, id: id)
        if let stored = try await store.record(reference) {
            let record = try RecordCoder.decode(type, from: stored)
            try access.check(principal, .read, record.value.accessScope, record: reference)
        } else {
            try access.check(principal, .read, AccessScope(.finding), record: reference)
        }
        return try await store.changeLog(for: reference)
    }
}
