/// A SHA-256 digest in the change log's chain, written as 64 lowercase hexadecimal digits.
public struct ChangeLogDigest: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The digest's 32 bytes.
    public let bytes: [UInt8]

    /// A digest from its 32 bytes.
    ///
    /// - Returns: `nil` unless there are exactly 32.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// A digest from its 64 hexadecimal digits.
    ///
    /// - Returns: `nil` for any other text.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.value(of: digits[pair]), let low = Self.value(of: digits[pair + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// The digest of some bytes.
    public static func of(_ bytes: [UInt8]) -> ChangeLogDigest {
        ChangeLogDigest(checked: SHA256.digest(bytes))
    }

    init(checked bytes: [UInt8]) { self.bytes = bytes }

    /// The 64 lowercase hexadecimal digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The hexadecimal digits.
    public var description: String { hex }

    /// Decodes the hexadecimal text.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for anything but 64 hexadecimal digits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = ChangeLogDigest(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "expected 64 hexadecimal digits (a SHA-256 digest), found \(text.utf8.count) characters"
            )
        }
        self = digest
    }

    /// Encodes the hexadecimal text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
