import Foundation

/// How a change-log entry is sealed into the chain, the same in every store.
///
/// Each entry carries two digests. Its *content digest* covers what the change left: the record as
/// written at that version (schema version, indexed fields and payload), the whole series after an
/// append, or a fixed marker for a deletion. Its *hash* covers the previous entry's hash, its own
/// fields (sequence, time, principal, kind, record, version, summary) and the content digest, so
/// the entries form one chain from the first: an entry edited, removed or inserted breaks the chain
/// at that point, and a record changed outside the store no longer matches its last entry.
///
/// The byte layouts are fixed, so a store in another language (the PostgreSQL adapter computes
/// them in SQL) seals entries identically. Integers are big-endian; a text is its UTF-8 length as a
/// 32-bit integer and its bytes, or the length −1 when absent; a number is its IEEE 754 bits.
///
/// - Record content: `R`, schema version (64-bit), agency, group, period (`2025-26` or
///   `2025-26-Q1`), status, due day (`0x00`, or `0x01` and the day as a 64-bit count), parent and
///   key as texts, then the payload's length (64-bit) and bytes.
/// - Series content: `S`, the number of points (64-bit), then for each in period order its period
///   code (64-bit), value, numerator and denominator (`0x00`, or `0x01` and the number's 64 bits) and
///   status code (64-bit).
/// - Deletion: `D`.
/// - Entry hash: the previous entry's hash (32 zero bytes before the first), sequence (64-bit),
///   time (seconds since 2001-01-01T00:00:00Z as a 64-bit float), principal, kind, record type and
///   id as texts, version (64-bit), summary as a text, then `0x00` for an entry written before the
///   log was chained (it recorded no content) or `0x01` and the content digest.
public enum ChangeLogChain: Sendable {
    /// The hash before the first entry: 32 zero bytes.
    public static let origin = ChangeLogDigest(checked: [UInt8](repeating: 0, count: 32))

    /// The content digest of a record as written.
    public static func contentDigest(of record: StoredRecord) -> ChangeLogDigest {
        var bytes: [UInt8] = [UInt8(ascii: "R")]
        bytes.reserveCapacity(record.payload.count + 128)
        append(Int64(record.schemaVersion), to: &bytes)
        append(record.index.agency?.rawValue, to: &bytes)
        append(record.index.group?.rawValue, to: &bytes)
        append(record.index.period?.description, to: &bytes)
        append(record.index.status?.rawValue, to: &bytes)
        if let day = record.index.dueDay {
            bytes.append(1)
            append(Int64(day.daysSinceEpoch), to: &bytes)
        } else {
            bytes.append(0)
        }
        append(record.index.parent?.rawValue, to: &bytes)
        append(record.index.key, to: &bytes)
        append(Int64(record.payload.count), to: &bytes)
        bytes.append(contentsOf: record.payload)
        return .of(bytes)
    }

    /// The content digest of a series' points after an append.
    public static func contentDigest(of points: [SeriesPoint]) -> ChangeLogDigest {
        var content = SeriesContent(count: points.count)
        let ordered =
            zip(points, points.dropFirst()).allSatisfy { $0.period.code < $1.period.code }
            ? points : points.sorted(by: { $0.period.code < $1.period.code })
        for point in ordered {
            content.add(
                period: point.period.code,
                value: point.value,
                numerator: point.numerator,
                denominator: point.denominator,
                status: point.status.code
            )
        }
        return content.digest
    }

    /// A series' content digest built point by point, as a store reads the points back in period
    /// order, without making them ``SeriesPoint`` values.
    public struct SeriesContent: Sendable {
        private var bytes: [UInt8] = [UInt8(ascii: "S")]

        /// Starts the content of a series of `count` points.
        public init(count: Int) {
            bytes.reserveCapacity(count * 43 + 9)
            ChangeLogChain.append(Int64(count), to: &bytes)
        }

        /// Adds the next point, in period order.
        public mutating func add(period: Int64, value: Double?, numerator: Double?, denominator: Double?, status: Int) {
            ChangeLogChain.append(period, to: &bytes)
            append(value)
            append(numerator)
            append(denominator)
            ChangeLogChain.append(Int64(status), to: &bytes)
        }

        /// The digest of the points added.
        public var digest: ChangeLogDigest { .of(bytes) }

        private mutating func append(_ number: Double?) {
            if let number {
                bytes.append(1)
                ChangeLogChain.append(Int64(bitPattern: number.bitPattern), to: &bytes)
            } else {
                bytes.append(0)
            }
        }
    }

    /// The content digest of a deletion.
    public static let deletion = ChangeLogDigest.of([UInt8(ascii: "D")])

    /// The hash an entry should carry after the entry before it.
    ///
    /// - Parameters:
    ///   - entry: The entry; its own ``ChangeLogEntry/hash`` is not read.
    ///   - previous: The previous entry's hash, or ``origin`` for the first entry.
    /// - Returns: The digest of the previous hash, the entry's fields and its content digest.
    public static func hash(of entry: ChangeLogEntry, after previous: ChangeLogDigest) -> ChangeLogDigest {
        var bytes = previous.bytes
        bytes.reserveCapacity(256)
        append(Int64(entry.sequence), to: &bytes)
        append(Int64(bitPattern: entry.at.timeIntervalSinceReferenceDate.bitPattern), to: &bytes)
        append(entry.principal.rawValue, to: &bytes)
        append(entry.kind.rawValue, to: &bytes)
        append(entry.record.type.rawValue, to: &bytes)
        append(entry.record.id.rawValue, to: &bytes)
        append(Int64(entry.version), to: &bytes)
        append(entry.summary, to: &bytes)
        if let content = entry.contentDigest {
            bytes.append(1)
            bytes.append(contentsOf: content.bytes)
        } else {
            bytes.append(0)
        }
        return .of(bytes)
    }

    /// The entry with its content digest and hash filled in, after the entry before it.
    ///
    /// A store calls this for each entry it appends, in sequence order, passing the previous
    /// entry's hash (``origin`` for the first).
    public static func sealed(
        _ entry: ChangeLogEntry,
        content: ChangeLogDigest?,
        after previous: ChangeLogDigest
    ) -> ChangeLogEntry {
        var sealed = entry
        sealed.contentDigest = content
        sealed.hash = hash(of: sealed, after: previous)
        return sealed
    }

    /// A log written before entries were chained, chained now: each entry's hash is computed over
    /// the ones before it, and each keeps no content digest (what it wrote was not recorded).
    public static func chainedWithoutContent(_ log: [ChangeLogEntry]) -> [ChangeLogEntry] {
        var previous = origin
        return log.map { entry in
            let chained = sealed(entry, content: nil, after: previous)
            previous = chained.hash ?? origin
            return chained
        }
    }

    fileprivate static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else {
            append32(-1, to: &bytes)
            return
        }
        let utf8 = text.utf8
        append32(Int32(truncatingIfNeeded: utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    private static func append32(_ value: Int32, to bytes: inout [UInt8]) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
}
