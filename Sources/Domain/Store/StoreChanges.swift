/// Record writes and observation appends that a store makes in one transaction: all of them or none.
///
/// ``Records`` builds one from a ``RecordBatch``, so that a service saves a record and the
/// observations it brings (a survey and its results) together.
///
/// ```swift
/// let changes = StoreChanges(records: [.save(stored)], observations: [series], observationMode: .replaceExisting)
/// let applied = try await store.apply(changes, context: context)
/// ```
public struct StoreChanges: Hashable, Sendable {
    /// The record writes, in the order they are applied.
    public var records: [RecordWrite]
    /// The observation series to append, each series at most once.
    public var observations: [ObservationSeries]
    /// What happens to observations already held.
    public var observationMode: ObservationWriteMode

    /// Creates a set of changes.
    ///
    /// - Parameters:
    ///   - records: The record writes, in order.
    ///   - observations: The series to append; each measure and scope at most once.
    ///   - observationMode: Whether a held observation refuses the whole transaction or is replaced.
    public init(
        records: [RecordWrite] = [],
        observations: [ObservationSeries] = [],
        observationMode: ObservationWriteMode = .insertOnly
    ) {
        self.records = records
        self.observations = observations
        self.observationMode = observationMode
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool { records.isEmpty && observations.isEmpty }
}

/// What a store wrote for a ``StoreChanges``.
public struct AppliedChanges: Hashable, Sendable {
    /// Every saved record at its new version, in the order written.
    public var records: [StoredRecord]
    /// What the observation appends did.
    public var observations: ObservationWriteSummary

    /// Creates a result.
    public init(
        records: [StoredRecord] = [],
        observations: ObservationWriteSummary = ObservationWriteSummary(inserted: 0, replaced: 0, series: 0)
    ) {
        self.records = records
        self.observations = observations
    }
}
