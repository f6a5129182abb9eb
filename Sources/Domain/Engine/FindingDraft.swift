/// What a rule reports: the framework turns it into a ``Finding``, or keeps the finding it already holds.
public struct FindingDraft: Hashable, Sendable {
    /// A key unique within the rule that stays the same while the condition holds, such as the
    /// review's id; the framework combines it with the rule's id.
    public var key: String
    /// The record the finding is about.
    public var subject: RecordReference
    /// The agency concerned.
    public var agency: Agency.ID?
    /// The group concerned.
    public var group: Group.ID?
    /// How serious it is.
    public var severity: Severity
    /// The level that must act first.
    public var level: EscalationLevel
    /// What the finding says.
    ///
    /// Keep it the same while the condition is unchanged, so that a repeated cycle changes nothing.
    public var message: String
    /// Themes it bears on.
    public var themes: [Theme]
    /// The evidence behind it.
    public var evidence: [EvidenceReference]
    /// The day by which it should be dealt with.
    public var dueOn: Day?

    /// Creates a draft.
    public init(
        key: String,
        subject: RecordReference,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        severity: Severity,
        level: EscalationLevel,
        message: String,
        themes: [Theme] = [],
        evidence: [EvidenceReference] = [],
        dueOn: Day? = nil
    ) {
        self.key = key
        self.subject = subject
        self.agency = agency
        self.group = group
        self.severity = severity
        self.level = level
        self.message = message
        self.themes = themes
        self.evidence = evidence
        self.dueOn = dueOn
    }
}
