/// A finding raised by an assurance rule: something the partnership must know or act on.
///
/// The framework raises a finding when its rule first reports it, keeps it while the rule still
/// reports it, resolves it when the rule no longer does, and escalates it a level when it stays
/// open too long. Acknowledgement, ownership and the Executive's decision are kept on the finding.
public struct Finding: StorableRecord, IdentifierKind, Hashable {
    /// The type of the finding's identifier.
    public typealias ID = Identifier<Finding>
    /// The noun used in messages.
    public static var noun: String { "finding" }
    /// `domain.finding`.
    public static var recordType: RecordType { "domain.finding" }

    /// Whether a finding still holds.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// The rule still reports it.
        case open
        /// The rule no longer reports it.
        case resolved
    }

    /// A finding moving to a level.
    public struct LevelChange: Hashable, Sendable, Codable {
        /// The level reached.
        public var level: EscalationLevel
        /// The day it was reached.
        public var on: Day
        /// Creates a level change.
        public init(level: EscalationLevel, on: Day) {
            self.level = level
            self.on = on
        }
    }

    /// Someone acknowledging a finding.
    public struct Acknowledgement: Hashable, Sendable, Codable {
        /// Who acknowledged it.
        public var by: Principal.ID
        /// When.
        public var on: Day
        /// What they said.
        public var note: String?
        /// Creates an acknowledgement.
        public init(by: Principal.ID, on: Day, note: String? = nil) {
            self.by = by
            self.on = on
            self.note = note
        }
    }

    /// The decision taken on a finding, usually by the Executive.
    public struct Decision: Hashable, Sendable, Codable {
        /// Who decided.
        public var by: Principal.ID
        /// When.
        public var on: Day
        /// What was decided.
        public var text: String
        /// Creates a decision.
        public init(by: Principal.ID, on: Day, text: String) {
            self.by = by
            self.on = on
            self.text = text
        }
    }

    /// The finding's id.
    public var id: Finding.ID
    /// The rule that raised it.
    public var rule: RuleID
    /// The stable key the rule gives it, so the same finding is recognised in every cycle.
    public var key: String
    /// The record the finding is about.
    public var subject: RecordReference
    /// The agency concerned, if any.
    public var agency: Agency.ID?
    /// The group concerned, if any.
    public var group: Group.ID?
    /// How serious it is.
    public var severity: Severity
    /// The level that must act now.
    public package(set) var level: EscalationLevel
    /// Every level the finding has been at, with the day it got there.
    public package(set) var levelHistory: [LevelChange]
    /// What the finding says.
    public var message: String
    /// Themes it bears on.
    public var themes: [Theme]
    /// The evidence behind it.
    public var evidence: [EvidenceReference]
    /// The day it was first raised.
    public var raisedOn: Day
    /// The day by which it should be dealt with, if the rule says.
    public var dueOn: Day?
    /// Whether it still holds.
    public package(set) var status: Status
    /// The day it was resolved.
    public package(set) var resolvedOn: Day?
    /// Who acknowledged it.
    public package(set) var acknowledgement: Acknowledgement?
    /// Who owns dealing with it.
    public package(set) var owner: Principal.ID?
    /// The decision taken on it.
    public package(set) var decision: Decision?

    /// Creates a finding.
    public init(
        id: Finding.ID,
        rule: RuleID,
        key: String,
        subject: RecordReference,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        severity: Severity,
        level: EscalationLevel,
        message: String,
        themes: [Theme] = [],
        evidence: [EvidenceReference] = [],
        raisedOn: Day,
        dueOn: Day? = nil
    ) {
        self.id = id
        self.rule = rule
        self.key = key
        self.subject = subject
        self.agency = agency
        self.group = group
        self.severity = severity
        self.level = level
        self.levelHistory = [LevelChange(level: level, on: raisedOn)]
        self.message = message
        self.themes = themes
        self.evidence = evidence
        self.raisedOn = raisedOn
        self.dueOn = dueOn
        self.status = .open
    }

    /// The day the finding reached its current level.
    public var atLevelSince: Day { levelHistory.last?.on ?? raisedOn }

    /// Indexed by agency, group, status, due day and key.
    public var index: RecordIndex {
        RecordIndex(agency: agency, group: group, status: RecordStatus(status), dueDay: dueOn, key: key)
    }
    /// A finding, scoped to its agency and group.
    public var accessScope: AccessScope { AccessScope(.finding, agency: agency, group: group) }
}
