import Foundation

/// A seeded random number generator (xoshiro256**, seeded by SplitMix64): the same seed gives the
/// same numbers on every machine, so generated data is byte-identical run to run.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator from a seed.
    package init(seed: UInt64) {
        var mix = seed
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// A generator for a named stream of a seed, so that adding a stream does not shift the others.
    package init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        self.init(seed: seed ^ hash)
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform number in [0, 1).
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A normally distributed number (Box–Muller).
    package mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
        let u1 = max(unit(), 1e-300)
        let u2 = unit()
        return mean + deviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A Poisson-distributed count (Knuth's method for small means, normal approximation for large ones).
    package mutating func poisson(_ mean: Double) -> Int {
        if mean > 30 { return max(0, Int(normal(mean: mean, deviation: mean.squareRoot()).rounded())) }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// Whether an event of a probability happens.
    package mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A uniform integer in a range.
    package mutating func integer(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// An element of a non-empty array.
    package mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }
}
