import Domain
import Foundation

/// Decodes a record from one row of its table: each top-level field from the cell of its column.
///
/// A text field takes the cell as it is; a number, a true-or-false, a day or an id is read from the
/// cell's text; a list of ids or codes may be written `police;council`; anything else nested is
/// JSON in its cell. The keys the record asks for are recorded, in the order it asks, so that a
/// table's columns follow the record's own order and a column no field reads is refused.
final class RowDecoder {
    let cells: [String: String]
    /// Every key asked for, in order, each once.
    private(set) var asked: [String] = []
    /// The references to other records the row's top-level fields hold, by column.
    private(set) var references: [(column: String, reference: RecordReference)] = []

    init(cells: [String: String]) {
        self.cells = cells
    }

    func decode<Record: Decodable>(_ type: Record.Type) throws -> Record {
        try Record(from: TopDecoder(row: self))
    }

    fileprivate func ask(_ key: String) {
        if !asked.contains(key) { asked.append(key) }
    }

    fileprivate func note<Value>(_ value: Value, column: String) {
        if let referring = value as? any RecordReferring {
            references.append((column, referring.referenced))
        } else if let list = value as? [any RecordReferring] {
            for item in list { references.append((column, item.referenced)) }
        }
    }

    /// A cell's value as a type that is not a plain text, number or truth value: JSON when the cell
    /// holds JSON, otherwise the cell as JSON text, or, for a list, its `;`-separated items.
    static func value<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        let trimmed = text.trimmed
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
            // Checked as strict JSON (no duplicate keys, no NaN), then decoded from the same bytes.
            let data = Data(trimmed.utf8)
            _ = try JSONValue(strict: data)
            return try JSONDecoder().decode(Value.self, from: data)
        }
        // Most cells are one text (an id, a day, a code) or a list of them: read without JSON. A
        // value that will not read so takes the JSON path below, which says what is wrong.
        if let value = try? Value(from: CellDecoder(text: text)) { return value }
        do {
            return try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(JSONValue.string(text)))
        } catch DecodingError.typeMismatch(let expected, _)
            where expected is [Any].Type || "\(expected)".hasPrefix("Array")
        {
            let items =
                trimmed.isEmpty
                ? []
                : trimmed.split(separator: ";").map {
                    JSONValue.string($0.trimmed)
                }
            return try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(JSONValue.array(items)))
        }
    }

    /// A day written DD/MM/YYYY, as a spreadsheet in the United Kingdom saves a day it recognised.
    static func britishDay(_ text: String) -> Day? {
        guard text.utf8.count <= 12, text.utf8.contains(UInt8(ascii: "/")) else { return nil }
        let parts = text.trimmed.split(separator: "/")
        guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]),
            let year = Int(parts[2])
        else { return nil }
        return try? Day(year: year, month: month, day: day)
    }

    private struct TopDecoder: Decoder {
        let row: RowDecoder
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(row: row))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [Any].self,
                .init(codingPath: [], debugDescription: "a record's table row is one record, not a list")
            )
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw DecodingError.typeMismatch(
                String.self,
                .init(codingPath: [], debugDescription: "a record's table row is one record, not one value")
            )
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: RowDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.cells.keys.compactMap { Key(stringValue: $0) } }

        func cell(_ key: Key) -> String? {
            row.ask(key.stringValue)
            return row.cells[key.stringValue]
        }

        func required(_ key: Key) throws -> String {
            guard let text = cell(key) else {
                throw DecodingError.keyNotFound(
                    key,
                    .init(codingPath: [key], debugDescription: "the column is missing")
                )
            }
            return text
        }

        func contains(_ key: Key) -> Bool {
            guard let text = cell(key) else { return false }
            return !text.isEmpty
        }

        func decodeNil(forKey key: Key) throws -> Bool { (cell(key) ?? "").isEmpty }

        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            let text = try required(key)
            guard !text.trimmed.isEmpty else { throw Self.empty(key) }
            return text
        }

        /// The error for an empty cell of a field every record has.
        static func empty(_ key: Key) -> DecodingError {
            DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "the cell is empty"))
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            let text = try required(key).trimmed.lowercased()
            switch text {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default:
                throw DecodingError.typeMismatch(
                    Bool.self,
                    .init(codingPath: [key], debugDescription: "expected true or false")
                )
            }
        }

        func number(_ key: Key) throws -> Double {
            let text = try required(key).trimmed
            guard let value = Double(text), value.isFinite else {
                throw DecodingError.typeMismatch(
                    Double.self,
                    .init(codingPath: [key], debugDescription: "expected a number")
                )
            }
            return value
        }

        func whole<Integer: FixedWidthInteger>(_ key: Key) throws -> Integer {
            let value = try number(key)
            guard value.rounded() == value, let integer = Integer(exactly: value) else {
                throw DecodingError.typeMismatch(
                    Integer.self,
                    .init(codingPath: [key], debugDescription: "expected a whole number")
                )
            }
            return integer
        }

        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try number(key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try number(key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try whole(key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try whole(key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try whole(key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try whole(key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try whole(key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try whole(key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try whole(key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try whole(key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try whole(key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try whole(key) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let text = try required(key)
            let value: T
            do {
                value = try RowDecoder.britishDay(text) as? T ?? RowDecoder.value(T.self, from: text)
            } catch {
                if text.trimmed.isEmpty { throw Self.empty(key) }
                let reason =
                    switch error {
                    case let error as DecodingError: Self.reason(error)
                    case let error as DomainError: "not JSON as written: " + error.message
                    default: "\(error)"
                    }
                throw DecodingError.dataCorrupted(
                    .init(codingPath: [key], debugDescription: reason, underlyingError: error)
                )
            }
            row.note(value, column: key.stringValue)
            return value
        }

        /// What a nested value's decoding said was wrong, in words.
        static func reason(_ error: DecodingError) -> String {
            switch error {
            case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
                let place = context.codingPath.map(\.stringValue).joined(separator: ".")
                return (place.isEmpty ? "" : "at \(place): ") + "expected \(Self.name(type))"
            case .keyNotFound(let key, let context):
                let place = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
                return "\(place) is missing"
            case .dataCorrupted(let context):
                return context.debugDescription
            @unknown default:
                return "\(error)"
            }
        }

        static func name(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "text"
            case is Bool.Type: "true or false"
            case is Double.Type, is Float.Type: "a number"
            case is Int.Type: "a whole number"
            default: "\(type)".contains("Array") ? "a list" : "\(type)"
            }
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(
                [String: Any].self,
                .init(codingPath: [key], debugDescription: "a nested object is written as JSON in its cell")
            )
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [Any].self,
                .init(codingPath: [key], debugDescription: "a nested list is written as JSON in its cell")
            )
        }

        func superDecoder() throws -> any Decoder { TopDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { TopDecoder(row: row) }
    }
}

/// Decodes a value from one cell's text as the JSON path would from the text as a JSON string: a
/// single text value, or, for a list, the cell's `;`-separated items.
private struct CellDecoder: Decoder {
    let text: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: "a text"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let trimmed = text.trimmed
        let items = trimmed.isEmpty ? [] : trimmed.split(separator: ";").map { $0.trimmed }
        return CellList(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { CellText(text: text) }
}

/// One cell's text as a single value: text only, as a JSON string is.
private struct CellText: SingleValueDecodingContainer {
    let text: String
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { text }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: CellDecoder(text: text)) }

    private func mismatch<T>(_ type: T.Type) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a text"))
    }

    func decode(_ type: Bool.Type) throws -> Bool { throw mismatch(type) }
    func decode(_ type: Double.Type) throws -> Double { throw mismatch(type) }
    func decode(_ type: Float.Type) throws -> Float { throw mismatch(type) }
    func decode(_ type: Int.Type) throws -> Int { throw mismatch(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { throw mismatch(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { throw mismatch(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { throw mismatch(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { throw mismatch(type) }
    func decode(_ type: UInt.Type) throws -> UInt { throw mismatch(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw mismatch(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw mismatch(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw mismatch(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw mismatch(type) }
}

/// A cell's `;`-separated items as a list of texts.
private struct CellList: UnkeyedDecodingContainer {
    let items: [String]
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [String]) { self.items = items }

    private mutating func next() throws -> String {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(String.self, .init(codingPath: [], debugDescription: "no more items"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: String.Type) throws -> String { try next() }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: CellDecoder(text: try next())) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: "a text"))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a text"))
    }

    mutating func superDecoder() throws -> any Decoder { CellDecoder(text: try next()) }
}
