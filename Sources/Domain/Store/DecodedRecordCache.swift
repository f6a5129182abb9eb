import Foundation
import Synchronization

/// Decoded records kept between views, so that a host that writes records, runs the cycle and then
/// makes its reports decodes each unchanged record at most once.
///
/// An ``AssuranceEnvironment`` holds one: the records its ``Records`` commit are put into it as
/// written, and every view its framework makes reads from it.
///
/// A cached record is reused only when the store returns exactly the bytes it was decoded from
/// (comparing bytes costs a fraction of decoding them), so a record saved, deleted, restored or
/// migrated since is decoded afresh. Each time a view reads every record of a type, that type's
/// entries are replaced by what the store holds, so deleted records do not linger.
public final class DecodedRecordCache: Sendable {
    private struct Entry {
        var version: Int
        var schemaVersion: Int
        var payload: Data
        var value: any Sendable
    }

    private let entries = Mutex<[RecordType: [Identifier<AnyRecordKind>: Entry]]>([:])

    /// Creates an empty cache.
    public init() {}

    /// Every record of a type as decoded values, reusing those whose stored bytes are unchanged and
    /// decoding the rest on every core.
    func decodeAll<Record: StorableRecord>(
        _ type: Record.Type,
        from stored: [StoredRecord]
    ) async throws -> (values: [Record], versions: [Int]) {
        let held = entries.withLock { $0[Record.recordType] ?? [:] }
        var result: [Record?] = Array(repeating: nil, count: stored.count)
        var misses: [Int] = []
        for (position, record) in stored.enumerated() {
            if let entry = held[record.id], entry.version == record.version,
                entry.schemaVersion == record.schemaVersion,
                entry.payload == record.payload, let value = entry.value as? Record
            {
                result[position] = value
            } else {
                misses.append(position)
            }
        }
        let decoded = try await RecordCoder.decodeConcurrently(type, from: misses.map { stored[$0] })
        for (position, value) in zip(misses, decoded.values) { result[position] = value }
        var fresh: [Identifier<AnyRecordKind>: Entry] = [:]
        fresh.reserveCapacity(stored.count)
        for (record, value) in zip(stored, result) {
            fresh[record.id] = Entry(
                version: record.version,
                schemaVersion: record.schemaVersion,
                payload: record.payload,
                value: value!
            )
        }
        entries.withLock { $0[Record.recordType] = fresh }
        return (result.map { $0! }, stored.map(\.version))
    }

    /// Keeps a record just written, as the store now holds it.
    func prime(_ stored: StoredRecord, value: any Sendable) {
        entries.withLock {
            $0[stored.type, default: [:]][stored.id] = Entry(
                version: stored.version,
                schemaVersion: stored.schemaVersion,
                payload: stored.payload,
                value: value
            )
        }
    }

    /// Forgets a record deleted.
    func forget(_ reference: RecordReference) {
        _ = entries.withLock { $0[reference.type]?.removeValue(forKey: reference.id) }
    }

    /// Forgets every decoded record.
    public func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
