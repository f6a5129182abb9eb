/// A section of a partnership's quality assurance framework that a rule rests on: an open set, each
/// with the title frameworks commonly give it, which a partnership's profile may retitle.
///
/// A rule cites the section and what it says; the framework document (``FrameworkDocument``)
/// supplies the framework's name and the partnership's own title for the section, so no
/// partnership's name is compiled into a rule.
public typealias FrameworkSection = Code<CodeKinds.FrameworkSection>

extension CodeKinds {
    /// What a framework section code names.
    public enum FrameworkSection: KeyCodeKind {}
}

extension Code where Kind == CodeKinds.FrameworkSection {
    /// The framework's introduction.
    public static var introduction: FrameworkSection { "introduction" }
    /// The partnership's approach, which asks what difference it made.
    public static var partnershipApproach: FrameworkSection { "partnership-approach" }
    /// Independent scrutiny.
    public static var independentScrutiny: FrameworkSection { "independent-scrutiny" }
    /// The role of the group that holds the partnership's assurance (in the starter framework, the
    /// Practice Development Group).
    public static var practiceDevelopmentGroup: FrameworkSection { "practice-development-group" }
    /// The role of the group that runs the multi-agency audit programme (in the starter framework,
    /// the Quality Assurance Delivery Group).
    public static var qualityAssuranceDeliveryGroup: FrameworkSection { "quality-assurance-delivery-group" }
    /// The role of the partnership's business team.
    public static var businessTeam: FrameworkSection { "business-team" }
    /// The voices of children and families.
    public static var voices: FrameworkSection { "voices" }
    /// Continuous learning.
    public static var continuousLearning: FrameworkSection { "continuous-learning" }
    /// Individual agency contribution and Section 11.
    public static var agencyContribution: FrameworkSection { "agency-contribution" }
    /// Quantitative measures.
    public static var quantitativeMeasures: FrameworkSection { "quantitative-measures" }
    /// Quantitative measures and spot audits.
    public static var measuresAndSpotAudits: FrameworkSection { "measures-and-spot-audits" }
    /// Spot audits.
    public static var spotAudits: FrameworkSection { "spot-audits" }
    /// The multi-agency safeguarding hub and child protection conferences.
    public static var hubAndConferences: FrameworkSection { "hub-and-conferences" }
    /// Closing the learning loop.
    public static var learningLoop: FrameworkSection { "learning-loop" }
    /// Closing the learning loop and monitoring the impact of change.
    public static var learningLoopAndImpact: FrameworkSection { "learning-loop-and-impact" }

    /// Every section the package's rules cite, in the order a framework usually takes them.
    public static var common: [FrameworkSection] {
        [
            .introduction, .partnershipApproach, .independentScrutiny, .practiceDevelopmentGroup,
            .qualityAssuranceDeliveryGroup, .businessTeam, .voices, .continuousLearning, .agencyContribution,
            .quantitativeMeasures, .measuresAndSpotAudits, .spotAudits, .hubAndConferences, .learningLoop,
            .learningLoopAndImpact,
        ]
    }

    /// The title frameworks commonly give the section, used when a profile gives none.
    public var commonTitle: String {
        switch rawValue {
        case "introduction": "Introduction"
        case "partnership-approach": "Partnership Approach"
        case "independent-scrutiny": "Independent Scrutiny"
        case "practice-development-group": "Governance and Assurance"
        case "quality-assurance-delivery-group": "Multi-Agency Audit"
        case "business-team": "The Role of the Partnership Business Team"
        case "voices": "The Voices of Children and Families"
        case "continuous-learning": "Continuous Learning"
        case "agency-contribution": "Individual Agency Contribution and Section 11"
        case "quantitative-measures": "Quantitative Measures"
        case "measures-and-spot-audits": "Quantitative Measures and 'Spot' Audits"
        case "spot-audits": "'Spot' Audits"
        case "hub-and-conferences": "Multi-Agency Safeguarding Hub and Child Protection Conferences"
        case "learning-loop": "Closing the Learning Loop"
        case "learning-loop-and-impact": "Closing the Learning Loop and Monitoring the Impact of Change"
        default: rawValue
        }
    }

}

/// A coding key made from any string.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { self.stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
