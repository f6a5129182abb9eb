import Foundation

/// Writes to make together: all of them or none.
///
/// ```swift
/// var batch = RecordBatch()
/// try batch.save(assessment, version: 3)
/// try batch.save(recommendation, version: 0)
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

    /// Creates an empty batch.
    public init() {}

    /// Whether the batch holds no writes.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of writes.
    public var count: Int { entries.count }

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
