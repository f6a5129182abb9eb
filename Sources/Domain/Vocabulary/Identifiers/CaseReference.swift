/// The kind of a pseudonymous case reference supplied by the host; never a name or a date of birth.
public enum CaseKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "case" }
}

/// A pseudonymous reference to a child's case, supplied by the host.
public typealias CaseReference = Identifier<CaseKind>
