import Foundation

/// A theme of practice, such as neglect or the voice of the child: an open set with a starter catalogue.
///
/// Themes connect findings, recommendations, audits and work streams: a recommendation is matched
/// to the work stream of its theme, and a theme graded poorly in several audits is a recurring concern.
public struct Theme: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The theme's code, in lower case with hyphens, such as `domestic-abuse`.
    public let rawValue: String

    /// Creates a theme from its code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The theme's code.
    public var description: String { rawValue }

    /// Orders themes by code.
    public static func < (lhs: Theme, rhs: Theme) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The label shown to people: the catalogue's, or the code with its hyphens as spaces.
    public var label: String {
        Theme.starterLabels[rawValue] ?? rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }

    /// Neglect.
    public static let neglect = Theme(rawValue: "neglect")
    /// Domestic abuse.
    public static let domesticAbuse = Theme(rawValue: "domestic-abuse")
    /// Child sexual and criminal exploitation.
    public static let exploitation = Theme(rawValue: "exploitation")
    /// Children's and parents' mental health.
    public static let mentalHealth = Theme(rawValue: "mental-health")
    /// Online safety.
    public static let onlineSafety = Theme(rawValue: "online-safety")
    /// The voice of the child.
    public static let voiceOfTheChild = Theme(rawValue: "voice-of-the-child")
    /// Information sharing.
    public static let informationSharing = Theme(rawValue: "information-sharing")
    /// Neurodiversity.
    public static let neurodiversity = Theme(rawValue: "neurodiversity")
    /// Parental substance misuse.
    public static let parentalSubstanceMisuse = Theme(rawValue: "parental-substance-misuse")
    /// Self-harm and suicide.
    public static let selfHarmAndSuicide = Theme(rawValue: "self-harm-and-suicide")
    /// Sexual abuse, including intra-familial abuse.
    public static let sexualAbuse = Theme(rawValue: "sexual-abuse")
    /// Physical abuse and non-accidental injury.
    public static let physicalAbuse = Theme(rawValue: "physical-abuse")
    /// Children missing from home, care or education.
    public static let missingChildren = Theme(rawValue: "missing-children")
    /// Early help.
    public static let earlyHelp = Theme(rawValue: "early-help")
    /// Thresholds and the front door.
    public static let thresholds = Theme(rawValue: "thresholds")
    /// Professional challenge and escalation.
    public static let escalation = Theme(rawValue: "escalation")
    /// Safer recruitment and allegations against staff.
    public static let saferRecruitment = Theme(rawValue: "safer-recruitment")
    /// Supervision of practitioners.
    public static let supervision = Theme(rawValue: "supervision")
    /// Workforce training and development.
    public static let workforce = Theme(rawValue: "workforce")
    /// Disabled children.
    public static let disabledChildren = Theme(rawValue: "disabled-children")
    /// Race, equality and diversity.
    public static let equalityAndDiversity = Theme(rawValue: "equality-and-diversity")
    /// Assessment, planning and recording.
    public static let assessmentAndPlanning = Theme(rawValue: "assessment-and-planning")
    /// Multi-agency working.
    public static let multiAgencyWorking = Theme(rawValue: "multi-agency-working")
    /// Working with fathers and men in the household.
    public static let fathersAndMen = Theme(rawValue: "fathers-and-men")
    /// Leadership, governance and accountability for safeguarding.
    public static let governance = Theme(rawValue: "governance")
    /// Allegations against people who work with children.
    public static let allegations = Theme(rawValue: "allegations")

    /// The starter catalogue, in a stable order.
    ///
    /// A partnership may use its own themes as well.
    public static let starterCatalogue: [Theme] = [
        .neglect, .domesticAbuse, .exploitation, .mentalHealth, .onlineSafety, .voiceOfTheChild,
        .informationSharing, .neurodiversity, .parentalSubstanceMisuse, .selfHarmAndSuicide, .sexualAbuse,
        .physicalAbuse, .missingChildren, .earlyHelp, .thresholds, .escalation, .saferRecruitment, .supervision,
        .workforce, .disabledChildren, .equalityAndDiversity, .assessmentAndPlanning, .multiAgencyWorking,
        .fathersAndMen, .governance, .allegations,
    ]

    private static let starterLabels: [String: String] = [
        "neglect": "Neglect", "domestic-abuse": "Domestic abuse", "exploitation": "Exploitation",
        "mental-health": "Mental health", "online-safety": "Online safety",
        "voice-of-the-child": "Voice of the child", "information-sharing": "Information sharing",
        "neurodiversity": "Neurodiversity", "parental-substance-misuse": "Parental substance misuse",
        "self-harm-and-suicide": "Self-harm and suicide", "sexual-abuse": "Sexual abuse",
        "physical-abuse": "Physical abuse", "missing-children": "Missing children", "early-help": "Early help",
        "thresholds": "Thresholds and the front door", "escalation": "Professional challenge and escalation",
        "safer-recruitment": "Safer recruitment", "supervision": "Supervision",
        "workforce": "Workforce development", "disabled-children": "Disabled children",
        "equality-and-diversity": "Equality and diversity", "assessment-and-planning": "Assessment and planning",
        "multi-agency-working": "Multi-agency working", "fathers-and-men": "Fathers and men in the household",
        "governance": "Leadership and governance", "allegations": "Allegations against staff",
    ]
}

extension String {
    package var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
