extension Sequence {
    /// The elements by a key, keeping the first element of each key.
    ///
    /// ```swift
    /// let agencies = try await view.all(Agency.self).keyed(by: \.id)
    /// ```
    package func keyed<Key: Hashable>(by key: (Element) throws -> Key) rethrows -> [Key: Element] {
        var result: [Key: Element] = [:]
        for element in self {
            let key = try key(element)
            if result[key] == nil { result[key] = element }
        }
        return result
    }

    /// A value of each element by a key, keeping the first value of each key.
    package func keyed<Key: Hashable, Value>(
        by key: (Element) throws -> Key,
        value: (Element) throws -> Value
    ) rethrows -> [Key: Value] {
        var result: [Key: Value] = [:]
        for element in self {
            let key = try key(element)
            if result[key] == nil { result[key] = try value(element) }
        }
        return result
    }
}
