public import Domain
import Foundation

extension RecordTables {
    /// Every record of the snapshot in its kind's table, and every observation in the observations
    /// table: one file per kind that has records, rows in id order.
    ///
    /// - Throws: A stored record that does not decode as its type.
    public func files(of snapshot: StoreSnapshot) throws -> [TableFile] {
        let byType = Dictionary(grouping: snapshot.records, by: \.type)
        var files: [TableFile] = []
        for type in types.sorted(by: { $0.recordType.rawValue < $1.recordType.rawValue }) {
            guard let stored = byType[type.recordType], !stored.isEmpty else { continue }
            files.append(try file(of: type, stored.sorted { $0.id < $1.id }))
        }
        let series = snapshot.series.map(\.series)
        if !series.isEmpty { files.append(Self.observationsFile(series)) }
        return files
    }

    /// A kind's table from its stored records.
    func file(of type: any StorableRecord.Type, _ stored: [StoredRecord]) throws -> TableFile {
        var columns: [String] = []
        var known = Set<String>()
        var rows: [([String: String], Int)] = []
        for record in stored {
            let cells = try Self.cells(of: try Self.decode(type, record))
            // The record's own order of fields: the order its decoding asks for them, which the
            // first record shows; a later record adds only fields the first left empty.
            var keys = cells.keys.sorted()
            if columns.isEmpty {
                let probe = RowDecoder(cells: cells)
                _ = try? Self.decodeRow(type, probe)
                keys = probe.asked + keys
            }
            for key in keys where known.insert(key).inserted { columns.append(key) }
            rows.append((cells, record.version))
        }
        let header = columns + [Self.versionColumn]
        let body = rows.map { cells, version in columns.map { cells[$0] ?? "" } + [String(version)] }
        return TableFile(name: Self.fileName(of: type), text: CSVText.text([header] + body))
    }

    static func decode<Record: StorableRecord>(_ type: Record.Type, _ stored: StoredRecord) throws -> Record {
        try RecordCoder.decode(type, from: stored).value
    }

    static func decodeRow<Record: StorableRecord>(_ type: Record.Type, _ row: RowDecoder) throws -> Record {
        try row.decode(type)
    }

    /// A record's top-level fields as cells.
    static func cells(of record: some Encodable) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard case .object(let fields) = try JSONValue(strict: encoder.encode(record)) else { return [:] }
        return fields.compactMapValues(Self.cell)
    }

    /// A value as its cell's text; `nil` for no value.
    static func cell(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .number(let number): return NumberText.shortest(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let items):
            let texts = items.compactMap { item -> String? in
                if case .string(let text) = item, !text.isEmpty, !text.contains(";"), text == text.trimmed,
                    !text.hasPrefix("["), !text.hasPrefix("{")
                {
                    return text
                }
                return nil
            }
            if !items.isEmpty, texts.count == items.count { return texts.joined(separator: ";") }
            return json(value)
        case .object: return json(value)
        }
    }

    static func json(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? ""
    }

    /// Every observation, a row each, in measure, scope and period order.
    static func observationsFile(_ series: [ObservationSeries]) -> TableFile {
        var rows = [observationColumns]
        for held in series.sorted(by: { ($0.measure, $0.scope.description) < ($1.measure, $1.scope.description) }) {
            for point in held.points {
                rows.append([
                    held.measure.rawValue, held.scope.description, point.period.description,
                    point.value.map(NumberText.shortest) ?? "", point.numerator.map(NumberText.shortest) ?? "",
                    point.denominator.map(NumberText.shortest) ?? "", point.status.description,
                ])
            }
        }
        return TableFile(name: observationsFile, text: CSVText.text(rows))
    }
}

extension String {
    /// The text without the spaces and tabs at either end; in Swift, for Foundation's trimming goes
    /// through NSString, which cost a table import a quarter of its time.
    var trimmed: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }
}

extension Substring {
    /// The text without the spaces and tabs at either end.
    var trimmed: String { String(self).trimmed }
}
