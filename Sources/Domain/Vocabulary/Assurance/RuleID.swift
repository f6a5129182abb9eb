/// The kind of an assurance rule's identifier.
public enum RuleKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "rule" }
}

/// An assurance rule's id, such as `learning.rapid-review-overdue`.
public typealias RuleID = Identifier<RuleKind>
