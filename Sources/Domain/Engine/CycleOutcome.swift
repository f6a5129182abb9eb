/// What an assurance cycle did.
public struct CycleOutcome: Sendable {
    /// The day the cycle ran for.
    public var day: Day
    /// Findings raised for the first time.
    public var raised: [Finding] = []
    /// Open findings that still hold.
    public var kept: [Finding] = []
    /// Findings whose condition has cleared.
    public var resolved: [Finding] = []
    /// Findings moved up a level (also in ``kept``).
    public var escalated: [Finding] = []
    /// Signals raised for the first time or raised again.
    public var signalsRaised: [Signal] = []
    /// Signals that no longer stand.
    public var signalsCleared: [Signal] = []
    /// What the notifier delivered.
    public var delivery: DeliveryReport?
    /// The messages the cycle put in the outbox for the profile's contacts.
    public var messages: [OutboxMessage] = []
    /// The reminders sent, soonest due first.
    public var reminded: [Reminder] = []

    /// Creates an empty outcome.
    public init(day: Day) {
        self.day = day
    }

    /// The open findings after the cycle: raised and kept, in the framework's order
    /// (``Finding/inFrameworkOrder(_:_:)``).
    public var open: [Finding] { (raised + kept).sorted(by: Finding.inFrameworkOrder) }

    /// The number of open findings at each level.
    public var openByLevel: [EscalationLevel: Int] {
        Dictionary(grouping: open, by: \.level).mapValues(\.count)
    }

    /// Whether the cycle changed nothing.
    public var changedNothing: Bool {
        raised.isEmpty && resolved.isEmpty && escalated.isEmpty && signalsRaised.isEmpty && signalsCleared.isEmpty
            && reminded.isEmpty
    }
}
