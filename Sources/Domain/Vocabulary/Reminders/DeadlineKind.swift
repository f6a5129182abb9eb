/// A kind of deadline the partnership reminds people of: an open set a module extends with its own.
public typealias DeadlineKind = Code<CodeKinds.DeadlineKind>

extension CodeKinds {
    /// What a deadline kind names.
    public enum DeadlineKind: CodeKind {}
}

extension Code where Kind == CodeKinds.DeadlineKind {
    /// An agency's Section 11 or s175 self-assessment return.
    public static var selfAssessmentReturn: DeadlineKind { "section11.return" }
    /// An agency's case return to an audit.
    public static var auditCaseReturn: DeadlineKind { "audit.case-return" }
    /// A quarterly summary from the MASH or the conference chairs.
    public static var quarterlySummary: DeadlineKind { "audit.quarterly-summary" }
    /// An action of the one tracker.
    public static var trackedAction: DeadlineKind { "tracker.action" }
    /// A statutory clock of a review.
    public static var reviewClock: DeadlineKind { "review.clock" }
    /// A child protection clock recorded for a case reference.
    public static var caseClock: DeadlineKind { "case.clock" }
    /// A contribution an agency owes a review: its chronology or its summary.
    public static var reviewContribution: DeadlineKind { "review.contribution" }
    /// A follow-up evaluation of a training session, asking whether practice changed.
    public static var followUpEvaluation: DeadlineKind { "learning.follow-up" }
    /// A sub-group's report to the Executive.
    public static var groupReport: DeadlineKind { "partnership.group-report" }
    /// A sub-group's scrutiny session.
    public static var scrutinySession: DeadlineKind { "partnership.scrutiny-session" }

    /// The package's kinds, which the profile's reminder policy may name.
    public static var known: [DeadlineKind] {
        [
            .selfAssessmentReturn, .auditCaseReturn, .quarterlySummary, .trackedAction, .reviewClock, .caseClock,
            .reviewContribution, .followUpEvaluation, .groupReport, .scrutinySession,
        ]
    }
}
