public import Domain
import Foundation

/// A type of audit, from an open set.
///
/// The package's types are the static members; a partnership's profile names types of its own (a
/// case file audit, a schools audit) with the names its reports give them (``AuditModule/types``).
public typealias AuditType = Code<CodeKinds.AuditType>

extension CodeKinds {
    /// What an audit type names.
    public enum AuditType: CodeKind {}
    /// What an audit's rationale names.
    public enum AuditRationale: CodeKind {}
}

extension Code where Kind == CodeKinds.AuditType {
    /// A multi-agency thematic audit.
    public static var multiAgencyThematic: AuditType { "multi-agency-thematic" }
    /// A single agency's audit.
    public static var singleAgency: AuditType { "single-agency" }
    /// A spot audit of an anomaly in the data.
    public static var spot: AuditType { "spot" }
    /// A multi-agency thematic audit of the MASH.
    public static var mashThematic: AuditType { "mash-thematic" }
    /// An appreciative inquiry.
    public static var appreciativeInquiry: AuditType { "appreciative-inquiry" }
    /// A table-top audit.
    public static var tableTop: AuditType { "table-top" }
    /// A survey.
    public static var survey: AuditType { "survey" }
    /// A forum.
    public static var forum: AuditType { "forum" }
    /// A deep dive.
    public static var deepDive: AuditType { "deep-dive" }

    /// A code's text as words: hyphens as spaces, the first letter a capital.
    static func words(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "-", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The type's name in a sentence, such as `multi-agency thematic`, `MASH thematic` or `case file
    /// audit`: its ``label`` with the first letter small, unless the label begins with an acronym.
    public var name: String {
        let label = self.label
        let opening = label.prefix { $0 != " " && $0 != "-" }
        if opening.count > 1, opening.allSatisfy(\.isUppercase) { return label }
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    /// The package's types, in a stable order.
    public static var allCases: [AuditType] {
        [
            .multiAgencyThematic, .singleAgency, .spot, .mashThematic, .appreciativeInquiry, .tableTop, .survey,
            .forum, .deepDive,
        ]
    }

    /// The type as a report's table shows it, such as `Multi-agency thematic` or `MASH thematic`;
    /// a partnership's own type is its id with spaces for hyphens (`Case file audit`).
    public var label: String {
        switch rawValue {
        case "multi-agency-thematic": "Multi-agency thematic"
        case "single-agency": "Single-agency"
        case "spot": "Spot audit"
        case "mash-thematic": "MASH thematic"
        case "appreciative-inquiry": "Appreciative inquiry"
        case "table-top": "Table-top"
        default: Self.words(rawValue)
        }
    }

    /// Whether the package's type audits cases that the agencies return and a moderation meeting
    /// grades; `nil` for a partnership's own type, which its audits' tools decide (``Audit/isModerated``).
    public var knownToModerate: Bool? {
        switch rawValue {
        case "multi-agency-thematic", "single-agency", "mash-thematic", "table-top": true
        case "spot", "appreciative-inquiry", "survey", "forum", "deep-dive": false
        default: nil
        }
    }

    /// Whether the type audits cases that agencies return and a moderation meeting grades: the
    /// package's types as they always have; a partnership's own type, when it names a tool.
    public var usesModeration: Bool { knownToModerate ?? false }
}

/// Why an audit's theme was chosen: an open set; a partnership's profile may name its own
/// (`priority`).
public typealias ThemeRationale = Code<CodeKinds.AuditRationale>

extension Code where Kind == CodeKinds.AuditRationale {
    /// Learning from reviews.
    public static var reviewLearning: ThemeRationale { "review-learning" }
    /// What the data shows.
    public static var data: ThemeRationale { "data" }
    /// Feedback from children and families.
    public static var childrenAndFamilies: ThemeRationale { "children-and-families" }
    /// National research.
    public static var nationalResearch: ThemeRationale { "national-research" }
    /// Anything else.
    public static var other: ThemeRationale { "other" }

    /// The package's rationales, in a stable order.
    public static var allCases: [ThemeRationale] {
        [.reviewLearning, .data, .childrenAndFamilies, .nationalResearch, .other]
    }

    /// The rationale in words, such as `Review learning`.
    public var label: String { AuditType.words(rawValue) }
}
