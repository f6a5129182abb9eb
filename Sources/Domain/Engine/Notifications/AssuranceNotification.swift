/// A message to the people at a level of the partnership: a finding raised, escalated or resolved, a
/// decision asked, a reminder due, or anything else a host wants delivered.
///
/// The ``key`` is stable (for a finding, its id and level), so the same thing is never delivered
/// twice, across restarts too.
public struct AssuranceNotification: Hashable, Sendable, Codable {
    /// The stable key that identifies what is being notified.
    public var key: String
    /// What it announces.
    public var kind: NotificationKind
    /// A one-line subject.
    public var subject: String
    /// The body.
    public var body: String
    /// The level that must act.
    public var level: EscalationLevel?
    /// The level's name in the partnership's own words.
    public var levelName: String?
    /// How serious it is.
    public var severity: Severity?
    /// The agency concerned.
    public var agency: Agency.ID?
    /// The group concerned.
    public var group: Group.ID?
    /// The record it is about.
    public var about: RecordReference?
    /// The rule that raised the finding it is about, if it is about one: a sink routes or filters by it.
    public var rule: RuleID?
    /// Where the obligation comes from: the statute, guidance or the partnership's framework.
    public var source: String?
    /// What the recipient is asked to do, in words.
    public var action: String?
    /// The day it was raised.
    public var raisedOn: Day
    /// The day what it asks for is due, if it has one; a digest lists the soonest first.
    public var dueOn: Day?

    /// Creates a notification.
    public init(
        key: String,
        kind: NotificationKind? = nil,
        subject: String,
        body: String,
        level: EscalationLevel? = nil,
        levelName: String? = nil,
        severity: Severity? = nil,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        about: RecordReference? = nil,
        rule: RuleID? = nil,
        source: String? = nil,
        action: String? = nil,
        raisedOn: Day,
        dueOn: Day? = nil
    ) {
        self.rule = rule
        self.key = key
        self.kind = kind ?? .implied(byKey: key)
        self.subject = subject
        self.body = body
        self.level = level
        self.levelName = levelName
        self.severity = severity
        self.agency = agency
        self.group = group
        self.about = about
        self.source = source
        self.action = action
        self.raisedOn = raisedOn
        self.dueOn = dueOn
    }

    private enum CodingKeys: String, CodingKey {
        case key, kind, subject, body, level, levelName, severity, agency, group, about, rule, source, action
        case raisedOn, dueOn
    }

    /// Reads a notification, one written before kinds were recorded among them (its kind read from its key).
    ///
    /// - Throws: `DecodingError` for a field of the wrong shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = try container.decode(String.self, forKey: .key)
        self.init(
            key: key,
            kind: try container.decodeIfPresent(NotificationKind.self, forKey: .kind),
            subject: try container.decode(String.self, forKey: .subject),
            body: try container.decode(String.self, forKey: .body),
            level: try container.decodeIfPresent(EscalationLevel.self, forKey: .level),
            levelName: try container.decodeIfPresent(String.self, forKey: .levelName),
            severity: try container.decodeIfPresent(Severity.self, forKey: .severity),
            agency: try container.decodeIfPresent(Agency.ID.self, forKey: .agency),
            group: try container.decodeIfPresent(Group.ID.self, forKey: .group),
            about: try container.decodeIfPresent(RecordReference.self, forKey: .about),
            rule: try container.decodeIfPresent(RuleID.self, forKey: .rule),
            source: try container.decodeIfPresent(String.self, forKey: .source),
            action: try container.decodeIfPresent(String.self, forKey: .action),
            raisedOn: try container.decode(Day.self, forKey: .raisedOn),
            dueOn: try container.decodeIfPresent(Day.self, forKey: .dueOn)
        )
    }
}
