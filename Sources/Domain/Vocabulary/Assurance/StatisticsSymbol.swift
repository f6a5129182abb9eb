/// A symbol the Department for Education's statistics publish in place of a number.
///
/// A symbol is kept as what it is and never turned into a number.
public enum StatisticsSymbol: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Suppressed to protect confidentiality.
    case c
    /// Not available.
    case x
    /// Not applicable.
    case z
    /// Low reliability.
    case u
    /// Rounds to zero, but is not zero.
    case low

    /// The symbol as published.
    public var description: String { rawValue }
}
