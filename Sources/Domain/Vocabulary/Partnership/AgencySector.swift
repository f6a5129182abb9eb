import Foundation

/// An agency's sector: an open set a host can extend with its own.
///
/// The sector decides which Section 11 standards apply to an agency and how the partnership's
/// reports group agencies.
public typealias AgencySector = Code<CodeKinds.AgencySector>

extension CodeKinds {
    /// What a sector code names.
    public enum AgencySector: CodeKind {}
}

extension Code where Kind == CodeKinds.AgencySector {
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
    public static var localAuthorityChildrensServices: AgencySector { "local-authority-childrens-services" }
    /// Schools, colleges and the local authority's education services.
    public static var education: AgencySector { "education" }
    /// Nurseries, childminders and other early years settings.
    public static var earlyYears: AgencySector { "early-years" }
    /// The integrated care board and other health commissioners.
    public static var healthCommissioner: AgencySector { "health-commissioner" }
    /// NHS trusts and other health providers.
    public static var healthProvider: AgencySector { "health-provider" }
    /// General practice.
    public static var generalPractice: AgencySector { "gp" }
    /// The police.
    public static var police: AgencySector { "police" }
    /// The probation service.
    public static var probation: AgencySector { "probation" }
    /// The youth justice service.
    public static var youthJustice: AgencySector { "youth-justice" }
    /// Housing providers and the housing authority.
    public static var housing: AgencySector { "housing" }
    /// Voluntary and community sector organisations.
    public static var voluntaryAndCommunity: AgencySector { "voluntary-and-community" }
    /// Faith organisations.
    public static var faith: AgencySector { "faith" }
    /// Sport and leisure organisations.
    public static var sportAndLeisure: AgencySector { "sport-and-leisure" }
    /// Any other sector.
    public static var other: AgencySector { "other" }

    /// The sectors the package names, in a stable order.
    public static let knownSectors: [AgencySector] = [
        .localAuthorityChildrensServices, .education, .earlyYears, .healthCommissioner, .healthProvider,
        .generalPractice, .police, .probation, .youthJustice, .housing, .voluntaryAndCommunity, .faith,
        .sportAndLeisure, .other,
    ]

}
