/// The checks every ``RecordStore`` applies and the errors it throws, so that every store refuses
/// the same writes in the same words, whoever wrote it.
///
/// A store written in another package calls these rather than writing its own messages, and
/// `StoreConformance` (in AssuranceTesting) expects exactly these errors:
///
/// ```swift
/// public func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
///     try StoreRules.validate(changes)
///     for case .save(let record) in changes.records {
///         let held = try versionHeld(of: record.reference)
///         if held ?? 0 != record.version {
///             throw StoreRules.stale(record.reference, expected: record.version, held: held)
///         }
///         // …
///     }
/// }
/// ```
///
/// The rules cover records (``validate(_:)-(StoredRecord)``, ``stale(_:expected:held:)``),
/// observations (``validate(_:)-([ObservationSeries])``), backups (``validate(_:)-(StoreSnapshot)``,
/// ``notEmpty(records:series:changes:)``) and what a store finds when it opens
/// (``checkSchema(_:supported:)``, ``formatTooNew(_:kind:found:supported:)``,
/// ``notOurDatabase(_:found:)``, ``missingTable(_:in:)``).
public enum StoreRules: Sendable {
    /// Checks a record before it is written: a version of 0 or more, a schema version of 1 or more,
    /// and indexed texts every store can hold (``validateIndexedTexts(of:)``).
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the record and what is wrong.
    public static func validate(_ record: StoredRecord) throws(DomainError) {
        try validateIndexedTexts(of: record)
        guard record.version >= 0 else {
            throw DomainError(
                .invalidInput,
                "\(record.reference) has version \(record.version); expected 0 or more",
                context: .init(record: record.reference, field: "version", value: "\(record.version)")
            )
        }
        guard record.schemaVersion >= 1 else {
            throw DomainError(
                .invalidInput,
                "\(record.reference) has schema version \(record.schemaVersion); expected 1 or more",
                context: .init(record: record.reference, field: "schemaVersion", value: "\(record.schemaVersion)")
            )
        }
    }

    /// Checks everything a transaction writes before any of it is written: each saved record
    /// (``validate(_:)-(StoredRecord)``) and the observations (``validate(_:)-([ObservationSeries])``).
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` or ``DomainError/Code/duplicate``, naming what is wrong.
    public static func validate(_ changes: StoreChanges) throws(DomainError) {
        for case .save(let record) in changes.records { try validate(record) }
        try validate(changes.observations)
    }

    /// The error for a save or delete against a version the store no longer holds.
    public static func stale(_ reference: RecordReference, expected: Int, held: Int?) -> DomainError {
        let read = expected == 0 ? "was saved as a new record" : "was written against version \(expected)"
        let holds = held.map { "the store holds version \($0)" } ?? "the store holds no such record"
        return DomainError(
            .staleWrite,
            "\(reference) \(read) but \(holds); reload it and apply the change again",
            context: .init(record: reference, field: "version", value: "\(expected)")
        )
    }
}
