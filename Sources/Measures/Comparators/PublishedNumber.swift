public import Domain

/// A number as the Department for Education publishes it: exact decimal digits, never a binary
/// approximation, so that rounding at the published precision is exact.
public struct PublishedNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value times 10^``decimals``.
    public let scaled: Int64
    /// The number of digits after the decimal point.
    public let decimals: Int

    /// Creates a number from its scaled value and decimals.
    public init(scaled: Int64, decimals: Int) {
        self.scaled = scaled
        self.decimals = decimals
    }

    /// Parses published text such as `22.6`, `-3` or `1045`.
    ///
    /// Returns `nil` for anything else: thousands separators, exponents, NaN, spaces.
    public init?(_ text: some StringProtocol) {
        var digits: Int64 = 0
        var decimals = -1
        var negative = false
        var count = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x2D where offset == 0: negative = true
            case 0x2E where decimals < 0: decimals = 0
            case 0x30...0x39:
                guard digits < Int64.max / 10 - 10 else { return nil }
                digits = digits * 10 + Int64(byte - 0x30)
                if decimals >= 0 { decimals += 1 }
                count += 1
            default: return nil
            }
        }
        guard count > 0, decimals != 0 else { return nil }
        self.scaled = negative ? -digits : digits
        self.decimals = max(decimals, 0)
    }

    /// The value as a `Double` (for charts; never for rounding).
    public var doubleValue: Double {
        var divisor = 1.0
        for _ in 0..<decimals { divisor *= 10 }
        return Double(scaled) / divisor
    }

    /// The same value with more decimals.
    public func scaled(to places: Int) -> PublishedNumber {
        var value = scaled
        for _ in decimals..<max(decimals, places) { value *= 10 }
        return PublishedNumber(scaled: value, decimals: max(decimals, places))
    }

    /// The value rounded half away from zero to a number of decimals, as the Department rounds.
    public func rounded(to places: Int) -> PublishedNumber {
        guard places < decimals else { return scaled(to: places) }
        var divisor: Int64 = 1
        for _ in places..<decimals { divisor *= 10 }
        let quotient = scaled / divisor
        let remainder = abs(scaled % divisor)
        let up = remainder * 2 >= divisor
        return PublishedNumber(scaled: quotient + (up ? (scaled < 0 ? -1 : 1) : 0), decimals: places)
    }

    /// The text with exactly ``decimals`` digits after the point.
    public var description: String {
        let magnitude = String(abs(scaled))
        let sign = scaled < 0 ? "-" : ""
        guard decimals > 0 else { return sign + magnitude }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - magnitude.count)) + magnitude
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        return sign + padded[..<split] + "." + padded[split...]
    }

    /// Compares values exactly.
    public static func < (lhs: PublishedNumber, rhs: PublishedNumber) -> Bool {
        let places = max(lhs.decimals, rhs.decimals)
        return lhs.scaled(to: places).scaled < rhs.scaled(to: places).scaled
    }

    /// The median of published values, exact, rounded half away from zero to `places` decimals.
    ///
    /// The median of an even count is the mean of the middle two, which is exact at one more
    /// decimal than theirs; it is then rounded, so a median of 15.15 published to 1 decimal is 15.2.
    public static func median(_ values: [PublishedNumber], places: Int) -> PublishedNumber? {
        guard !values.isEmpty else { return nil }
        let common = values.map(\.decimals).max() ?? 0
        let sorted = values.map { $0.scaled(to: common).scaled }.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 {
            return PublishedNumber(scaled: sorted[middle], decimals: common).rounded(to: places)
        }
        // (a + b) / 2 = (a + b) × 5 / 10: exact with one more decimal.
        let doubled = sorted[middle - 1] + sorted[middle]
        return PublishedNumber(scaled: doubled * 5, decimals: common + 1).rounded(to: places)
    }
}

/// A value in the Department for Education's published data: a number, or a symbol in its place.
public enum PublishedValue: Hashable, Sendable, CustomStringConvertible {
    /// A number.
    case number(PublishedNumber)
    /// A symbol: `c`, `x`, `z`, `u` or `low`.
    case symbol(StatisticsSymbol)

    /// The value as published.
    public var description: String {
        switch self {
        case .number(let number): number.description
        case .symbol(let symbol): symbol.rawValue
        }
    }

    /// The number, if there is one.
    public var number: PublishedNumber? {
        if case .number(let number) = self { return number }
        return nil
    }
}
