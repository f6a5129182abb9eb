public import Foundation

/// A place in a JSON text that is not standard JSON, with what was expected there.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, counted in characters.
    public var column: Int
    /// What is wrong and what was expected, such as `a comma after the last item of an array; remove it`.
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 12, column 5: …`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSONValue {
    /// Parses a JSON text strictly, as RFC 8259 defines it: one value, no trailing commas, no
    /// comments, no single quotes, no leading zeros, no unescaped control characters, UTF-8; and,
    /// since a key given twice in a hand-edited file is always a mistake, no key twice in an object.
    ///
    /// ```swift
    /// let value = try JSONValue(strict: Data(#"{"groups": [1, 2,]}"#.utf8))
    /// // throws: line 1, column 17: a comma after the last item of an array; remove it
    /// ```
    ///
    /// - Throws: ``JSONSyntaxError`` with the line and column of the first thing that is not JSON.
    public init(strict data: Data) throws(JSONSyntaxError) {
        var parser = StrictJSONParser(bytes: Array(data))
        self = try parser.document()
    }
}

/// A recursive-descent reader of RFC 8259 JSON that says where a text goes wrong.
struct StrictJSONParser {
    let bytes: [UInt8]
    var position = 0
    static let maximumDepth = 512

    init(bytes: [UInt8]) {
        // A byte order mark is not JSON, but editors on Windows write one; RFC 8259 lets a parser skip it.
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw error("the file is not UTF-8 text; save it as UTF-8", at: firstInvalidUTF8())
        }
        skipSpace()
        guard position < bytes.count else { throw error("the file is empty; expected a JSON value") }
        let value = try self.value(depth: 0)
        skipSpace()
        guard position == bytes.count else {
            throw error("\(found()) after the end of the document; expected nothing more")
        }
        return value
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("values nested more than \(Self.maximumDepth) deep") }
        guard position < bytes.count else { throw error("the file ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "'"): throw error("a single quote; JSON text is in double quotes (\")")
        case UInt8(ascii: "/"): throw error("a comment; JSON has no comments, remove it")
        default:
            throw error(
                "\(found()); expected a value: an object, array, text in double quotes, number, true, false or null"
            )
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard position < bytes.count else { throw error("the file ends inside an object; expected \"}\"") }
            if bytes[position] == UInt8(ascii: "}") {
                throw error("a comma after the last member of an object; remove it")
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw error("\(found()); expected a key in double quotes")
            }
            let keyStart = position
            let key = try string()
            guard members[key] == nil else {
                throw error("the key \"\(key)\" is given twice in one object; give it once", at: keyStart)
            }
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw error("\(found()); expected \":\" after the key \"\(key)\"") }
            position += 1
            skipSpace()
            members[key] = try value(depth: depth + 1)
            skipSpace()
            guard position < bytes.count else { throw error("the file ends inside an object; expected \",\" or \"}\"") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "}") else {
                throw error("\(found()); expected \",\" between members or \"}\" to end the object")
            }
            position += 1
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            return .array(items)
        }
        while true {
            skipSpace()
            if peek(UInt8(ascii: "]")) { throw error("a comma after the last item of an array; remove it") }
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw error("the file ends inside an array; expected \",\" or \"]\"") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "]") else {
                throw error("\(found()); expected \",\" between items or \"]\" to end the array")
            }
            position += 1
            return .array(items)
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case 0..<0x20:
                throw error(
                    byte == 0x0A
                        ? "a line break inside text; end the text with \" or write the break as \\n"
                        : "a control character inside text; write it as an escape such as \\t"
                )
            default:
                text.append(byte)
                position += 1
            }
        }
        throw error("the text that starts here has no closing \"", at: start)
    }

    private mutating func escape(into text: inout [UInt8]) throws(JSONSyntaxError) {
        position += 1
        guard position < bytes.count else { throw error("the file ends inside an escape") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let byte = simple[bytes[position]] {
            text.append(byte)
            position += 1
            return
        }
        guard bytes[position] == UInt8(ascii: "u") else {
            throw error(
                "\\\(found(quoted: false)) is not an escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
            )
        }
        var scalar = try hex()
        if (0xD800..<0xDC00).contains(scalar), peek(UInt8(ascii: "\\")), position + 1 < bytes.count,
            bytes[position + 1] == UInt8(ascii: "u")
        {
            position += 1
            let low = try hex()
            guard (0xDC00..<0xE000).contains(low) else { throw error("a surrogate pair whose second half is missing") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("\\u escape of a lone surrogate") }
        text.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    private mutating func hex() throws(JSONSyntaxError) -> UInt32 {
        position += 1
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw error("\\u must be followed by four hexadecimal digits") }
        position += 4
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - from
        }
        if peek(UInt8(ascii: "-")) { position += 1 }
        if peek(UInt8(ascii: "0")) {
            position += 1
            if digits() > 0 { throw error("a number with a leading zero; write it without one", at: start) }
        } else if digits() == 0 {
            throw error("\(found()); expected a digit", at: position)
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            if digits() == 0 { throw error("a decimal point with no digit after it; write such as 0.5") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            if digits() == 0 { throw error("an exponent with no digits; write such as 1e3") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("the number \(text) is too large", at: start)
        }
        return value
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count >= position + expected.count, Array(bytes[position..<position + expected.count]) == expected
        else {
            throw error("\(found()); expected \(word) (JSON's words are lower case: true, false, null)")
        }
        position += expected.count
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    /// What stands at the position, for a message: `"x"`, or `the end of the file`.
    private func found(quoted: Bool = true) -> String {
        guard position < bytes.count else { return "the end of the file" }
        let end = min(bytes.count, position + utf8Length(bytes[position]))
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        return quoted ? "\"\(text)\"" : text
    }

    private func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    private func firstInvalidUTF8() -> Int {
        var index = 0
        while index < bytes.count {
            let length = utf8Length(bytes[index])
            let end = min(bytes.count, index + length)
            if String(validating: bytes[index..<end], as: UTF8.self) == nil { return index }
            index = end
        }
        return index
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let at = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<at where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<at], as: UTF8.self).count + 1
        return JSONSyntaxError(line: line, column: column, message: message)
    }
}

extension JSONValue {
    /// Reads a file people write by hand (a profile, a scenario) as strict JSON.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` saying `source: line L, column C: what is wrong`,
    ///   with the file, line and column in its context.
    public static func read(_ data: Data, source: String) throws(DomainError) -> JSONValue {
        do {
            return try JSONValue(strict: data)
        } catch {
            throw DomainError(
                .invalidInput,
                "\(source): not JSON: \(error)",
                context: .init(
                    file: source,
                    line: error.line,
                    column: error.column,
                    expected: "standard JSON (RFC 8259)"
                )
            )
        }
    }
}
