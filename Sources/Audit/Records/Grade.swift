public import Domain

/// A grade with the rationale every grade needs.
public struct Grade: Hashable, Sendable, Codable {
    /// The level's code on the template's scale.
    public var level: RatingCode
    /// Why the grade was given.
    public var rationale: String

    /// Creates a grade.
    public init(level: RatingCode, rationale: String) {
        self.level = level
        self.rationale = rationale
    }
}

/// An answer to a yes-or-no question.
public enum Answer: String, Hashable, Sendable, Codable, CaseIterable {
    /// Yes.
    case yes
    /// No.
    case no
    /// Not applicable.
    case notApplicable = "n/a"
}
