/// A kind of deadline the partnership reminds people of: an open set a module extends with its own.
public struct DeadlineKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The kind's name, such as `section11.return`.
    public let rawValue: String
    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The kind's name.
    public var description: String { rawValue }
    /// Orders kinds by name.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// An agency's Section 11 or s175 self-assessment return.
    public static let selfAssessmentReturn: DeadlineKind = "section11.return"
    /// An agency's case return to an audit.
    public static let auditCaseReturn: DeadlineKind = "audit.case-return"
    /// A quarterly summary from the MASH or the conference chairs.
    public static let quarterlySummary: DeadlineKind = "audit.quarterly-summary"
    /// An action of the one tracker.
    public static let trackedAction: DeadlineKind = "tracker.action"
    /// A statutory clock of a review.
    public static let reviewClock: DeadlineKind = "review.clock"
    /// A child protection clock recorded for a case reference.
    public static let caseClock: DeadlineKind = "case.clock"
    /// A contribution an agency owes a review: its chronology or its summary.
    public static let reviewContribution: DeadlineKind = "review.contribution"
    /// A follow-up evaluation of a training session, asking whether practice changed.
    public static let followUpEvaluation: DeadlineKind = "learning.follow-up"
    /// A sub-group's report to the Executive.
    public static let groupReport: DeadlineKind = "partnership.group-report"
    /// A sub-group's scrutiny session.
    public static let scrutinySession: DeadlineKind = "partnership.scrutiny-session"
}
