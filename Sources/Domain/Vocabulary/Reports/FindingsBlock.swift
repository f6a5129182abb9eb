/// A list of findings, each with its escalation level and evidence.
public struct FindingsBlock: Hashable, Sendable {
    /// One finding as a report shows it.
    public struct Item: Hashable, Sendable {
        /// How serious it is.
        public var severity: Severity
        /// The level it is escalated to.
        public var level: EscalationLevel
        /// The level as the partnership names it.
        public var levelName: String
        /// Since when it has been at that level.
        public var since: Day
        /// The day it first arose: the day after what it is about fell due, or the day the cycle
        /// first raised it, whichever came first.
        public var arose: Day
        /// What it says.
        public var message: String
        /// The rule that raised it and the obligation it checks.
        public var source: String
        /// The evidence behind it.
        public var evidence: [String]
        /// The agency concerned, by name.
        public var agency: String?

        /// Creates an item.
        public init(
            severity: Severity,
            level: EscalationLevel,
            since: Day,
            message: String,
            source: String,
            evidence: [String] = [],
            agency: String? = nil,
            levelName: String? = nil,
            arose: Day? = nil
        ) {
            self.severity = severity
            self.level = level
            self.levelName = levelName ?? level.description
            self.since = since
            self.arose = min(arose ?? since, since)
            self.message = message
            self.source = source
            self.evidence = evidence
            self.agency = agency
        }
    }

    /// The caption.
    public var caption: String
    /// The findings, most serious first.
    public var items: [Item]

    /// Creates a findings list.
    public init(caption: String, items: [Item]) {
        self.caption = caption
        self.items = items
    }
}
