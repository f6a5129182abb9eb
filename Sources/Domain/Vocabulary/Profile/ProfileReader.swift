import Foundation
import Synchronization

/// One problem found in a profile or a scenario file: where (a JSON path such as
/// `modules.Section 11.standardSets[0].criteria[2].sectors[0]`) and what is wrong.
public struct ProfileProblem: Hashable, Sendable, CustomStringConvertible {
    /// The JSON path of the value.
    public var path: String
    /// What is wrong, with the value and what was expected.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// Reads a JSON document strictly, collecting every problem with its path rather than stopping at
/// the first: unknown keys are refused, each value is checked against what is expected.
///
/// A module reads its part of a partnership profile through one:
///
/// ```swift
/// let settings = reader.child("settings")
/// _ = settings?.fields(allowing: ["reworkWorkingDays"])
/// let days = settings?.child("reworkWorkingDays")?.integer(in: 1...60) ?? 10
/// ```
public final class ProfileReader: Sendable {
    /// The value read.
    public let value: JSONValue
    /// Its path in the document.
    public let path: String
    private let sink: Sink

    /// Where every reader of one document records its problems, in the order found.
    final class Sink: Sendable {
        // Guards the problems: readers of one document may be handed to concurrent module readers.
        let problems = Mutex<[ProfileProblem]>([])
        // Guards the notes: what was assumed where the document is silent.
        let notes = Mutex<[ProfileProblem]>([])

        func append(_ problem: ProfileProblem) { problems.withLock { $0.append(problem) } }
    }

    /// A reader of a whole document.
    public init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
        self.sink = Sink()
    }

    private init(_ value: JSONValue, path: String, sink: Sink) {
        self.value = value
        self.path = path
        self.sink = sink
    }

    /// Every problem found so far, in the order found.
    public var problems: [ProfileProblem] { sink.problems.withLock { $0 } }

    /// Records what was assumed where the document is silent, at this value or a key under it: a
    /// note, not a problem; ``PartnershipProfile/migrationNotes`` carries them.
    public func note(_ message: String, at key: String? = nil) {
        let note = ProfileProblem(path: key.map { join($0) } ?? (path.isEmpty ? "(document)" : path), message: message)
        sink.notes.withLock { $0.append(note) }
    }

    /// Every note made so far, in the order made.
    public var notes: [ProfileProblem] { sink.notes.withLock { $0 } }

    /// Whether the value is an object holding a key.
    public func has(_ key: String) -> Bool {
        if case .object(let object) = value { object[key] != nil } else { false }
    }

    /// Records a problem at this value, or at a key under it.
    public func problem(_ message: String, at key: String? = nil) {
        sink.append(
            ProfileProblem(path: key.map { join($0) } ?? (path.isEmpty ? "(document)" : path), message: message)
        )
    }

    private func join(_ key: String) -> String {
        path.isEmpty ? key : key.hasPrefix("[") ? "\(path)\(key)" : "\(path).\(key)"
    }

    /// The value as an object whose keys are all allowed; an unknown key is a problem.
    public func fields(allowing allowed: [String]) -> [String: JSONValue]? {
        guard case .object(let object) = value else {
            problem("expected an object, found \(Self.describe(value))")
            return nil
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            problem(
                "unknown key \(DomainError.quote(key)); expected one of \(allowed.joined(separator: ", "))",
                at: key
            )
        }
        return object
    }

    /// A reader of a key of this object, or `nil` when it is absent (a problem when `required`).
    public func child(_ key: String, required: Bool = false) -> ProfileReader? {
        guard case .object(let object) = value, let held = object[key], held != .null else {
            if required { problem("is missing", at: key) }
            return nil
        }
        return ProfileReader(held, path: join(key), sink: sink)
    }

    /// Readers of each element of this array.
    public func elements() -> [ProfileReader] {
        guard case .array(let items) = value else {
            problem("expected an array, found \(Self.describe(value))")
            return []
        }
        return items.enumerated().map { ProfileReader($1, path: "\(path)[\($0)]", sink: sink) }
    }

    /// Readers of each member of this object, by key, in key order.
    public func members() -> [(String, ProfileReader)] {
        guard case .object(let object) = value else {
            problem("expected an object, found \(Self.describe(value))")
            return []
        }
        return object.keys.sorted().map { ($0, ProfileReader(object[$0]!, path: join($0), sink: sink)) }
    }

    /// The value as text.
    public func string() -> String? {
        guard case .string(let text) = value else {
            problem("expected text, found \(Self.describe(value))")
            return nil
        }
        return text
    }

    /// The value as text with something in it: empty or blank text is a problem.
    public func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            problem("is empty; expected text")
            return nil
        }
        return text
    }

    /// The value as a whole number in a range.
    public func integer(in range: ClosedRange<Int>) -> Int? {
        guard case .number(let number) = value, number.rounded() == number, range.contains(Int(number)) else {
            problem("\(Self.describe(value)) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return Int(number)
    }

    /// The value as a number in a range.
    public func number(in range: ClosedRange<Double>) -> Double? {
        guard case .number(let number) = value, range.contains(number) else {
            problem(
                "\(Self.describe(value)) is not a number from \(NumberText.shortest(range.lowerBound)) to \(NumberText.shortest(range.upperBound))"
            )
            return nil
        }
        return number
    }

    /// The value as a day, written `YYYY-MM-DD`.
    public func day() -> Day? {
        guard let text = string() else { return nil }
        do { return try Day(parsing: text) } catch {
            problem("\(DomainError.quote(text)) is not a day; expected YYYY-MM-DD")
            return nil
        }
    }

    /// The value as a cadence: a whole number of months (`2`), or text such as `"2 weeks"`,
    /// `"fortnightly"`, `"quarterly"` or `"every two years"`.
    public func cadence() -> Cadence? {
        if case .number = value { return integer(in: 1...60).map(Cadence.init(months:)) }
        guard let text = string() else { return nil }
        guard let cadence = Cadence(text: text) else {
            problem(
                "\(DomainError.quote(text)) is not a cadence; expected a number of months, or such as \"2 weeks\", "
                    + "\"fortnightly\", \"3 months\", \"quarterly\" or \"every two years\""
            )
            return nil
        }
        return cadence
    }

    /// A reader of another value at the same path, whose problems go where this reader's go: for a
    /// value a reader fills in (a default) before it decodes it.
    public func reading(_ value: JSONValue) -> ProfileReader { ProfileReader(value, path: path, sink: sink) }

    /// The value decoded as a type, strictly: a missing or mistyped field is a problem at its path,
    /// and so is any key the type does not read.
    public func decode<T: Codable>(_ type: T.Type) -> T? {
        do {
            let data = try JSONEncoder().encode(value)
            let decoded = try JSONDecoder().decode(T.self, from: data)
            let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(decoded))
            for extra in Self.unread(value, kept: again, path: path) {
                sink.append(ProfileProblem(path: extra, message: "unknown key"))
            }
            return decoded
        } catch let error as DecodingError {
            sink.append(Self.problem(error, under: path))
        } catch let error as DomainError {
            problem(error.message)
        } catch {
            problem("\(error)")
        }
        return nil
    }

    /// The paths of keys in `given` that a round trip through the type did not keep (and that hold
    /// something: an empty list or `null` the type leaves out is not unknown).
    static func unread(_ given: JSONValue, kept: JSONValue, path: String) -> [String] {
        switch (given, kept) {
        case (.object(let left), .object(let right)):
            return left.keys.sorted().flatMap { key -> [String] in
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let other = right[key] else { return Self.isEmpty(left[key]!) ? [] : [child] }
                return unread(left[key]!, kept: other, path: child)
            }
        case (.array(let left), .array(let right)) where left.count == right.count:
            return zip(left, right).enumerated().flatMap { unread($1.0, kept: $1.1, path: "\(path)[\($0)]") }
        default:
            return []
        }
    }

    private static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .array(let items): items.isEmpty
        case .object(let object): object.isEmpty
        case .bool(let flag): !flag
        default: false
        }
    }

    static func problem(_ error: DecodingError, under root: String) -> ProfileProblem {
        func path(_ keys: [any CodingKey]) -> String {
            var text = root
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "(document)" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ProfileProblem(path: path(context.codingPath + [key]), message: "is missing")
        case .typeMismatch(let type, let context):
            return ProfileProblem(path: path(context.codingPath), message: "expected \(Self.name(type))")
        case .valueNotFound(let type, let context):
            return ProfileProblem(path: path(context.codingPath), message: "expected \(Self.name(type)), found null")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? DomainError)?.message ?? context.debugDescription
            return ProfileProblem(path: path(context.codingPath), message: underlying)
        @unknown default:
            return ProfileProblem(path: root, message: "\(error)")
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }

    /// A value as a message names it, such as `"text"`, `12` or `an object`.
    public static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): NumberText.shortest(number)
        case .string(let text): DomainError.quote(text)
        case .array: "an array"
        case .object: "an object"
        }
    }
}
