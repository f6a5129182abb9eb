public import Domain
public import Foundation

/// A store that hands every call to another store, except those it implements itself: for a test
/// that makes a store misbehave in one way, or counts one kind of call, without writing out the rest.
///
/// ```swift
/// struct DiskFullStore: ForwardingStore {
///     let wrapped: any RecordStore = InMemoryStore()
///     func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
///         throw DomainError(.storeFailed, "the disk is full")
///     }
/// }
/// ```
public protocol ForwardingStore: RecordStore {
    /// The store that answers every call the forwarding store does not implement itself.
    var wrapped: any RecordStore { get }
}

extension ForwardingStore {
    /// The wrapped store's record.
    public func record(_ reference: RecordReference) async throws -> StoredRecord? {
        try await wrapped.record(reference)
    }

    /// The wrapped store's records.
    public func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        try await wrapped.records(matching: query)
    }

    /// The wrapped store's transaction.
    public func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        try await wrapped.apply(changes, context: context)
    }

    /// The wrapped store's change log of a record.
    public func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        try await wrapped.changeLog(for: reference)
    }

    /// The wrapped store's change log between two instants.
    public func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        try await wrapped.changeLog(from: start, to: end)
    }

    /// The wrapped store's schema versions.
    public func storedSchemaVersions() async throws -> [RecordType: Int] {
        try await wrapped.storedSchemaVersions()
    }

    /// The wrapped store's observation series.
    public func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        try await wrapped.observationSeries(matching: query)
    }

    /// The wrapped store's snapshot.
    public func snapshot() async throws -> StoreSnapshot { try await wrapped.snapshot() }

    /// Restores into the wrapped store.
    public func restore(_ snapshot: StoreSnapshot) async throws { try await wrapped.restore(snapshot) }
}
