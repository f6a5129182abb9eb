public import Foundation
import Synchronization

/// The seam through which the package makes new identifiers.
///
/// Logic never calls `UUID()`: it asks an `IDGenerator`, so that tests get predictable ids.
///
/// ```swift
/// let ids = IDGenerator.incrementing
/// ids()  // 00000000-0000-0000-0000-000000000001
/// ids()  // 00000000-0000-0000-0000-000000000002
/// ```
public struct IDGenerator: Sendable {
    private let next: @Sendable () -> UUID

    /// Creates a generator from a closure.
    public init(_ next: @escaping @Sendable () -> UUID) {
        self.next = next
    }

    /// Random version 4 UUIDs.
    public static var random: IDGenerator { IDGenerator { UUID() } }

    /// UUIDs counting up from `00000000-0000-0000-0000-000000000001`; each generator counts on its own.
    public static var incrementing: IDGenerator {
        let counter = Mutex<UInt64>(0)
        return IDGenerator {
            let value = counter.withLock { count -> UInt64 in
                count += 1
                return count
            }
            return UUID(uuidString: "00000000-0000-0000-0000-" + hex12(value))!
        }
    }

    /// The next UUID.
    public func callAsFunction() -> UUID { next() }

    /// The next identifier of a kind: the UUID's lower-case text.
    public func make<Kind: IdentifierKind>(_: Kind.Type = Kind.self) -> Identifier<Kind> {
        Identifier(unchecked: next().uuidString.lowercased())
    }

    private static func hex12(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 12 - text.count)) + text
    }
}
