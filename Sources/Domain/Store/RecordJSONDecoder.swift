package import Foundation

/// Decodes the store's JSON payloads, the counterpart of ``RecordJSONEncoder``.
///
/// Decoding records was most of the cost of every analysis over a partnership's records. This
/// decoder parses a payload once into a flat array of nodes (no dictionaries, no boxed values), then
/// hands `Decodable` types containers that read straight from it: keys compared as bytes, integers
/// parsed in place, doubles by `strtod` (correctly rounded, as Foundation's decoder is).
///
/// Types that conform to ``RecordPayloadDecodable`` read themselves from the nodes, with no containers.
///
/// It reads what Foundation's `JSONDecoder` reads with its default strategies, and gives the same
/// values. Where it meets anything it does not handle itself (a malformed payload, a type mismatch,
/// a missing key, a number written with a fraction for an integer), it hands the whole payload to
/// Foundation's decoder, so that results and errors are Foundation's exactly, only slower.
///
/// A decoder parses each payload into memory it keeps for the next, so one decoder serves one
/// reader of records at a time; it is not `Sendable`.
package struct RecordJSONDecoder {
    /// The parsed document, reused from one payload to the next and replaced by a larger one when a
    /// payload does not fit.
    private final class Scratch {
        var document: RecordJSONDocument?

        func document(for count: Int) -> RecordJSONDocument {
            if let document, document.capacity >= count { return document }
            // Room to spare, so that payloads a little longer than the last do not each reallocate.
            let made = RecordJSONDocument(capacity: max(count * 2, 4096))
            document = made
            return made
        }
    }

    private let scratch = Scratch()

    /// Creates the decoder.
    package init() {}

    /// Decodes a value from JSON.
    ///
    /// - Throws: Foundation's `DecodingError` where the payload does not decode.
    package func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        if let value = try? decodeWithoutFallback(type, from: data) { return value }
        return try JSONDecoder().decode(type, from: data)
    }

    /// The fast path alone, which throws where the public method would hand the payload to Foundation.
    package func decodeWithoutFallback<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try data.withUnsafeBytes { try decodeWithoutFallback(type, fromBytes: $0) }
    }

    /// Decodes a value from JSON bytes held elsewhere, such as a store's page of payloads.
    ///
    /// - Throws: Foundation's `DecodingError` where the payload does not decode.
    package func decode<Value: Decodable>(_ type: Value.Type, fromBytes bytes: UnsafeRawBufferPointer) throws -> Value {
        if let value = try? decodeWithoutFallback(type, fromBytes: bytes) { return value }
        return try JSONDecoder().decode(type, from: Data(bytes))
    }

    private func decodeWithoutFallback<Value: Decodable>(
        _ type: Value.Type,
        fromBytes bytes: UnsafeRawBufferPointer
    ) throws -> Value {
        let document = scratch.document(for: bytes.count)
        try document.load(bytes)
        // The decoders hold the document unowned, to spare a retain and release on every value.
        return try withExtendedLifetime(document) {
            if let readable = type as? any RecordPayloadDecodable.Type {
                var reader = try RecordObjectReader(document: document, node: 0)
                return try readable.init(payload: &reader) as! Value
            }
            return try RecordNodeDecoder(document: document, node: 0).decodeValue(type)
        }
    }
}

/// Why the fast path gave up; never seen by callers, who get Foundation's decoder's answer instead.
@usableFromInline struct RecordDecodingDeclined: Error {
    @usableFromInline init() {}
}
