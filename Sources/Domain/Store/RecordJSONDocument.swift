import Foundation

/// A parsed payload: the bytes, and a node for every value in document order.
@usableFromInline final class RecordJSONDocument {
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

    /// The payload's bytes and a zero after them, so that strtod always stops inside the buffer.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Room for a node per byte, the most a payload can hold (every value takes a byte or more), in
    /// memory of its own: reading a node takes no exclusivity check and no retain of an array.
    let nodes: UnsafeMutableBufferPointer<Node>

    /// Texts read lately, in slots chosen by a hash of their bytes.
    ///
    /// A text read again (an agency's lead, a source's title, a template's wording, in the payload
    /// after payload a decoder reads) shares the storage of the one before rather than allocating
    /// its own: a national tracker's records repeat most of their longer texts, and each copy cost
    /// an allocation and its memory.
    private let recentTexts: UnsafeMutableBufferPointer<String?>

    /// A document with room for payloads of up to `capacity` bytes, to be filled by ``load(_:)``.
    init(capacity: Int) {
        bytes = .allocate(capacity: capacity + 1)
        nodes = .allocate(capacity: capacity + 1)
        recentTexts = .allocate(capacity: 512)
        recentTexts.initialize(repeating: nil)
    }

    /// The most payload bytes the document has room for.
    var capacity: Int { bytes.count - 1 }

    /// Parses a payload in place of the one before, reusing the memory: a decoder reads a store's
    /// records one after another, and each had allocated a byte copy, a growing node array and a
    /// node buffer of its own.
    func load(_ payload: UnsafeRawBufferPointer) throws {
        precondition(payload.count <= capacity, "a payload larger than the document's room")
        if let base = payload.baseAddress {
            UnsafeMutableRawPointer(bytes.baseAddress!).copyMemory(from: base, byteCount: payload.count)
        }
        bytes[payload.count] = 0
        var parser = RecordJSONParser(
            bytes: UnsafeBufferPointer(bytes),
            length: payload.count,
            nodes: nodes.baseAddress!
        )
        try parser.parseDocument()
    }

    deinit {
        bytes.deallocate()
        nodes.deallocate()
        _ = recentTexts.deinitialize()
        recentTexts.deallocate()
    }

    func string(_ index: Int) throws -> String {
        let node = nodes[index]
        switch node.kind {
        case .string: return try sharedText(raw(node))
        case .escapedString: return try Self.unescape(raw(node))
        default: throw RecordDecodingDeclined()
        }
    }
}

// A document belongs to the one decode that parsed it.
@available(*, unavailable) extension RecordJSONDocument: Sendable {}

/// Parses a payload into nodes in one pass.
struct RecordJSONParser {
    typealias Node = RecordJSONDocument.Node
    typealias Kind = RecordJSONDocument.Kind
    let bytes: UnsafeBufferPointer<UInt8>
    let length: Int
    /// Where the nodes go: room for one a byte, so appending needs no check.
    let nodes: UnsafeMutablePointer<Node>
    var count = 0

    init(bytes: UnsafeBufferPointer<UInt8>, length: Int, nodes: UnsafeMutablePointer<Node>) {
        self.bytes = bytes
        self.length = length
        self.nodes = nodes
    }

    private mutating func append(_ node: Node) {
        nodes[count] = node
        count += 1
    }

    mutating func parseDocument() throws {
        var position = 0
        try parseValue(&position, depth: 0)
        skipSpace(&position)
        guard position == length else { throw RecordDecodingDeclined() }
    }

    private func skipSpace(_ position: inout Int) {
        while position < length {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// After a member or an element: `true` past the container's closing byte, `false` past a comma.
    private func closes(_ position: inout Int, with closing: UInt8) throws -> Bool {
        skipSpace(&position)
        guard position < length else { throw RecordDecodingDeclined() }
        let byte = bytes[position]
        guard byte == UInt8(ascii: ",") || byte == closing else { throw RecordDecodingDeclined() }
        position += 1
        return byte == closing
    }

    private mutating func parseValue(_ position: inout Int, depth: Int) throws {
        guard depth < 512 else { throw RecordDecodingDeclined() }
        skipSpace(&position)
        guard position < length else { throw RecordDecodingDeclined() }
        let index = count
        switch bytes[position] {
        case UInt8(ascii: "{"):
            append(Node(kind: .object, start: Int32(position), count: 0, end: 0))
            position += 1
            skipSpace(&position)
            var count: Int32 = 0
            if position < length, bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipSpace(&position)
                    guard position < length, bytes[position] == UInt8(ascii: "\"") else {
                        throw RecordDecodingDeclined()
                    }
                    try parseString(&position)
                    skipSpace(&position)
                    guard position < length, bytes[position] == UInt8(ascii: ":") else {
                        throw RecordDecodingDeclined()
                    }
                    position += 1
                    try parseValue(&position, depth: depth + 1)
                    count += 1
                    if try closes(&position, with: UInt8(ascii: "}")) { break }
                }
            }
            nodes[index].count = count
        case UInt8(ascii: "["):
            append(Node(kind: .array, start: Int32(position), count: 0, end: 0))
            position += 1
            skipSpace(&position)
            var count: Int32 = 0
            if position < length, bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try parseValue(&position, depth: depth + 1)
                    count += 1
                    if try closes(&position, with: UInt8(ascii: "]")) { break }
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
            guard position > start else { throw RecordDecodingDeclined() }
            append(Node(kind: .number, start: Int32(start), count: Int32(position - start), end: 0))
        }
        nodes[index].end = Int32(count)
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
        guard position + count <= length else { throw RecordDecodingDeclined() }
        for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] {
            throw RecordDecodingDeclined()
        }
        append(Node(kind: kind, start: Int32(position), count: Int32(count), end: 0))
        position += count
    }

    private mutating func parseString(_ position: inout Int) throws {
        let start = position + 1
        var cursor = start
        var escaped = false
        while true {
            guard cursor < length else { throw RecordDecodingDeclined() }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                cursor += 2
                continue
            }
            guard byte >= 0x20 else { throw RecordDecodingDeclined() }
            cursor += 1
        }
        append(
            Node(
                kind: escaped ? .escapedString : .string,
                start: Int32(start),
                count: Int32(cursor - start),
                end: Int32(count + 1)
            )
        )
        position = cursor + 1
    }

}

extension RecordJSONDocument {
    // MARK: Reading values

    func raw(_ node: Node) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.start + node.count)])
    }

    /// The text of unescaped bytes, sharing the storage of an equal text read before.
    ///
    /// The storage is the last equal text read into its slot, when there is one. Texts of 15 bytes
    /// or fewer are held inside the `String` itself and need none.
    private func sharedText(_ text: UnsafeBufferPointer<UInt8>) throws -> String {
        guard text.count > 15 else { return try Self.text(text) }
        let slot = Int(truncatingIfNeeded: Self.textHash(text)) & (recentTexts.count - 1)
        if let held = recentTexts[slot],
            held.utf8.withContiguousStorageIfAvailable({
                $0.count == text.count && memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0
            }) == true
        {
            return held
        }
        let made = try Self.text(text)
        recentTexts[slot] = made
        return made
    }

    /// A hash of a text's length, its first sixteen bytes and its last eight (it has more than
    /// fifteen): enough to tell texts apart in a few hundred slots, and the same cost for any length.
    private static func textHash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(text)
        func mixed(_ hash: UInt64, _ offset: Int) -> UInt64 {
            let product = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            return product ^ (product >> 32)
        }
        return mixed(mixed(mixed(UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15, 0), 8), raw.count - 8)
    }

    /// Text from bytes: ASCII, the common case, needs no validation.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw RecordDecodingDeclined() }
        return text
    }

    static func unescape(_ text: UnsafeBufferPointer<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        func hex(_ at: Int) throws -> UInt32 {
            guard at + 4 <= text.count else { throw RecordDecodingDeclined() }
            var value: UInt32 = 0
            for byte in text[at..<at + 4] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw RecordDecodingDeclined()
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
            guard index + 1 < text.count else { throw RecordDecodingDeclined() }
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
                    else { throw RecordDecodingDeclined() }
                    let low = try hex(index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw RecordDecodingDeclined() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw RecordDecodingDeclined()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw RecordDecodingDeclined() }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw RecordDecodingDeclined()
            }
        }
        return try out.withUnsafeBufferPointer { try RecordJSONDocument.text($0) }
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
        guard node.kind == .number else { throw RecordDecodingDeclined() }
        let text = raw(node)
        var position = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { position = 1 }
        guard position < text.count else { throw RecordDecodingDeclined() }
        var value: Integer = 0
        while position < text.count {
            let byte = text[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw RecordDecodingDeclined() }
            let digit = Integer(byte - UInt8(ascii: "0"))
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { throw RecordDecodingDeclined() }
            value = next
            position += 1
        }
        return value
    }

    func float(_ index: Int) throws -> Float {
        let node = nodes[index]
        guard node.kind == .number else { throw RecordDecodingDeclined() }
        let start = UnsafeMutableRawPointer(bytes.baseAddress! + Int(node.start)).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtof(start, &end)
        guard let end, end - start == Int(node.count), value.isFinite else { throw RecordDecodingDeclined() }
        return value
    }

    func double(_ index: Int) throws -> Double {
        let node = nodes[index]
        guard node.kind == .number else { throw RecordDecodingDeclined() }
        let start = UnsafeMutableRawPointer(bytes.baseAddress! + Int(node.start)).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(start, &end)
        guard let end, end - start == Int(node.count), value.isFinite else { throw RecordDecodingDeclined() }
        return value
    }
}
