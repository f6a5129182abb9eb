/// Deflate (RFC 1951) decoding and CRC-32, in Swift.
///
/// The package's libraries link nothing but Foundation (SQLiteStore alone links the system SQLite),
/// so a workbook's zip entries are inflated here. It is checked against zlib's own output: every
/// workbook fixture written by LibreOffice Calc and openpyxl is deflated by zlib, and the tests
/// inflate streams zlib wrote at every level, stored, fixed and dynamic.
enum Inflate {
    struct Failure: Error {}

    private struct Bits {
        let bytes: [UInt8]
        var position = 0
        var buffer: UInt32 = 0
        var count = 0

        mutating func take(_ needed: Int) throws(Failure) -> Int {
            while count < needed {
                guard position < bytes.count else { throw Failure() }
                buffer |= UInt32(bytes[position]) << UInt32(count)
                position += 1
                count += 8
            }
            let value = Int(buffer & ((1 << UInt32(needed)) - 1))
            buffer >>= UInt32(needed)
            count -= needed
            return value
        }

        mutating func alignToByte() {
            buffer = 0
            count = 0
        }
    }

    /// A canonical Huffman code: symbols by code length, counted, as RFC 1951 builds them.
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) throws(Failure) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ bits: inout Bits) throws(Failure) -> Int {
            var code = 0
            var first = 0
            var index = 0
            for length in 1..<16 {
                code |= try bits.take(1)
                let count = counts[length]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Failure()
        }
    }

    private static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtra = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The bytes a raw deflate stream stands for, refusing more than `limit` of them.
    static func inflate(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var bits = Bits(bytes: input)
        var output: [UInt8] = []
        var last = false
        while !last {
            last = try bits.take(1) == 1
            switch try bits.take(2) {
            case 0:
                bits.alignToByte()
                guard bits.position + 4 <= input.count else { throw Failure() }
                let length = Int(input[bits.position]) | Int(input[bits.position + 1]) << 8
                let complement = Int(input[bits.position + 2]) | Int(input[bits.position + 3]) << 8
                guard length == ~complement & 0xFFFF, bits.position + 4 + length <= input.count else { throw Failure() }
                output += input[(bits.position + 4)..<(bits.position + 4 + length)]
                bits.position += 4 + length
            case 1:
                let literal = try Huffman(
                    lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                        + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
                )
                let distance = try Huffman(lengths: [Int](repeating: 5, count: 30))
                try block(&bits, &output, literal, distance, limit)
            case 2:
                let (literal, distance) = try dynamicCodes(&bits)
                try block(&bits, &output, literal, distance, limit)
            default:
                throw Failure()
            }
            guard output.count <= limit else { throw Failure() }
        }
        return output
    }

    private static func dynamicCodes(_ bits: inout Bits) throws(Failure) -> (Huffman, Huffman) {
        let literals = try bits.take(5) + 257
        let distances = try bits.take(5) + 1
        let codeLengths = try bits.take(4) + 4
        guard literals <= 286, distances <= 30 else { throw Failure() }
        var lengthOfCode = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengths { lengthOfCode[codeLengthOrder[index]] = try bits.take(3) }
        let lengthCode = try Huffman(lengths: lengthOfCode)
        var lengths: [Int] = []
        while lengths.count < literals + distances {
            let symbol = try lengthCode.decode(&bits)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Failure() }
                lengths += [Int](repeating: previous, count: 3 + (try bits.take(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits.take(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits.take(7)))
            }
        }
        guard lengths.count == literals + distances, lengths[256] != 0 else { throw Failure() }
        return (try Huffman(lengths: Array(lengths[0..<literals])), try Huffman(lengths: Array(lengths[literals...])))
    }

    private static func block(
        _ bits: inout Bits,
        _ output: inout [UInt8],
        _ literal: Huffman,
        _ distance: Huffman,
        _ limit: Int
    ) throws(Failure) {
        while true {
            let symbol = try literal.decode(&bits)
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < lengthBase.count else { throw Failure() }
            let length = lengthBase[index] + (try bits.take(lengthExtra[index]))
            let code = try distance.decode(&bits)
            guard code < distanceBase.count else { throw Failure() }
            let back = distanceBase[code] + (try bits.take(distanceExtra[code]))
            guard back <= output.count, output.count + length <= limit else { throw Failure() }
            let start = output.count - back
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }

    private static let crcTable: [UInt32] = (0..<256).map { number in
        var value = UInt32(number)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The CRC-32 of zip archives (ISO 3309, as zlib's `crc32`).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
