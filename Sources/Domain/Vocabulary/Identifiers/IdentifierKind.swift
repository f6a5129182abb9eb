/// A kind of thing that has typed identifiers; its ``noun`` names it in error messages.
public protocol IdentifierKind {
    /// The lower-case noun used in messages, such as `agency` or `audit`.
    static var noun: String { get }
}
