/// A seeded random number generator for property tests (SplitMix64), so that a failing case
/// reproduces on every run and machine.
///
/// Pass it where the standard library takes a generator (`shuffled(using:)`,
/// `Int.random(in:using:)`), or use its shorthands for the choices a generated case makes:
///
/// ```swift
/// var random = RepeatableRandom(seed: 0x5E11)
/// let assessments = (0..<(1 + random.below(40))).map { number in … }
/// if random.chance(3) { response.moderatedRating = codes[random.below(codes.count)] }
/// ```
public struct RepeatableRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number from zero up to, not including, a bound greater than zero.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "RepeatableRandom.below needs a bound greater than zero")
        return Int(next() % UInt64(bound))
    }

    /// True one time in a number of times, on average.
    public mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }
}
