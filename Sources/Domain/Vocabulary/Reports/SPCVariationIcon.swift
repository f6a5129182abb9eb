/// The variation icon of a phase: the type of its last point, high or low.
public enum SPCVariationIcon: String, Hashable, Sendable, Codable, CaseIterable {
    /// Common-cause variation.
    case commonCause = "common_cause"
    /// Special-cause improvement, where higher is better.
    case improvementHigh = "improvement_high"
    /// Special-cause improvement, where lower is better.
    case improvementLow = "improvement_low"
    /// Special-cause concern, high (lower is better).
    case concernHigh = "concern_high"
    /// Special-cause concern, low (higher is better).
    case concernLow = "concern_low"
    /// Special cause, high, with no better direction.
    case neutralHigh = "neutral_high"
    /// Special cause, low, with no better direction.
    case neutralLow = "neutral_low"
}
