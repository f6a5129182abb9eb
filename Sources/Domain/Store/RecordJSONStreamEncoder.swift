import Foundation

/// Writes a value's JSON as its `encode(to:)` hands the values over, with no tree in between: the
/// store's usual path, which the node tree of `RecordJSONEncoder` stands behind.
///
/// Each value is written where it ends up, after its key; an object's members are written in the
/// order they come, and put in key order (the last of a repeated key standing) when the object is
/// finished, which a value's `encode(to:)` returning marks. What cannot be written in one pass (a
/// container asked for twice of one encoder, a nested container, a super encoder, a single value
/// written twice) is not guessed at: the writer notes it and gives up, and the tree writes the value.
package enum RecordJSONStreamEncoder {
    /// The value as JSON, or `nil` when it must be written through the tree.
    package static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8]? {
        let stream = JSONStream()
        do {
            try stream.write(value, key: nil)
        } catch {
            if stream.needsTree { return nil }
            throw error
        }
        return stream.needsTree ? nil : stream.bytes
    }
}

/// Thrown inside a value's `encode(to:)` when it asks for what one pass cannot write.
struct NeedsTree: Error {}

/// The bytes written so far, and the values open (a stack of frames, innermost last), shared by
/// every encoder of one value: the encoders and containers are small values that name their frame.
final class JSONStream {
    enum Shape {
        case none
        /// An object opened at `start` (its brace), whose members are those of `members` from `firstMember`.
        case object(start: Int, firstMember: Int)
        case array(count: Int)
        case single(written: Bool)
    }

    struct Frame {
        var shape: Shape
        /// Its key or index in the value that holds it; `nil` at the top.
        var key: (any CodingKey)?
        /// Tells this frame from one that took its place, for a container kept past its value.
        var serial: Int
    }

    struct State {
        var writer = JSONWriter()
        var needsTree = false
        var frames: [Frame] = []
        /// The members of the objects open, each object's after its parent's: a value's members
        /// are finished with it, before its parent's next member comes.
        var members: [(key: String, at: Int)] = []
        var serials = 0
    }

    /// Held through pointers: a class's stored properties are checked for exclusive access at run
    /// time on every use, which cost a fifth of encoding.
    let state: UnsafeMutablePointer<State>
    let writer: UnsafeMutablePointer<JSONWriter>
    let frames: UnsafeMutablePointer<[Frame]>
    let members: UnsafeMutablePointer<[(key: String, at: Int)]>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        writer = state.pointer(to: \.writer)!
        frames = state.pointer(to: \.frames)!
        members = state.pointer(to: \.members)!
        writer.pointee.bytes.reserveCapacity(256)
        frames.pointee.reserveCapacity(8)
        members.pointee.reserveCapacity(32)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var needsTree: Bool { state.pointee.needsTree }
    var bytes: [UInt8] { writer.pointee.bytes }
    var byteCount: Int { writer.pointee.bytes.count }
    var memberCount: Int { members.pointee.count }

    /// The shape of a frame, or `nil` when it is no longer open.
    func shape(of frame: Int) -> Shape? {
        frame < frames.pointee.count ? frames.pointee[frame].shape : nil
    }

    func writeString(_ text: String) { writer.pointee.writeString(text) }

    func write<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws {
        if Value.self == String.self { return writer.pointee.writeString(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return writeNumber(unsafeBitCast(value, to: Int.self)) }
        if Value.self == Bool.self { return writeBool(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Double.self { return try writeDouble(unsafeBitCast(value, to: Double.self), key) }
        if Value.self == Data.self { return writer.pointee.writeString((value as! Data).base64EncodedString()) }
        if Value.self == URL.self { return writer.pointee.writeString((value as! URL).absoluteString) }
        if Value.self == Decimal.self {
            return writer.pointee.bytes.append(contentsOf: (value as! Decimal).description.utf8)
        }
        state.pointee.serials += 1
        frames.pointee.append(Frame(shape: .none, key: key, serial: state.pointee.serials))
        try value.encode(
            to: StreamEncoder(stream: self, frame: frames.pointee.count - 1, serial: state.pointee.serials)
        )
        try finish()
        frames.pointee.removeLast()
    }

    /// The coding path to the innermost value open, and on to `key` within it.
    func codingPath(through frame: Int, then key: (any CodingKey)? = nil) -> [any CodingKey] {
        let open = frames.pointee.count
        var path = open == 0 ? [] : frames.pointee[...min(frame, open - 1)].compactMap(\.key)
        if let key { path.append(key) }
        return path
    }

    /// Whether a frame is the innermost value open, as an encoder or container of it found it.
    func isOpen(_ frame: Int, _ serial: Int) -> Bool {
        !state.pointee.needsTree && frame == frames.pointee.count - 1
            && frames.pointee[frame].serial == serial
    }

    func writeNull() { writer.pointee.bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeBool(_ flag: Bool) {
        if flag {
            writer.pointee.bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            writer.pointee.bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    func writeNumber<Number: BinaryInteger>(_ number: Number) {
        guard let value = Int64(exactly: number) else {
            return writer.pointee.bytes.append(contentsOf: String(number).utf8)
        }
        if value < 0 { writer.pointee.bytes.append(0x2D) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            writer.pointee.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Writes a number; `key` is where it stands in the innermost value open (`nil` when it is that value).
    func writeDouble(_ value: Double, _ key: (any CodingKey)?) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: codingPath(through: frames.pointee.count - 1, then: key),
                    debugDescription: "\(value) is not a JSON number"
                )
            )
        }
        if let integer = value.payloadInteger {
            writeNumber(integer)
        } else {
            writer.pointee.bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Gives up on one pass: the caller asked for what only the tree can write.
    func giveUp() -> NeedsTree {
        state.pointee.needsTree = true
        return NeedsTree()
    }

    /// Opens a container of a shape in a frame that has none yet; anything else gives up.
    func open(_ shape: Shape, in frame: Int, _ serial: Int) {
        guard isOpen(frame, serial), case .none = frames.pointee[frame].shape else {
            _ = giveUp()
            return
        }
        frames.pointee[frame].shape = shape
        switch shape {
        case .object: writer.pointee.bytes.append(0x7B)
        case .array: writer.pointee.bytes.append(0x5B)
        case .none, .single: break
        }
    }

    /// Writes a member's key, after a comma when it is not the first.
    func beginMember(_ key: String, in frame: Int, _ serial: Int) throws {
        guard isOpen(frame, serial), case .object(_, let first) = frames.pointee[frame].shape else {
            throw giveUp()
        }
        if members.pointee.count > first { writer.pointee.bytes.append(0x2C) }
        members.pointee.append((key, writer.pointee.bytes.count))
        writer.pointee.writeString(key)
        writer.pointee.bytes.append(0x3A)
    }

    /// Writes an element's comma when it is not the first, and returns its index.
    func beginElement(in frame: Int, _ serial: Int) throws -> Int {
        guard isOpen(frame, serial), case .array(let count) = frames.pointee[frame].shape else { throw giveUp() }
        if count > 0 { writer.pointee.bytes.append(0x2C) }
        frames.pointee[frame].shape = .array(count: count + 1)
        return count
    }

    /// Marks the single value written; a second one gives up.
    func beginSingle(in frame: Int, _ serial: Int) throws {
        guard isOpen(frame, serial), case .single(written: false) = frames.pointee[frame].shape else {
            throw giveUp()
        }
        frames.pointee[frame].shape = .single(written: true)
    }

    /// Closes what the innermost value opened; an object's members are put in key order.
    private func finish() throws {
        guard !state.pointee.needsTree else { throw NeedsTree() }
        switch frames.pointee[frames.pointee.count - 1].shape {
        case .none, .single(written: false): writer.pointee.bytes.append(contentsOf: [0x7B, 0x7D])
        case .single(written: true): break
        case .array: writer.pointee.bytes.append(0x5D)
        case .object(let start, let first):
            sortMembers(of: start, from: first)
            members.pointee.removeSubrange(first...)
            writer.pointee.bytes.append(0x7D)
        }
    }

    /// Puts an object's members, written in the order they came, in key order, a repeated key's
    /// last value standing, as the tree's writer does.
    private func sortMembers(of start: Int, from first: Int) {
        var sorted = true
        for index in (first + 1)..<max(members.pointee.count, first + 1)
        where !(members.pointee[index - 1].key < members.pointee[index].key) {
            sorted = false
            break
        }
        guard !sorted else { return }
        let own = Array(members.pointee[first...])
        let end = writer.pointee.bytes.count
        let written = Array(writer.pointee.bytes[(start + 1)..<end])
        func range(_ index: Int) -> Range<Int> {
            let from = own[index].at - start - 1
            let to = index + 1 < own.count ? own[index + 1].at - start - 2 : written.count
            return from..<to
        }
        let order = own.indices.sorted { left, right in
            own[left].key == own[right].key ? left < right : own[left].key < own[right].key
        }
        writer.pointee.bytes.removeSubrange((start + 1)..<end)
        var isFirst = true
        for (position, index) in order.enumerated() {
            if position + 1 < order.count, own[order[position + 1]].key == own[index].key { continue }
            if !isFirst { writer.pointee.bytes.append(0x2C) }
            isFirst = false
            writer.pointee.bytes.append(contentsOf: written[range(index)])
        }
    }
}
