import Foundation

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

    /// The sector's name as a report shows it, such as `Local authority children's services`; a
    /// host's own sector is its name with spaces for hyphens.
    public var label: String {
        Self.labels[rawValue] ?? rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }

    private static let labels: [String: String] = [
        "local-authority-childrens-services": "Local authority children's services",
        "education": "Education", "early-years": "Early years", "health-commissioner": "Health commissioners",
        "health-provider": "Health providers", "gp": "General practice", "police": "Police",
        "probation": "Probation", "youth-justice": "Youth justice", "housing": "Housing",
        "voluntary-and-community": "Voluntary and community", "faith": "Faith",
        "sport-and-leisure": "Sport and leisure",
        "other": "Other",
    ]

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
