package import Foundation

/// Decodes the store's JSON payloads, the counterpart of ``RecordJSONEncoder``.
///
/// Decoding records was most of the cost of every analysis over a partnership's records. This
/// decoder parses a payload once into a flat array of nodes (no dictionaries, no boxed values), then
/// hands `Decodable` types containers that read straight from it: keys compared as bytes, integers
/// parsed in place, doubles by `strtod` (correctly rounded, as Foundation's decoder is).
///
/// It reads what Foundation's `JSONDecoder` reads with its default strategies, and gives the same
/// values. Where it meets anything it does not handle itself (a malformed payload, a type mismatch,
/// a missing key, a number written with a fraction for an integer), it hands the whole payload to
/// Foundation's decoder, so that results and errors are Foundation's exactly, only slower.
package struct RecordJSONDecoder {
    /// Creates the decoder.
    package init() {}

    /// Decodes a value from JSON.
    ///
    /// - Throws: Foundation's `DecodingError` where the payload does not decode.
    package func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        if let value = try? fastDecode(type, from: data) { return value }
        return try JSONDecoder().decode(type, from: data)
    }

    private func fastDecode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let document = try JSONDocument(data)
        // The decoders hold the document unowned, to spare a retain and release on every value.
        return try withExtendedLifetime(document) { try NodeDecoder(document: document, node: 0).decodeValue(type) }
    }
}

/// Why the fast path gave up; never seen by callers, who get Foundation's decoder's answer instead.
private struct FastPathDeclined: Error {}

/// A parsed payload: the bytes, and a node for every value in document order.
private final class JSONDocument {
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, escapedString, array, object
    }

    struct Node {
        var kind: Kind
        /// For scalars, the first byte; for containers, unused.
        var start: Int32
        /// For scalars, the byte count; for containers, the number of elements (pairs for objects).
        var count: Int32
        /// The index after this node's subtree.
        var end: Int32
    }

    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Set once, when parsing ends, in memory of its own: reading a node takes no exclusivity check
    /// and no retain of an array.
    let nodes: UnsafeMutableBufferPointer<Node>

    init(_ data: Data) throws {
        // One byte more than the payload, zero, so that strtod always stops inside the buffer.
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count + 1)
        _ = bytes.initialize(from: data)
        bytes[data.count] = 0
        self.bytes = bytes
        var parser = JSONParser(bytes: UnsafeBufferPointer(bytes), length: data.count)
        do {
            try parser.parseDocument()
        } catch {
            bytes.deallocate()
            throw error
        }
        nodes = .allocate(capacity: parser.nodes.count)
        _ = nodes.initialize(from: parser.nodes)
    }

    deinit {
        bytes.deallocate()
        nodes.deallocate()
    }

    func string(_ index: Int) throws -> String {
        let node = nodes[index]
        switch node.kind {
        case .string: return try Self.text(raw(node))
        case .escapedString: return try Self.unescape(raw(node))
        default: throw FastPathDeclined()
        }
    }
}

/// Parses a payload into nodes in one pass.
private struct JSONParser {
    typealias Node = JSONDocument.Node
    typealias Kind = JSONDocument.Kind
    let bytes: UnsafeBufferPointer<UInt8>
    let length: Int
    var nodes: [Node] = []

    init(bytes: UnsafeBufferPointer<UInt8>, length: Int) {
        self.bytes = bytes
        self.length = length
        nodes.reserveCapacity(length / 6)
    }

    mutating func parseDocument() throws {
        var position = 0
        try parseValue(&position, depth: 0)
        skipSpace(&position)
        guard position == length else { throw FastPathDeclined() }
    }

    private func skipSpace(_ position: inout Int) {
        while position < length {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(_ position: inout Int, depth: Int) throws {
        guard depth < 512 else { throw FastPathDeclined() }
        skipSpace(&position)
        guard position < length else { throw FastPathDeclined() }
        let index = nodes.count
        switch bytes[position] {
        case UInt8(ascii: "{"):
            nodes.append(Node(kind: .object, start: Int32(position), count: 0, end: 0))
            position += 1
            skipSpace(&position)
            var count: Int32 = 0
            if position < length, bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipSpace(&position)
                    guard position < length, bytes[position] == UInt8(ascii: "\"") else { throw FastPathDeclined() }
                    try parseString(&position)
                    skipSpace(&position)
                    guard position < length, bytes[position] == UInt8(ascii: ":") else { throw FastPathDeclined() }
                    position += 1
                    try parseValue(&position, depth: depth + 1)
                    count += 1
                    skipSpace(&position)
                    guard position < length else { throw FastPathDeclined() }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                    } else if bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        break
                    } else {
                        throw FastPathDeclined()
                    }
                }
            }
            nodes[index].count = count
        case UInt8(ascii: "["):
            nodes.append(Node(kind: .array, start: Int32(position), count: 0, end: 0))
            position += 1
            skipSpace(&position)
            var count: Int32 = 0
            if position < length, bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try parseValue(&position, depth: depth + 1)
                    count += 1
                    skipSpace(&position)
                    guard position < length else { throw FastPathDeclined() }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                    } else if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        break
                    } else {
                        throw FastPathDeclined()
                    }
                }
            }
            nodes[index].count = count
        case UInt8(ascii: "\""):
            try parseString(&position)
            return
        case UInt8(ascii: "n"):
            try literal("null", .null, &position)
        case UInt8(ascii: "t"):
            try literal("true", .true, &position)
        case UInt8(ascii: "f"):
            try literal("false", .false, &position)
        default:
            let start = position
            while position < length, Self.isNumberByte(bytes[position]) { position += 1 }
            guard position > start else { throw FastPathDeclined() }
            nodes.append(Node(kind: .number, start: Int32(start), count: Int32(position - start), end: 0))
        }
        nodes[index].end = Int32(nodes.count)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    private mutating func literal(_ text: StaticString, _ kind: Kind, _ position: inout Int) throws {
        let count = text.utf8CodeUnitCount
        guard position + count <= length else { throw FastPathDeclined() }
        for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] { throw FastPathDeclined() }
        nodes.append(Node(kind: kind, start: Int32(position), count: Int32(count), end: 0))
        position += count
    }

    private mutating func parseString(_ position: inout Int) throws {
        let start = position + 1
        var cursor = start
        var escaped = false
        while true {
            guard cursor < length else { throw FastPathDeclined() }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                cursor += 2
                continue
            }
            guard byte >= 0x20 else { throw FastPathDeclined() }
            cursor += 1
        }
        nodes.append(
            Node(
                kind: escaped ? .escapedString : .string,
                start: Int32(start),
                count: Int32(cursor - start),
                end: Int32(nodes.count + 1)
            )
        )
        position = cursor + 1
    }

}

extension JSONDocument {
    // MARK: Reading values

    func raw(_ node: Node) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.start + node.count)])
    }

    /// Text from bytes: ASCII, the common case, needs no validation.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FastPathDeclined() }
        return text
    }

    static func unescape(_ text: UnsafeBufferPointer<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        func hex(_ at: Int) throws -> UInt32 {
            guard at + 4 <= text.count else { throw FastPathDeclined() }
            var value: UInt32 = 0
            for byte in text[at..<at + 4] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw FastPathDeclined()
                }
                value = value << 4 | digit
            }
            return value
        }
        while index < text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < text.count else { throw FastPathDeclined() }
            let escape = text[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex(index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A surrogate pair: the low half must follow at once.
                    guard index + 6 <= text.count, text[index] == UInt8(ascii: "\\"),
                        text[index + 1] == UInt8(ascii: "u")
                    else { throw FastPathDeclined() }
                    let low = try hex(index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw FastPathDeclined() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw FastPathDeclined()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw FastPathDeclined() }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw FastPathDeclined()
            }
        }
        return try out.withUnsafeBufferPointer { try JSONDocument.text($0) }
    }

    /// Whether an object's key (a string node) is the given key's text.
    func keyMatches(_ index: Int, _ key: String) -> Bool {
        let node = nodes[index]
        if node.kind == .escapedString { return (try? string(index)) == key }
        let start = bytes.baseAddress! + Int(node.start)
        let count = Int(node.count)
        // Keys are short: compared here byte by byte rather than through memcmp.
        let matched = key.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.count == count else { return false }
            for offset in 0..<count where utf8[offset] != start[offset] { return false }
            return true
        }
        return matched ?? key.utf8.elementsEqual(UnsafeBufferPointer(start: start, count: count))
    }

    func integer<Integer: FixedWidthInteger>(_ index: Int, as _: Integer.Type) throws -> Integer {
        let node = nodes[index]
        guard node.kind == .number else { throw FastPathDeclined() }
        let text = raw(node)
        var position = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { position = 1 }
        guard position < text.count else { throw FastPathDeclined() }
        var value: Integer = 0
        while position < text.count {
            let byte = text[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw FastPathDeclined() }
            let digit = Integer(byte - UInt8(ascii: "0"))
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { throw FastPathDeclined() }
            value = next
            position += 1
        }
        return value
    }

    func float(_ index: Int) throws -> Float {
        let node = nodes[index]
        guard node.kind == .number else { throw FastPathDeclined() }
        let start = UnsafeMutableRawPointer(bytes.baseAddress! + Int(node.start)).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtof(start, &end)
        guard let end, end - start == Int(node.count), value.isFinite else { throw FastPathDeclined() }
        return value
    }

    func double(_ index: Int) throws -> Double {
        let node = nodes[index]
        guard node.kind == .number else { throw FastPathDeclined() }
        let start = UnsafeMutableRawPointer(bytes.baseAddress! + Int(node.start)).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(start, &end)
        guard let end, end - start == Int(node.count), value.isFinite else { throw FastPathDeclined() }
        return value
    }
}

/// A decoder positioned on one node of a document.
private struct NodeDecoder: Decoder {
    unowned(unsafe) let document: JSONDocument
    let node: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.nodes[node].kind == .object else { throw FastPathDeclined() }
        return KeyedDecodingContainer(KeyedContainer<Key>(document: document, node: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.nodes[node].kind == .array else { throw FastPathDeclined() }
        return UnkeyedContainer(document: document, node: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValue(document: document, node: node)
    }

    /// Decodes a value here, reading the types Foundation's decoder reads specially as it does.
    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        // Metatype comparisons, not casts: this runs for every value decoded.
        if Value.self == String.self { return try document.string(node) as! Value }
        if Value.self == Int.self { return try document.integer(node, as: Int.self) as! Value }
        if Value.self == Double.self { return try document.double(node) as! Value }
        if Value.self == Bool.self {
            return try SingleValue(document: document, node: node).decode(Bool.self) as! Value
        }
        if Value.self == Data.self {
            guard let data = Data(base64Encoded: try document.string(node)) else { throw FastPathDeclined() }
            return data as! Value
        }
        if Value.self == URL.self {
            guard let url = URL(string: try document.string(node)) else { throw FastPathDeclined() }
            return url as! Value
        }
        if Value.self == Decimal.self {
            let text = document.raw(document.nodes[node])
            guard document.nodes[node].kind == .number,
                let decimal = Decimal(string: String(decoding: text, as: UTF8.self), locale: nil)
            else { throw FastPathDeclined() }
            return decimal as! Value
        }
        return try Value(from: self)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    unowned(unsafe) let document: JSONDocument
    let node: Int

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = node + 1
        let end = Int(document.nodes[node].end)
        while index < end {
            if let text = try? document.string(index), let key = Key(stringValue: text) { keys.append(key) }
            index = Int(document.nodes[index + 1].end)
        }
        return keys
    }

    /// The value node for a key, or `nil` when the object has no such key.
    private func find(_ key: Key) -> Int? {
        var index = node + 1
        let end = Int(document.nodes[node].end)
        let text = key.stringValue
        while index < end {
            if document.keyMatches(index, text) { return index + 1 }
            index = Int(document.nodes[index + 1].end)
        }
        return nil
    }

    private func value(_ key: Key) throws -> Int {
        guard let index = find(key) else { throw FastPathDeclined() }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        // Foundation's decoder throws for a missing key here; its answer is the one given.
        guard let index = find(key) else { throw FastPathDeclined() }
        return document.nodes[index].kind == .null
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = find(key), document.nodes[index].kind != .null else { return nil }
        return try NodeDecoder(document: document, node: index).decodeValue(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try SingleValue(document: document, node: try value(key)).decode(type)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(try value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(try value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try SingleValue(document: document, node: try value(key)).decode(type)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(try value(key), as: type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(try value(key), as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(try value(key), as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(try value(key), as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(try value(key), as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(try value(key), as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(try value(key), as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try document.integer(try value(key), as: type)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try document.integer(try value(key), as: type)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try document.integer(try value(key), as: type)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try NodeDecoder(document: document, node: try value(key)).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(document: document, node: try value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(document: document, node: try value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw FastPathDeclined() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw FastPathDeclined() }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    unowned(unsafe) let document: JSONDocument
    let node: Int
    private var next: Int
    private(set) var currentIndex = 0

    init(document: JSONDocument, node: Int) {
        self.document = document
        self.node = node
        next = node + 1
    }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { Int(document.nodes[node].count) }
    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func advance() throws -> Int {
        guard !isAtEnd else { throw FastPathDeclined() }
        let index = next
        next = Int(document.nodes[index].end)
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw FastPathDeclined() }
        if document.nodes[next].kind == .null {
            _ = try advance()
            return true
        }
        return false
    }

    mutating func decode(_ type: String.Type) throws -> String { try document.string(try advance()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try document.double(try advance()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try document.integer(try advance(), as: type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try SingleValue(document: document, node: try advance()).decode(type)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeDecoder(document: document, node: try advance()).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(document: document, node: try advance()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(document: document, node: try advance()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw FastPathDeclined() }
}

private struct SingleValue: SingleValueDecodingContainer {
    unowned(unsafe) let document: JSONDocument
    let node: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { document.nodes[node].kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch document.nodes[node].kind {
        case .true: return true
        case .false: return false
        default: throw FastPathDeclined()
        }
    }

    func decode(_ type: String.Type) throws -> String { try document.string(node) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(node) }
    func decode(_ type: Float.Type) throws -> Float { try document.float(node) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(node, as: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(node, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(node, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(node, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(node, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(node, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(node, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(node, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(node, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(node, as: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeDecoder(document: document, node: node).decodeValue(type)
    }
}
