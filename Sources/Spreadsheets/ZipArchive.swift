public import Foundation

/// A problem with a file that should be an Office Open XML zip archive.
public struct ZipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// What is wrong.
    public var description: String { message }
}

/// The entries of a zip archive, as Office Open XML (`.xlsx`) files are stored.
///
/// Entries stored or deflated are read; each is checked against its CRC-32. Inflate and CRC-32 are
/// the package's own (`Inflate`), for the libraries link nothing but Foundation. Entries are
/// written stored, uncompressed: every spreadsheet program reads them, and a form is small.
public struct ZipArchive: Sendable {
    /// The entries' names, in the archive's order.
    public private(set) var names: [String] = []
    private var contents: [String: Data] = [:]

    /// The largest entry read, uncompressed: a guard against an archive that inflates without end.
    public static let maximumEntrySize = 256 << 20

    /// An empty archive, to add entries to and write.
    public init() {}

    /// Reads an archive's entries.
    ///
    /// - Throws: ``ZipError`` for data that is not a zip archive, an entry compressed in a way other
    ///   than stored or deflate, an entry whose content fails its CRC-32, or an archive in the
    ///   zip64 form.
    public init(data: Data) throws(ZipError) {
        let bytes = [UInt8](data)
        let end = try Self.endOfCentralDirectory(bytes)
        var offset = Int(Self.uint32(bytes, end + 16))
        let count = Int(Self.uint16(bytes, end + 10))
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, Self.uint32(bytes, offset) == 0x0201_4B50 else {
                throw ZipError("the archive's central directory is damaged; save the file again")
            }
            let method = Self.uint16(bytes, offset + 10)
            let crc = Self.uint32(bytes, offset + 16)
            let compressed = Int(Self.uint32(bytes, offset + 20))
            let size = Int(Self.uint32(bytes, offset + 24))
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extra = Int(Self.uint16(bytes, offset + 30))
            let comment = Int(Self.uint16(bytes, offset + 32))
            let local = Int(Self.uint32(bytes, offset + 42))
            guard offset + 46 + nameLength <= bytes.count else {
                throw ZipError("an entry's name runs past the file's end")
            }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            offset += 46 + nameLength + extra + comment
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw ZipError("\(name) is stored in the zip64 form, which a workbook never needs")
            }
            guard size <= Self.maximumEntrySize else {
                throw ZipError(
                    "\(name) is \(size) bytes uncompressed; entries of at most \(Self.maximumEntrySize) are read"
                )
            }
            guard local + 30 <= bytes.count, Self.uint32(bytes, local) == 0x0403_4B50 else {
                throw ZipError("\(name) has no local header where the directory says; the file is damaged")
            }
            let start = local + 30 + Int(Self.uint16(bytes, local + 26)) + Int(Self.uint16(bytes, local + 28))
            guard start + compressed <= bytes.count else { throw ZipError("\(name) runs past the file's end") }
            let stored = Array(bytes[start..<(start + compressed)])
            let content: [UInt8]
            switch method {
            case 0: content = stored
            case 8: content = try Self.inflate(stored, size: size, name: name)
            default: throw ZipError("\(name) is compressed with method \(method); expected stored (0) or deflate (8)")
            }
            guard content.count == size, Self.crc32(content) == crc else {
                throw ZipError("\(name) does not match its checksum; the file is damaged")
            }
            if contents[name] == nil { names.append(name) }
            contents[name] = Data(content)
        }
    }

    /// An entry's content, or `nil` when the archive has no entry of that name.
    public subscript(name: String) -> Data? { contents[name] }

    /// Adds (or replaces) an entry.
    public mutating func add(_ name: String, _ data: Data) {
        if contents[name] == nil { names.append(name) }
        contents[name] = data
    }

    /// The archive's bytes, every entry stored, dated 1 January 1980 so that the same entries
    /// give the same bytes.
    public func data() -> Data {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for name in names {
            let content = [UInt8](contents[name] ?? Data())
            let stored = content
            let crc = Self.crc32(content)
            let nameBytes = [UInt8](name.utf8)
            let offset = output.count
            // Version 1.0; bit 11: names are UTF-8; stored; 00:00 on 1980-01-01.
            var header: [UInt8] = []
            Self.append32(&header, 0x0403_4B50)
            for value in [10, 0x0800, 0, 0, 0x21] as [UInt16] { Self.append16(&header, value) }
            Self.append32(&header, crc)
            Self.append32(&header, UInt32(stored.count))
            Self.append32(&header, UInt32(content.count))
            Self.append16(&header, UInt16(nameBytes.count))
            Self.append16(&header, 0)
            output += header + nameBytes + stored
            Self.append32(&directory, 0x0201_4B50)
            for value in [10, 10, 0x0800, 0, 0, 0x21] as [UInt16] { Self.append16(&directory, value) }
            Self.append32(&directory, crc)
            Self.append32(&directory, UInt32(stored.count))
            Self.append32(&directory, UInt32(content.count))
            for value in [UInt16(nameBytes.count), 0, 0, 0, 0] { Self.append16(&directory, value) }
            Self.append32(&directory, 0)
            Self.append32(&directory, UInt32(offset))
            directory += nameBytes
        }
        let directoryOffset = output.count
        output += directory
        Self.append32(&output, 0x0605_4B50)
        for value in [0, 0, UInt16(names.count), UInt16(names.count)] as [UInt16] { Self.append16(&output, value) }
        Self.append32(&output, UInt32(directory.count))
        Self.append32(&output, UInt32(directoryOffset))
        Self.append16(&output, 0)
        return Data(output)
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(ZipError) -> Int {
        guard bytes.count >= 22 else {
            throw ZipError("the file is not a workbook (.xlsx): it is too short to be a zip archive")
        }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var index = bytes.count - 22
        while index >= lowest {
            if uint32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ZipError("the file is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)")
        }
        throw ZipError("the file is not a workbook (.xlsx): it is not a zip archive")
    }

    private static func inflate(_ input: [UInt8], size: Int, name: String) throws(ZipError) -> [UInt8] {
        do {
            return try Inflate.inflate(input, limit: size)
        } catch {
            throw ZipError("\(name) cannot be inflated; the file is damaged")
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 { Inflate.crc32(bytes) }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
            << 24
    }

    private static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
