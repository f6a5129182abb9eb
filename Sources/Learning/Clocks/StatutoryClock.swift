public import Domain

/// A statutory or guidance clock: how long from one day to another, and where that comes from.
///
/// Clocks are data: a partnership, or a change of guidance, can alter one without code. A clock on a
/// review starts at one milestone and is met by another; a process clock (such as an initial
/// conference) has no review milestones and is used to compute deadlines.
public struct StatutoryClock: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "clock" }
    /// The type of the clock's identifier.
    public typealias ID = Identifier<StatutoryClock>
    /// `learning.clock`.
    public static var recordType: RecordType { "learning.clock" }

    /// The clock's id, such as `rapid-review`.
    public var id: StatutoryClock.ID
    /// Its name.
    public var name: String
    /// How long it runs.
    public var duration: ClockDuration
    /// What starts it, in words.
    public var startsWith: String
    /// What stops it, in words.
    public var endsWith: String
    /// The review milestone that starts it, for a review clock.
    public var startMilestone: ReviewMilestone?
    /// The review milestone that meets it, for a review clock.
    public var endMilestone: ReviewMilestone?
    /// The review kinds it applies to.
    public var appliesTo: [ReviewKind]
    /// Where the obligation comes from.
    public var source: ObligationSource

    /// Creates a clock.
    public init(
        id: StatutoryClock.ID,
        name: String,
        duration: ClockDuration,
        startsWith: String,
        endsWith: String,
        startMilestone: ReviewMilestone? = nil,
        endMilestone: ReviewMilestone? = nil,
        appliesTo: [ReviewKind] = [],
        source: ObligationSource
    ) {
        self.id = id
        self.name = name
        self.duration = duration
        self.startsWith = startsWith
        self.endsWith = endsWith
        self.startMilestone = startMilestone
        self.endMilestone = endMilestone
        self.appliesTo = appliesTo
        self.source = source
    }

    /// The clock's rule in a sentence, such as `15 working days from the notification being sent`.
    public var rule: String { "\(duration) from \(startsWith)" }

    /// The day the clock falls due when it starts on a day.
    public func deadline(from start: Day, calendar: any WorkingDayCalendar) -> Day {
        calendar.deadline(for: duration, from: start)
    }

    /// Reference data.
    public var accessScope: AccessScope { AccessScope(.referenceData) }

    /// The starter clocks, each naming its source.
    public static let starter: [StatutoryClock] = {
        let panelFAQ = "https://childsafeguarding.independent-panel.uk/about/faqs/"
        let wt = "Working Together to Safeguard Children"
        return [
            StatutoryClock(
                id: "panel-notification",
                name: "Serious incident notification to the national panel",
                duration: .workingDays(5),
                startsWith: "the local authority becoming aware of the incident",
                endsWith: "the notification being sent",
                startMilestone: .localAuthorityAware,
                endMilestone: .notificationSent,
                appliesTo: [.rapidReview],
                source: ObligationSource(.statute, "Children Act 2004 s16C(1)", url: panelFAQ)
            ),
            StatutoryClock(
                id: "rapid-review",
                name: "Rapid review",
                duration: .workingDays(15),
                startsWith: "the notification being sent to the panel",
                endsWith: "the rapid review being sent to the panel",
                startMilestone: .notificationSent,
                endMilestone: .rapidReviewSent,
                appliesTo: [.rapidReview],
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt); Child Safeguarding Practice Review Panel FAQ",
                    url: panelFAQ
                )
            ),
            StatutoryClock(
                id: "local-review-publication",
                name: "Local review published",
                duration: .months(6),
                startsWith: "the decision to initiate the local review",
                endsWith: "publication",
                startMilestone: .decisionToInitiate,
                endMilestone: .publication,
                appliesTo: [.localChildSafeguardingPracticeReview],
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt): local child safeguarding practice reviews published within 6 months of the decision to initiate"
                )
            ),
            StatutoryClock(
                id: "initial-conference",
                name: "Initial child protection conference",
                duration: .workingDays(15),
                startsWith: "the strategy discussion",
                endsWith: "the initial conference",
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt): initial child protection conference within 15 working days of the strategy discussion"
                )
            ),
            StatutoryClock(
                id: "core-group",
                name: "First core group",
                duration: .workingDays(10),
                startsWith: "the initial conference",
                endsWith: "the first core group meeting",
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt): first core group within 10 working days of the initial conference"
                )
            ),
            StatutoryClock(
                id: "first-review-conference",
                name: "First review conference",
                duration: .months(3),
                startsWith: "the initial conference",
                endsWith: "the first review conference",
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt): first review conference within 3 months of the initial conference"
                )
            ),
            StatutoryClock(
                id: "review-conference",
                name: "Later review conference",
                duration: .months(6),
                startsWith: "the previous review conference",
                endsWith: "the next review conference",
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt): later review conferences at intervals of not more than 6 months"
                )
            ),
            StatutoryClock(
                id: "assessment",
                name: "Child and family assessment",
                duration: .workingDays(45),
                startsWith: "the referral",
                endsWith: "the assessment's completion",
                source: ObligationSource(.statutoryGuidance, "\(wt): assessment within 45 working days of the referral")
            ),
            StatutoryClock(
                id: "lado-referral",
                name: "Referral to the LADO",
                duration: .workingDays(1),
                startsWith: "the allegation becoming known",
                endsWith: "the referral to the LADO",
                source: ObligationSource(
                    .statutoryGuidance,
                    "\(wt): allegations against people who work with children referred within 1 working day"
                )
            ),
        ]
    }()
}

/// Where a clock stands for a review on a day.
public struct ClockReading: Hashable, Sendable {
    /// Whether a clock has started, is running, was met or breached.
    public enum State: String, Hashable, Sendable, Codable {
        /// Its start milestone is not recorded.
        case notStarted = "not-started"
        /// Running, not yet due.
        case running
        /// Stopped on or before its deadline.
        case met
        /// Stopped after its deadline, or still running past it.
        case breached
    }

    /// The clock.
    public var clock: StatutoryClock
    /// Where it stands.
    public var state: State
    /// The day it started.
    public var started: Day?
    /// The day it falls due.
    public var due: Day?
    /// The day it stopped.
    public var stopped: Day?
    /// The reason recorded for a breach.
    public var breachReason: String?

    /// Reads a review clock for a review on a day.
    public static func read(
        _ clock: StatutoryClock,
        for review: Review,
        on day: Day,
        calendar: any WorkingDayCalendar
    ) -> ClockReading {
        guard let startMilestone = clock.startMilestone, let started = review[startMilestone] else {
            return ClockReading(clock: clock, state: .notStarted)
        }
        let due = clock.deadline(from: started, calendar: calendar)
        let stopped = clock.endMilestone.flatMap { review[$0] }
        let state: State
        if let stopped {
            state = stopped <= due ? .met : .breached
        } else {
            state = day > due ? .breached : .running
        }
        return ClockReading(
            clock: clock,
            state: state,
            started: started,
            due: due,
            stopped: stopped,
            breachReason: review.breachReasons[clock.id.rawValue]
        )
    }
}
