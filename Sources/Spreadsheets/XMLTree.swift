import Foundation

/// An element of an XML document, as much of XML as a workbook's parts use: elements, attributes,
/// text, character references, CDATA; declarations, comments and processing instructions skipped.
struct XMLElement: Sendable {
    /// The qualified name, such as `x:row`.
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLElement] = []
    /// The text directly inside, its pieces joined.
    var text = ""

    /// The name without its namespace prefix: `row` for `x:row`.
    var localName: Substring { name.split(separator: ":").last ?? Substring(name) }

    /// The children with a local name.
    func children(_ local: String) -> [XMLElement] { children.filter { $0.localName == local } }

    /// The first child with a local name.
    func child(_ local: String) -> XMLElement? { children.first { $0.localName == local } }

    /// An attribute by its local name, whatever its prefix.
    func attribute(_ local: String) -> String? {
        if let value = attributes[local] { return value }
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == local }?.value
    }

    /// The text of this element and all inside it, in order.
    var allText: String { text + children.map(\.allText).joined() }
}

/// XML that is not well formed, at a line.
struct XMLSyntaxError: Error, Sendable {
    var line: Int
    var message: String
}

/// Parses XML text into its root element.
struct XMLParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ data: Data) { bytes = [UInt8](data) }

    static func parse(_ data: Data) throws(XMLSyntaxError) -> XMLElement {
        var parser = XMLParser(data)
        return try parser.document()
    }

    private mutating func document() throws(XMLSyntaxError) -> XMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("the part has no root element") }
            if starts("<?") {
                try skip(past: "?>")
            } else if starts("<!--") {
                try skip(past: "-->")
            } else if starts("<!") {
                throw fail("a document type declaration, which a workbook part never has")
            } else {
                return try element()
            }
        }
    }

    private mutating func element() throws(XMLSyntaxError) -> XMLElement {
        try expect("<")
        var element = XMLElement(name: name())
        while true {
            skipSpace()
            if starts("/>") {
                index += 2
                return element
            }
            if starts(">") {
                index += 1
                break
            }
            let attribute = name()
            guard !attribute.isEmpty else { throw fail("expected an attribute or the end of <\(element.name)>") }
            skipSpace()
            try expect("=")
            skipSpace()
            element.attributes[attribute] = try quoted()
        }
        try content(of: &element)
        return element
    }

    private mutating func content(of element: inout XMLElement) throws(XMLSyntaxError) {
        var text: [UInt8] = []
        while index < bytes.count {
            if starts("</") {
                index += 2
                let closing = name()
                guard closing == element.name else {
                    throw fail("</\(closing)> closes <\(element.name)>")
                }
                skipSpace()
                try expect(">")
                element.text += String(decoding: text, as: UTF8.self)
                return
            } else if starts("<!--") {
                try skip(past: "-->")
            } else if starts("<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                text += bytes[start..<(index - 3)]
            } else if starts("<?") {
                try skip(past: "?>")
            } else if starts("<") {
                element.text += String(decoding: text, as: UTF8.self)
                text.removeAll()
                element.children.append(try self.element())
            } else if bytes[index] == UInt8(ascii: "&") {
                text += try reference()
            } else {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                text.append(bytes[index])
                index += 1
            }
        }
        throw fail("<\(element.name)> is not closed")
    }

    private mutating func quoted() throws(XMLSyntaxError) -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw fail("expected a quoted attribute value")
        }
        let quote = bytes[index]
        index += 1
        var value: [UInt8] = []
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "&") {
                value += try reference()
            } else {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                value.append(bytes[index])
                index += 1
            }
        }
        try expect(quote == UInt8(ascii: "\"") ? "\"" : "'")
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func reference() throws(XMLSyntaxError) -> [UInt8] {
        guard let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw fail("an & that begins no reference")
        }
        let body = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        switch body {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let number =
                body.hasPrefix("#x")
                ? UInt32(body.dropFirst(2), radix: 16)
                : body.hasPrefix("#") ? UInt32(body.dropFirst()) : nil
            guard let number, let scalar = Unicode.Scalar(number) else { throw fail("&\(body); is no reference") }
            return Array(String(Character(scalar)).utf8)
        }
    }

    private mutating func name() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isName =
                byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || [0x2D, 0x2E, 0x3A, 0x5F].contains(byte)
            guard isName else { break }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
    }

    private func starts(_ text: String) -> Bool {
        let pattern = Array(text.utf8)
        return index + pattern.count <= bytes.count && Array(bytes[index..<(index + pattern.count)]) == pattern
    }

    private mutating func expect(_ text: String) throws(XMLSyntaxError) {
        guard starts(text) else { throw fail("expected \(text)") }
        index += text.utf8.count
    }

    private mutating func skip(past end: String) throws(XMLSyntaxError) {
        while index < bytes.count, !starts(end) {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { throw fail("expected \(end) before the end") }
        index += end.utf8.count
    }

    private func fail(_ message: String) -> XMLSyntaxError { XMLSyntaxError(line: line, message: message) }
}

/// Text escaped for XML content and attribute values.
func xmlEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "\n", "\t": result.unicodeScalars.append(scalar)
        case "\r": result += "&#13;"
        default:
            // XML 1.0 has no other control characters, escaped or not.
            if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
        }
    }
    return result
}
