import Domain
import Foundation

/// The types of audit the framework uses.
public enum AuditType: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// A multi-agency thematic audit.
    case multiAgencyThematic = "multi-agency-thematic"
    /// A single agency's audit.
    case singleAgency = "single-agency"
    /// A spot audit of an anomaly in the data.
    case spot
    /// A multi-agency thematic audit of the MASH.
    case mashThematic = "mash-thematic"
    /// An appreciative inquiry.
    case appreciativeInquiry = "appreciative-inquiry"
    /// A table-top audit.
    case tableTop = "table-top"
    /// A survey.
    case survey
    /// A forum.
    case forum
    /// A deep dive.
    case deepDive = "deep-dive"

    /// The type's name.
    public var description: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// The type as a report's table shows it, such as `Multi-agency thematic` or `MASH thematic`.
    public var label: String {
        switch self {
        case .multiAgencyThematic: "Multi-agency thematic"
        case .singleAgency: "Single-agency"
        case .spot: "Spot audit"
        case .mashThematic: "MASH thematic"
        case .appreciativeInquiry: "Appreciative inquiry"
        case .tableTop: "Table-top"
        case .survey: "Survey"
        case .forum: "Forum"
        case .deepDive: "Deep dive"
        }
    }

    /// Whether the type audits cases that the agencies return and a moderation meeting grades.
    public var usesModeration: Bool {
        switch self {
        case .multiAgencyThematic, .singleAgency, .mashThematic, .tableTop: true
        case .spot, .appreciativeInquiry, .survey, .forum, .deepDive: false
        }
    }
}
