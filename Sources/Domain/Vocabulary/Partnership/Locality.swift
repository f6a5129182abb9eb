/// A locality of the partnership's area, with its own locality partnership.
public struct Locality: StorableRecord, IdentifierKind, Hashable {
    /// The type of the locality's identifier.
    public typealias ID = Identifier<Locality>
    /// The noun used in messages.
    public static var noun: String { "locality" }
    /// `domain.locality`.
    public static var recordType: RecordType { "domain.locality" }

    /// The locality's id.
    public var id: Locality.ID
    /// The locality's name.
    public var name: String

    /// Creates a locality.
    public init(id: Locality.ID, name: String) {
        self.id = id
        self.name = name
    }

    /// Structure is readable by every member of the partnership.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}
