/// Part of a stored record: the fields an analysis reads, read from the record's payload without
/// making the rest of it.
///
/// A national view reads hundreds of thousands of records of a type and an analysis often needs a
/// few of their fields: of an audit's case returns, only who graded which case how. Making each
/// record whole (its identifiers, answers, rationales and recommendations, each on the heap) costs
/// several times what reading the few fields does. A projection names its ``Source`` record type,
/// whose stored type, schema version and migrations it shares: a record written by an older schema
/// is migrated before the projection reads it, and one written by a newer schema is refused, as
/// reading the whole record would be.
///
/// A projection reads its fields with ``RecordPayloadDecodable/init(payload:)`` and, for payloads
/// that reader gives up on, with `init(from:)`, which must read the same fields from the source
/// record's coded form. It reads only what it names, so a payload that lacks a field the projection
/// does not read is read without complaint.
///
/// An ``AssuranceView`` reads them with `records(_:_:)`, given the projection's type and a filter.
public protocol RecordProjection: RecordPayloadDecodable, Sendable {
    /// The record type this is part of.
    associatedtype Source: StorableRecord
}
