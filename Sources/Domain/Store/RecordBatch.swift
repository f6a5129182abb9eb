import Foundation

/// Writes to make together: all of them or none.
///
/// Records and observations go in one batch alike.
///
/// ```swift
/// var batch = RecordBatch()
/// try batch.save(assessment, version: 3)
/// try batch.save(recommendation, version: 0)
/// try batch.append(survey.observations, mode: .replaceExisting)
/// try await records.commit(batch, by: qaLead)
/// ```
public struct RecordBatch: Sendable {
    struct Entry: Sendable {
        var write: RecordWrite
        var scope: AccessScope
        var action: AccessAction
        var heldScope: @Sendable (StoredRecord) throws -> AccessScope
        /// The record saved, for the decoded-record cache.
        var value: (any Sendable)?
        /// Whether the framework makes this write as a consequence of the others, so that the
        /// writer needs no right to it (placing a recommendation in its work stream).
        var consequential = false
    }

    var entries: [Entry] = []
    /// The observation series to append, each once.
    private(set) var observations: [ObservationSeries] = []
    /// What happens to observations already held.
    private(set) var observationMode: ObservationWriteMode = .insertOnly
    private var observationPositions: [SeriesKey: Int] = [:]

    /// Creates an empty batch.
    public init() {}

    /// Whether the batch holds no writes.
    public var isEmpty: Bool { entries.isEmpty && observations.isEmpty }

    /// The number of writes: records saved or deleted, and observation series appended.
    public var count: Int { entries.count + observations.count }

    /// Adds observation series to append with the batch's records.
    ///
    /// - Parameters:
    ///   - series: The series; a measure and scope already in the batch is merged into it.
    ///   - mode: Whether an observation already held refuses the batch or is replaced; every append
    ///     in one batch has the same mode.
    /// - Throws: ``DomainError/Code/invalidInput`` for an append in another mode than the batch's
    ///   first. A period given twice is refused when the batch is committed.
    public mutating func append(_ series: [ObservationSeries], mode: ObservationWriteMode = .insertOnly) throws {
        guard !series.isEmpty else { return }
        if !observations.isEmpty, mode != observationMode {
            throw DomainError(
                .invalidInput,
                "a batch appends observations in one mode; it has \(observationMode.rawValue) appends and was given "
                    + "\(mode.rawValue) ones: commit them in two batches",
                context: .init(field: "mode", value: mode.rawValue, expected: observationMode.rawValue)
            )
        }
        observationMode = mode
        for incoming in series {
            if let position = observationPositions[incoming.key] {
                observations[position].points += incoming.points
            } else {
                observationPositions[incoming.key] = observations.count
                observations.append(incoming)
            }
        }
    }

    /// Adds a save against the version read (0 for a new record).
    ///
    /// - Parameters:
    ///   - record: The record to save.
    ///   - version: The version read; 0 for a new record.
    ///   - action: The access action the save counts as for an existing record:
    ///     ``AccessAction/update`` unless the change is a moderation, challenge or decision.
    /// - Throws: ``DomainError/Code/invalidInput`` when the record cannot be coded.
    public mutating func save<Record: StorableRecord>(
        _ record: Record,
        version: Int,
        as action: AccessAction = .update
    ) throws {
        let stored = try RecordCoder.encode(record, version: version)
        entries.append(
            Entry(
                write: .save(stored),
                scope: record.accessScope,
                action: action,
                heldScope: Self.scope(of: Record.self),
                value: record
            )
        )
    }

    /// Adds a save the framework makes as a consequence of the batch's other writes.
    ///
    /// Such as a work stream taking in the recommendation the batch raises: the writer's right to the
    /// other writes covers it. The change log records it with the batch, by the same principal.
    package mutating func saveConsequence<Record: StorableRecord>(_ record: Record, version: Int) throws {
        try save(record, version: version)
        entries[entries.count - 1].consequential = true
    }

    /// Adds a deletion of a record held at a version.
    public mutating func delete<Record: StorableRecord>(_ type: Record.Type, id: Record.ID, version: Int) {
        entries.append(
            Entry(
                write: .delete(RecordReference(type, id: id), version: version),
                scope: AccessScope(.referenceData),
                action: .delete,
                heldScope: Self.scope(of: type)
            )
        )
    }

    private static func scope<Record: StorableRecord>(
        of _: Record.Type
    ) -> @Sendable (StoredRecord) throws -> AccessScope {
        { stored in try RecordCoder.decode(Record.self, from: stored).value.accessScope }
    }
}
