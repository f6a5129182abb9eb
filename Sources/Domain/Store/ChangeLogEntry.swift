public import Foundation

/// The kind of change a change-log entry records.
public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A record was created (version 1).
    case created
    /// A record was changed.
    case updated
    /// A record was deleted.
    case deleted
    /// Observations were appended to a series.
    case appended
}

/// One entry of the append-only change log.
public struct ChangeLogEntry: Hashable, Sendable, Codable {
    /// The entry's position in the log, from 1.
    public var sequence: Int
    /// When the change was made.
    public var at: Date
    /// Who made it.
    public var principal: Principal.ID
    /// What kind of change it was.
    public var kind: ChangeKind
    /// The record changed; for observations, type `domain.observation-series` and id `measure:scope`.
    public var record: RecordReference
    /// The record's version after the change (for a deletion, the version deleted).
    public var version: Int
    /// A summary, such as `12 observations inserted, 0 replaced`.
    public var summary: String?
    /// The digest of what the change left, as ``ChangeLogChain`` defines it.
    ///
    /// The record as written, the series after the append, or the deletion marker; `nil` for an
    /// entry written before the log was chained.
    public var contentDigest: ChangeLogDigest?
    /// The entry's place in the chain.
    ///
    /// A digest over the previous entry's hash, this entry's fields and its content digest
    /// (``ChangeLogChain/hash(of:after:)``); `nil` only in a backup written before the log was
    /// chained, until it is restored.
    public var hash: ChangeLogDigest?

    /// Creates an entry; a store seals it into the chain with ``ChangeLogChain/sealed(_:content:after:)``.
    public init(
        sequence: Int,
        at: Date,
        principal: Principal.ID,
        kind: ChangeKind,
        record: RecordReference,
        version: Int,
        summary: String? = nil,
        contentDigest: ChangeLogDigest? = nil,
        hash: ChangeLogDigest? = nil
    ) {
        self.sequence = sequence
        self.at = at
        self.principal = principal
        self.kind = kind
        self.record = record
        self.version = version
        self.summary = summary
        self.contentDigest = contentDigest
        self.hash = hash
    }
}
