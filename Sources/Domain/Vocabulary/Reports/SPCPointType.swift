/// How a point of an SPC chart varies: the point types of Making Data Count's reference implementation.
public enum SPCPointType: String, Hashable, Sendable, Codable, CaseIterable {
    /// Common-cause variation.
    case commonCause = "common_cause"
    /// Special cause in the direction of improvement.
    case improvement = "special_cause_improvement"
    /// Special cause against the direction of improvement.
    case concern = "special_cause_concern"
    /// Special cause, high, where neither direction is better.
    case neutralHigh = "special_cause_neutral_high"
    /// Special cause, low, where neither direction is better.
    case neutralLow = "special_cause_neutral_low"
}
