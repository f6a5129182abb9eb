// What a projection reads of an array without decoding its elements.
extension RecordObjectReader {
    /// The number of elements of an optional array: 0 when it is missing, null or empty.
    ///
    /// For a projection that needs to know whether a record has evidence, not what the evidence is.
    public mutating func countIfPresent(_ key: StaticString) throws -> Int {
        guard let index = optional(key) else { return 0 }
        return try arrayBounds(index).count
    }

    /// The last element of an array of objects, read by `read`, or `nil` when the array is empty.
    ///
    /// For a projection that needs a record's latest update and not the others, which are skipped
    /// unread.
    @inlinable public mutating func lastElement<Element>(
        _ key: StaticString,
        _ read: (_ element: inout RecordObjectReader) throws -> Element
    ) throws -> Element? {
        let index = try required(key)
        let (count, end) = try arrayBounds(index)
        guard count > 0 else { return nil }
        var child = index + 1
        while nextSibling(child) < end { child = nextSibling(child) }
        var reader = try RecordObjectReader(document: document, node: child)
        return try read(&reader)
    }
}
