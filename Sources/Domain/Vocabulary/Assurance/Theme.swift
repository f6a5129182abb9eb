import Foundation

/// A theme of practice, such as neglect or the voice of the child: an open set with a starter catalogue.
///
/// Themes connect findings, recommendations, audits and work streams: a recommendation is matched
/// to the work stream of its theme, and a theme graded poorly in several audits is a recurring concern.
public typealias Theme = Code<CodeKinds.Theme>

extension CodeKinds {
    /// What a theme code names.
    public enum Theme: CodeKind {}
}

extension Code where Kind == CodeKinds.Theme {
    /// The label shown to people: the catalogue's, or the code with its hyphens as spaces.
    public var label: String {
        Theme.starterLabels[rawValue] ?? rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }

    /// Neglect.
    public static var neglect: Theme { "neglect" }
    /// Domestic abuse.
    public static var domesticAbuse: Theme { "domestic-abuse" }
    /// Child sexual and criminal exploitation.
    public static var exploitation: Theme { "exploitation" }
    /// Children's and parents' mental health.
    public static var mentalHealth: Theme { "mental-health" }
    /// Online safety.
    public static var onlineSafety: Theme { "online-safety" }
    /// The voice of the child.
    public static var voiceOfTheChild: Theme { "voice-of-the-child" }
    /// Information sharing.
    public static var informationSharing: Theme { "information-sharing" }
    /// Neurodiversity.
    public static var neurodiversity: Theme { "neurodiversity" }
    /// Parental substance misuse.
    public static var parentalSubstanceMisuse: Theme { "parental-substance-misuse" }
    /// Self-harm and suicide.
    public static var selfHarmAndSuicide: Theme { "self-harm-and-suicide" }
    /// Sexual abuse, including intra-familial abuse.
    public static var sexualAbuse: Theme { "sexual-abuse" }
    /// Physical abuse and non-accidental injury.
    public static var physicalAbuse: Theme { "physical-abuse" }
    /// Children missing from home, care or education.
    public static var missingChildren: Theme { "missing-children" }
    /// Early help.
    public static var earlyHelp: Theme { "early-help" }
    /// Thresholds and the front door.
    public static var thresholds: Theme { "thresholds" }
    /// Professional challenge and escalation.
    public static var escalation: Theme { "escalation" }
    /// Safer recruitment and allegations against staff.
    public static var saferRecruitment: Theme { "safer-recruitment" }
    /// Supervision of practitioners.
    public static var supervision: Theme { "supervision" }
    /// Workforce training and development.
    public static var workforce: Theme { "workforce" }
    /// Disabled children.
    public static var disabledChildren: Theme { "disabled-children" }
    /// Race, equality and diversity.
    public static var equalityAndDiversity: Theme { "equality-and-diversity" }
    /// Assessment, planning and recording.
    public static var assessmentAndPlanning: Theme { "assessment-and-planning" }
    /// Multi-agency working.
    public static var multiAgencyWorking: Theme { "multi-agency-working" }
    /// Working with fathers and men in the household.
    public static var fathersAndMen: Theme { "fathers-and-men" }
    /// Leadership, governance and accountability for safeguarding.
    public static var governance: Theme { "governance" }
    /// Allegations against people who work with children.
    public static var allegations: Theme { "allegations" }

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
