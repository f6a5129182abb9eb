/// The kind of a measure's identifier.
public enum MeasureKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "measure" }
}

/// A measure's id, such as `mash-contacts` or `dfe-re-referrals-12m`.
public typealias MeasureID = Identifier<MeasureKind>
