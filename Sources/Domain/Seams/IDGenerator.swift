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

    /// Version 4 UUIDs drawn from a seeded SplitMix64 sequence: random-looking, and the same sequence
    /// for the same seed on every machine, for demos and reproducible runs.
    public static func seeded(_ seed: UInt64) -> IDGenerator {
        let state = Mutex<UInt64>(seed)
        return IDGenerator {
            func draw() -> UInt64 {
                state.withLock { value -> UInt64 in
                    value &+= 0x9E37_79B9_7F4A_7C15
                    var z = value
                    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                    return z ^ (z >> 31)
                }
            }
            let high = draw()
            let low = draw()
            var bytes = [UInt8](repeating: 0, count: 16)
            for index in 0..<8 {
                bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
                bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
            }
            bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
            bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
            return UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                    bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                )
            )
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
