import Foundation

/// The three questions of outcomes-based accountability that every performance measure answers.
public enum AccountabilityQuestion: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// How much did we do? Quantity of effort.
    case howMuch = "how-much"
    /// How well did we do it? Quality of effort.
    case howWell = "how-well"
    /// Is anyone better off? The effect, as a count and a percentage; the most important.
    case betterOff = "better-off"

    /// The question as asked.
    public var description: String {
        switch self {
        case .howMuch: "How much did we do?"
        case .howWell: "How well did we do it?"
        case .betterOff: "Is anyone better off?"
        }
    }
}
