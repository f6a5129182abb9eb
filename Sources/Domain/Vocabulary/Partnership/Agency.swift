/// An agency of the partnership: a statutory partner, a school, a health provider, a charity.
public struct Agency: StorableRecord, IdentifierKind, Hashable {
    /// The type of the agency's identifier.
    public typealias ID = Identifier<Agency>
    /// The noun used in messages.
    public static var noun: String { "agency" }
    /// `domain.agency`.
    public static var recordType: RecordType { "domain.agency" }

    /// The agency's id.
    public var id: Agency.ID
    /// The agency's name.
    public var name: String
    /// The agency's sector.
    public var sector: AgencySector
    /// Whether the agency is one of the three statutory safeguarding partners.
    public var isStatutoryPartner: Bool
    /// The locality the agency serves, if it serves one.
    public var locality: Locality.ID?

    /// Creates an agency.
    public init(
        id: Agency.ID,
        name: String,
        sector: AgencySector,
        isStatutoryPartner: Bool = false,
        locality: Locality.ID? = nil
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.isStatutoryPartner = isStatutoryPartner
        self.locality = locality
    }

    /// Indexed by the agency itself.
    public var index: RecordIndex { RecordIndex(agency: id) }
    /// Structure, which every member of the partnership reads: an agency lead may read the other
    /// agencies' names and sectors, as any member of a multi-agency meeting would know them.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}
