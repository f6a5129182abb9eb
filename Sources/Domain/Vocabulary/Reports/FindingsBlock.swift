/// A list of findings, each with its escalation level and evidence.
public struct FindingsBlock: Hashable, Sendable {
    /// What a finding that needs a decision asks of the level that decides it.
    public struct DecisionAsked: Hashable, Sendable {
        /// The courses open to the level, as its rule gives them.
        public var options: [String]
        /// The index in ``options`` of the course the rule recommends.
        public var recommended: Int
        /// Who decides, by name: the level and the group that holds it.
        public var decider: String
        /// The day the decision is due by (the deciding group's next meeting), when it is known.
        public var decideBy: Day?
        /// What happens if nothing is decided.
        public var ifUndecided: String

        /// Creates what a decision item asks.
        public init(options: [String], recommended: Int, decider: String, decideBy: Day?, ifUndecided: String) {
            self.options = options
            self.recommended = options.indices.contains(recommended) ? recommended : 0
            self.decider = decider
            self.decideBy = decideBy
            self.ifUndecided = ifUndecided
        }

        /// The course the rule recommends.
        public var recommendedOption: String { options.indices.contains(recommended) ? options[recommended] : "" }

        /// Who decides and by when, in words: "the Executive, at its next meeting, by 8 July 2026".
        public var whoAndWhen: String {
            "\(decider), at its next meeting" + (decideBy.map { ", by \($0.longForm)" } ?? "")
        }
    }

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
        /// What the finding asks of the level that decides it, when it needs a decision.
        public var decision: DecisionAsked?

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
            arose: Day? = nil,
            decision: DecisionAsked? = nil
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
            self.decision = decision
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
