public import Domain
public import Foundation

/// Checks a record type's `RecordPayloadDecodable` conformance against its `Decodable` one.
///
/// A type that reads itself from the store's parsed payload must read exactly what its `init(from:)`
/// reads; where it refuses a payload, the store hands it to Foundation's decoder, whose answer must
/// stand. Use both checks in a host's own tests of its record types:
///
/// ```swift
/// try PayloadDecodingCheck.readsWhatDecodableReads(record)
/// try PayloadDecodingCheck.refusesAsFoundationDoes(MyRecord.self, payload: Data(#"{"status":"lost"}"#.utf8))
/// ```
public enum PayloadDecodingCheck: Sendable {
    /// Encodes a value as the store does, then reads it back by the payload reader alone and by Foundation's
    /// decoder; both must give the value.
    ///
    /// - Throws: A description of the first difference, or the reader's refusal.
    public static func readsWhatDecodableReads<Value: RecordPayloadDecodable & Encodable & Equatable>(
        _ value: Value
    ) throws {
        let data = try RecordJSONEncoder().encode(value)
        let read: Value
        do {
            read = try RecordJSONDecoder().decodeWithoutFallback(Value.self, from: data)
        } catch {
            throw CheckFailure("the payload reader refused \(String(decoding: data, as: UTF8.self))")
        }
        guard read == value else {
            throw CheckFailure("the payload reader read \(read)\nfrom \(String(decoding: data, as: UTF8.self))")
        }
        let decoded = try JSONDecoder().decode(Value.self, from: data)
        guard decoded == value else {
            throw CheckFailure("Foundation's decoder read \(decoded); the value was \(value)")
        }
    }

    /// Checks that the payload reader refuses a payload Foundation's decoder refuses, and that the store's
    /// decoder then gives Foundation's own error.
    ///
    /// - Throws: A description of what differed.
    public static func refusesAsFoundationDoes<Value: RecordPayloadDecodable & Equatable>(
        _: Value.Type,
        payload: Data
    ) throws {
        let text = String(decoding: payload, as: UTF8.self)
        if let read = try? RecordJSONDecoder().decodeWithoutFallback(Value.self, from: payload) {
            throw CheckFailure("the payload reader accepted \(text) as \(read)")
        }
        let theirs: String
        do {
            let decoded = try JSONDecoder().decode(Value.self, from: payload)
            throw CheckFailure("Foundation's decoder accepted \(text) as \(decoded)")
        } catch let failure as CheckFailure {
            throw failure
        } catch {
            theirs = "\(error)"
        }
        do {
            let decoded = try RecordJSONDecoder().decode(Value.self, from: payload)
            throw CheckFailure("the store's decoder accepted \(text) as \(decoded)")
        } catch let failure as CheckFailure {
            throw failure
        } catch {
            guard "\(error)" == theirs else {
                throw CheckFailure("the store's decoder threw \(error)\nwhere Foundation's threw \(theirs)")
            }
        }
    }

    /// What a check found.
    public struct CheckFailure: Error, Sendable, CustomStringConvertible {
        /// What differed.
        public let description: String

        init(_ description: String) { self.description = description }
    }
}
