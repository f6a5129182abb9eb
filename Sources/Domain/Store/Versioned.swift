/// A record together with the version the store holds it at.
///
/// Pass the version back when saving a change: a save against a version that is no longer the
/// latest is refused with ``DomainError/Code/staleWrite``.
public struct Versioned<Value: Sendable>: Sendable {
    /// The record.
    public var value: Value
    /// The store's version of the record; 1 after the first save.
    public var version: Int

    /// Pairs a record with its version.
    public init(_ value: Value, version: Int) {
        self.value = value
        self.version = version
    }
}

extension Versioned: Equatable where Value: Equatable {}

extension Versioned: Hashable where Value: Hashable {}
