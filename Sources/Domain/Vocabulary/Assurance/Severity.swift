/// How serious a finding is, from good practice to a decision the Executive must take now.
///
/// The five severities are the five parts of the Practice Development Group's balanced assurance
/// report, in the order the framework gives them (most serious first).
public enum Severity: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Good practice and particular strengths.
    case goodPractice = "good-practice"
    /// An area for improvement.
    case areaForImprovement = "area-for-improvement"
    /// An emerging risk or issue.
    case emergingRisk = "emerging-risk"
    /// An unresolved or recurring concern.
    case recurringConcern = "recurring-concern"
    /// Declining or poor performance that needs a decision now.
    case decisionRequired = "decision-required"

    /// The severity's heading in the assurance report.
    public var description: String {
        switch self {
        case .goodPractice: "Good practice and strengths"
        case .areaForImprovement: "Areas for improvement"
        case .emergingRisk: "Emerging risks and issues"
        case .recurringConcern: "Unresolved or recurring concerns"
        case .decisionRequired: "Decisions needed now"
        }
    }

    /// Orders from good practice up to decision required.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
