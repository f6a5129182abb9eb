/// A local safeguarding children partnership: the local authority, the integrated care board and
/// the police, with the agencies that work with them.
public struct Partnership: StorableRecord, IdentifierKind, Hashable {
    /// The type of the partnership's identifier.
    public typealias ID = Identifier<Partnership>
    /// The noun used in messages.
    public static var noun: String { "partnership" }
    /// `domain.partnership`.
    public static var recordType: RecordType { "domain.partnership" }

    /// The partnership's id.
    public var id: Partnership.ID
    /// The partnership's name.
    public var name: String
    /// The IANA time zone in which the partnership's days begin and end, `Europe/London` in England.
    public var timeZoneIdentifier: String

    /// Creates a partnership.
    public init(id: Partnership.ID, name: String, timeZoneIdentifier: String = "Europe/London") {
        self.id = id
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Structure is readable by every member of the partnership.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}

/// An agency's sector: an open set a host can extend with its own.
///
/// The sector decides which Section 11 standards apply to an agency and how the partnership's
/// reports group agencies.
public struct AgencySector: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The sector's name in text form, such as `police`.
    public let rawValue: String
    /// Creates a sector from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The sector's name.
    public var description: String { rawValue }
    /// Orders sectors by name.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Local authority children's services.
    public static let localAuthorityChildrensServices = AgencySector(rawValue: "local-authority-childrens-services")
    /// Schools, colleges and the local authority's education services.
    public static let education = AgencySector(rawValue: "education")
    /// Nurseries, childminders and other early years settings.
    public static let earlyYears = AgencySector(rawValue: "early-years")
    /// The integrated care board and other health commissioners.
    public static let healthCommissioner = AgencySector(rawValue: "health-commissioner")
    /// NHS trusts and other health providers.
    public static let healthProvider = AgencySector(rawValue: "health-provider")
    /// General practice.
    public static let generalPractice = AgencySector(rawValue: "gp")
    /// The police.
    public static let police = AgencySector(rawValue: "police")
    /// The probation service.
    public static let probation = AgencySector(rawValue: "probation")
    /// The youth justice service.
    public static let youthJustice = AgencySector(rawValue: "youth-justice")
    /// Housing providers and the housing authority.
    public static let housing = AgencySector(rawValue: "housing")
    /// Voluntary and community sector organisations.
    public static let voluntaryAndCommunity = AgencySector(rawValue: "voluntary-and-community")
    /// Faith organisations.
    public static let faith = AgencySector(rawValue: "faith")
    /// Sport and leisure organisations.
    public static let sportAndLeisure = AgencySector(rawValue: "sport-and-leisure")
    /// Any other sector.
    public static let other = AgencySector(rawValue: "other")

    /// The sectors the package names, in a stable order.
    public static let knownSectors: [AgencySector] = [
        .localAuthorityChildrensServices, .education, .earlyYears, .healthCommissioner, .healthProvider,
        .generalPractice, .police, .probation, .youthJustice, .housing, .voluntaryAndCommunity, .faith,
        .sportAndLeisure, .other,
    ]
}

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
