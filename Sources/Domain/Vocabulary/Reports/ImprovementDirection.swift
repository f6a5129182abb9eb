/// Which direction of change is an improvement.
public enum ImprovementDirection: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher values are better.
    case increase
    /// Lower values are better.
    case decrease
    /// Neither direction is better.
    case neutral
}
