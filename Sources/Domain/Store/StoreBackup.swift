public import Foundation

/// A store's whole content as a JSON backup file: records, observation series and the change log.
///
/// The format, `qaf-backup` version 1, is lossless: restoring a backup into an empty store and
/// backing that store up again gives the same bytes. Records keep their versions, schema versions,
/// indexed fields and coded payloads exactly; series keep their versions; the change log keeps its
/// sequence numbers, times (seconds since Foundation's reference date, 2001-01-01T00:00:00Z, as
/// stored) and principals.
///
/// ```swift
/// let data = StoreBackup.encode(try await store.snapshot())
/// try data.write(to: backupURL)
/// // …later, into an empty store:
/// try await StoreBackup.restore(try Data(contentsOf: backupURL), source: "backup.json", into: emptyStore)
/// ```
public enum StoreBackup: Sendable {
    /// The format's name, in the file's `format` field.
    public static let format = "qaf-backup"
    /// The format's version, in the file's `version` field.
    ///
    /// Version 2 since change-log entries carry their content digest and hash (``ChangeLogChain``).
    /// A version 1 file has neither; its log is chained when it is restored.
    public static let version = 2

    /// The backup file of a snapshot: JSON with sorted keys, ending with a newline.
    public static func encode(_ snapshot: StoreSnapshot) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every field is a string, a number or a nested value of them: encoding cannot fail.
        var data = (try? encoder.encode(File(snapshot))) ?? Data()
        data.append(0x0A)
        return data
    }

    /// The backup file of a snapshot that verifies (``StoreVerification``), so that a backup never
    /// carries damage forward unnoticed.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the first problems found; nothing is encoded.
    public static func verifiedEncoding(of snapshot: StoreSnapshot) throws(DomainError) -> Data {
        let verification = StoreVerification.of(snapshot)
        guard verification.isSound else { throw StoreRules.unsound(verification, what: "the store") }
        return encode(snapshot)
    }

    /// Reads a backup file.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file's name, for messages.
    ///   - schema: The schema version this build writes of each record type
    ///     (`AssuranceFramework.schemaVersions`); a record written at a newer one is refused before
    ///     anything is restored. Empty: not checked.
    /// - Returns: The snapshot.
    /// - Throws: ``DomainError/Code/invalidInput`` naming the file and the path to the bad field, for
    ///   a file that is not a `qaf-backup` or a malformed field; ``DomainError/Code/schemaTooNew`` for
    ///   a newer format version or a record schema newer than `schema`.
    public static func decode(
        _ data: Data,
        source: String,
        schema: [RecordType: Int] = [:]
    ) throws(DomainError) -> StoreSnapshot {
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw DomainError.decoding(error, in: source)
        }
        guard header.format == format else {
            throw DomainError(
                .invalidInput,
                "\(source): at format: \(DomainError.quote(header.format)) is not a backup; expected \(DomainError.quote(format))"
            )
        }
        guard header.version <= version else {
            throw StoreRules.formatTooNew(source, kind: "backup format", found: header.version, supported: version)
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw DomainError.decoding(error, in: source)
        }
        let snapshot = try file.snapshot(source: source)
        if !schema.isEmpty {
            var stored: [RecordType: Int] = [:]
            for record in snapshot.records { stored[record.type] = max(stored[record.type] ?? 0, record.schemaVersion) }
            do {
                try StoreRules.checkSchema(stored, supported: schema)
            } catch {
                throw DomainError(.schemaTooNew, "\(source): \(error.message)", context: error.context)
            }
        }
        return snapshot
    }

    /// Reads a backup file and restores it into an empty store, in one transaction.
    ///
    /// The store checks the content before writing any of it (``StoreRules/checkedForRestore(_:)``):
    /// a log with a gap or a broken chain, or a record that does not match its last entry, is refused.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file's name, for messages.
    ///   - store: The empty store to fill.
    ///   - schema: As for ``decode(_:source:schema:)``.
    /// - Throws: ``DomainError/Code/invalidInput`` for a malformed file, a file that does not verify
    ///   or a store that is not empty; ``DomainError/Code/schemaTooNew`` for a file or record schema
    ///   newer than this build; the store's error. Nothing is written unless everything is.
    public static func restore(
        _ data: Data,
        source: String,
        into store: any RecordStore,
        schema: [RecordType: Int] = [:]
    ) async throws {
        try await store.restore(try decode(data, source: source, schema: schema))
    }

    private struct Header: Decodable {
        var format: String
        var version: Int
    }

    private struct File: Codable {
        var format = StoreBackup.format
        var version = StoreBackup.version
        var records: [Record]
        var series: [Series]
        var changeLog: [ChangeLogEntry]

        init(_ snapshot: StoreSnapshot) {
            records = snapshot.records.map(Record.init)
            series = snapshot.series.map { Series(series: $0.series, version: $0.version) }
            changeLog = snapshot.changeLog
        }

        func snapshot(source: String) throws(DomainError) -> StoreSnapshot {
            var stored: [StoredRecord] = []
            stored.reserveCapacity(records.count)
            for (index, record) in records.enumerated() {
                stored.append(try record.stored(at: "\(source): at records[\(index)]"))
            }
            return StoreSnapshot(
                records: stored,
                series: series.map { SnapshotSeries(series: $0.series, version: $0.version) },
                changeLog: changeLog
            )
        }
    }

    /// A record, its payload kept as the JSON text the store holds (or Base64 if it is not UTF-8).
    private struct Record: Codable {
        var type: RecordType
        var id: Identifier<AnyRecordKind>
        var version: Int
        var schemaVersion: Int
        var index: RecordIndex
        var payload: String?
        var payloadBase64: String?

        init(_ record: StoredRecord) {
            type = record.type
            id = record.id
            version = record.version
            schemaVersion = record.schemaVersion
            index = record.index
            // The standard library's validating decoder keeps every byte; Foundation's
            // `String(data:encoding:)` drops a leading byte-order mark on Linux, so a payload that
            // began with one came back three bytes shorter.
            if let text = String(validating: record.payload, as: UTF8.self) {
                payload = text
            } else {
                payloadBase64 = record.payload.base64EncodedString()
            }
        }

        func stored(at location: String) throws(DomainError) -> StoredRecord {
            let bytes: Data
            switch (payload, payloadBase64) {
            case (let text?, nil):
                bytes = Data(text.utf8)
            case (nil, let base64?):
                guard let decoded = Data(base64Encoded: base64) else {
                    throw DomainError(.invalidInput, "\(location).payloadBase64: is not Base64")
                }
                bytes = decoded
            default:
                throw DomainError(.invalidInput, "\(location): expected exactly one of payload and payloadBase64")
            }
            return StoredRecord(
                type: type,
                id: id,
                version: version,
                schemaVersion: schemaVersion,
                index: index,
                payload: bytes
            )
        }
    }

    private struct Series: Codable {
        var series: ObservationSeries
        var version: Int
    }
}
