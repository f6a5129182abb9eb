/// How many working days before each kind of deadline its reminder goes out.
///
/// The framework sets no reminder times: every figure here is a local default, which a partnership
/// changes to suit how long the work takes. A deadline whose kind the policy does not name is
/// reminded ``otherwise`` working days before.
///
/// ```swift
/// var policy = ReminderPolicy.standard
/// policy.workingDaysBefore[.selfAssessmentReturn] = 15
/// let framework = try AssuranceFramework(modules: modules, environment: environment, reminders: policy)
/// ```
public struct ReminderPolicy: Hashable, Sendable {
    /// Working days before the due day, by kind of deadline.
    public var workingDaysBefore: [DeadlineKind: Int]
    /// Working days before the due day for a kind not named.
    public var otherwise: Int

    /// Creates a policy.
    public init(workingDaysBefore: [DeadlineKind: Int], otherwise: Int = 5) {
        self.workingDaysBefore = workingDaysBefore
        self.otherwise = otherwise
    }

    /// The working days before a kind of deadline that its reminder goes out.
    public func workingDays(before kind: DeadlineKind) -> Int { workingDaysBefore[kind] ?? otherwise }

    /// The first day a deadline is reminded on: the working day that many working days before its
    /// due day.
    public func remindFrom(_ deadline: Deadline, calendar: any WorkingDayCalendar) -> Day {
        calendar.adding(workingDays: -workingDays(before: deadline.kind), to: deadline.dueOn)
    }

    /// The package's local defaults: ten working days before a self-assessment return, an action, a
    /// quarterly summary, a sub-group's report or a training session's follow-up evaluation; five before an audit case return or a review
    /// contribution; three before a review's statutory clock; two before a child protection clock;
    /// twenty before a scrutiny session.
    public static let standard = ReminderPolicy(
        workingDaysBefore: [
            .selfAssessmentReturn: 10, .auditCaseReturn: 5, .quarterlySummary: 10, .trackedAction: 10,
            .reviewClock: 3, .caseClock: 2, .reviewContribution: 5, .groupReport: 10, .scrutinySession: 20,
            .followUpEvaluation: 10,
        ]
    )

    /// No reminders.
    public static let never = ReminderPolicy(workingDaysBefore: [:], otherwise: -1)
}
