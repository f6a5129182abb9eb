/// The code of a level on a rating scale, as stored and imported, such as `green`, `2` or
/// `requires-improvement`.
///
/// A code means something only on its scale: ``RatingScale/requireLevel(_:)`` finds its level,
/// label, rank and RAG colour.
///
/// ```swift
/// let rating: RatingCode = "amber"
/// let level = try scale.requireLevel(rating)   // "Amber", rank 1, .amber
/// ```
public typealias RatingCode = Code<CodeKinds.RatingCode>

extension CodeKinds {
    /// What a rating code names.
    public enum RatingCode: CodeKind {}
}
