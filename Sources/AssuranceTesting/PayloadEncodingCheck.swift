public import Domain
import Foundation

/// Checks a record type's `RecordPayloadEncodable` conformance against its `Encodable` one.
///
/// A type that writes its own payload must write exactly the bytes its `encode(to:)` gives through
/// the store's encoder: the same members, in the same order, each value the same. Use it in a host's
/// own tests of its record types, over values with every optional both present and absent:
///
/// ```swift
/// try PayloadEncodingCheck.writesWhatEncodableWrites(record)
/// ```
public enum PayloadEncodingCheck: Sendable {
    /// Writes a value by its own writer and through `Encodable` (one pass, and the tree of nodes);
    /// all three must give the same bytes, and the store's encoder must take the value's own writer.
    ///
    /// - Throws: A description of the first difference, or the writer's refusal.
    public static func writesWhatEncodableWrites<Value: RecordPayloadEncodable>(_ value: Value) throws {
        guard let own = RecordPayloadWriting.bytes(of: value) else {
            throw PayloadDecodingCheck.CheckFailure("the type's own writer declined \(value)")
        }
        let tree = [UInt8](try RecordJSONEncoder(alwaysThroughTree: true).encode(value))
        guard own == tree else {
            throw PayloadDecodingCheck.CheckFailure(
                "the type's own writer wrote\n\(String(decoding: own, as: UTF8.self))\n"
                    + "where Encodable writes\n\(String(decoding: tree, as: UTF8.self))"
            )
        }
        if let onePass = try RecordJSONStreamEncoder.encode(value), onePass != own {
            throw PayloadDecodingCheck.CheckFailure(
                "the one-pass writer wrote \(String(decoding: onePass, as: UTF8.self)); the tree agrees with the type"
            )
        }
        let stored = [UInt8](try RecordJSONEncoder().encode(value))
        guard stored == own else {
            throw PayloadDecodingCheck.CheckFailure("the store's encoder wrote other bytes than the type's own writer")
        }
    }
}
