public import Domain
import Foundation

/// A stage of an appreciative inquiry, with what happened at it.
public struct InquiryStage: Hashable, Sendable, Codable {
    /// The stage's name, such as `Discover`.
    public var name: String
    /// The day it was held.
    public var heldOn: Day?
    /// Who took part, by role.
    public var participants: [String]
    /// What it produced.
    public var outputs: [String]

    /// Creates a stage.
    public init(name: String, heldOn: Day? = nil, participants: [String] = [], outputs: [String] = []) {
        self.name = name
        self.heldOn = heldOn
        self.participants = participants
        self.outputs = outputs
    }

    /// The five-stage cycle, Define, Discover, Dream, Design and Deliver (Destiny); a partnership may
    /// add a sixth of its own (the framework's "6 Ds" are not listed in any source found).
    public static let fiveDs = ["Define", "Discover", "Dream", "Design", "Deliver (Destiny)"]
}

/// An audit of the programme: planned, scoped, fielded, moderated, reported, challenged and closed.
public struct Audit: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "audit" }
    /// The type of the audit's identifier.
    public typealias ID = Identifier<Audit>
    /// `audit.audit`.
    public static var recordType: RecordType { "audit.audit" }
    /// Version 2: an audit names the partnership's priorities it serves.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged, with no priorities.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// Where an audit is in its lifecycle.
    public enum Stage: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// In the forward plan.
        case planned
        /// Being scoped.
        case scoping
        /// In the field.
        case fieldwork
        /// Being moderated.
        case moderation
        /// Reported to the Practice Development Group.
        case reported
        /// Its challenge session is held.
        case challenge
        /// Closed.
        case closed
        /// Cancelled, with a reason.
        case cancelled

        /// The stage's name.
        public var description: String { rawValue }
    }

    /// A stage reached.
    public struct Step: Hashable, Sendable, Codable {
        /// The stage.
        public var stage: Stage
        /// When.
        public var on: Day
        /// Who moved it.
        public var by: Principal.ID
        /// Why, for a cancellation.
        public var reason: String?

        /// Creates a step.
        public init(stage: Stage, on: Day, by: Principal.ID, reason: String? = nil) {
            self.stage = stage
            self.on = on
            self.by = by
            self.reason = reason
        }
    }

    /// The audit's id.
    public var id: Audit.ID
    /// Its title.
    public var title: String
    /// Its type.
    public var type: AuditType
    /// Its themes.
    public var themes: [Theme]
    /// Why its theme was chosen.
    public var rationale: ThemeRationale
    /// The lead, by role or name.
    public var lead: String
    /// The agencies involved.
    public var agencies: [Agency.ID]
    /// The template version used, for case audits.
    public var template: AuditTemplate.ID?
    /// The first day of the planned window.
    public var plannedFrom: Day
    /// The last day of the planned window.
    public var plannedUntil: Day
    /// Where it is.
    public package(set) var stage: Stage
    /// Every stage reached.
    public package(set) var steps: [Step]
    /// What it found.
    public var findings: [AuditFinding]
    /// The recommendations it made.
    public var recommendations: [Recommendation.ID]
    /// The signal a spot audit answers.
    public var signal: Signal.ID?
    /// Why children's and families' views were not sought, where they were not.
    public var voiceNotSoughtReason: String?
    /// The stages of an appreciative inquiry.
    public var inquiryStages: [InquiryStage]?
    /// The partnership's priorities the audit serves; `nil` in records from before priorities.
    public var priorities: [Priority.ID]?

    /// Whether the audit's cases are returned by agencies and graded at a moderation meeting: as its
    /// type says for the package's types; for a partnership's own type, when the audit names a
    /// grading template.
    public var isModerated: Bool { type.knownToModerate ?? (template != nil) }

    /// Creates a planned audit.
    public init(
        id: Audit.ID,
        title: String,
        type: AuditType,
        themes: [Theme],
        rationale: ThemeRationale,
        lead: String,
        agencies: [Agency.ID],
        template: AuditTemplate.ID? = nil,
        plannedFrom: Day,
        plannedUntil: Day,
        plannedOn: Day,
        plannedBy: Principal.ID
    ) {
        self.id = id
        self.title = title
        self.type = type
        self.themes = themes
        self.rationale = rationale
        self.lead = lead
        self.agencies = agencies
        self.template = template
        self.plannedFrom = plannedFrom
        self.plannedUntil = plannedUntil
        self.stage = .planned
        self.steps = [Step(stage: .planned, on: plannedOn, by: plannedBy)]
        self.findings = []
        self.recommendations = []
    }

    /// The day the audit reached a stage, if it has.
    public func reached(_ stage: Stage) -> Day? { steps.last { $0.stage == stage }?.on }

    /// The day fieldwork ended: the day the audit moved on from fieldwork.
    public var fieldworkEnded: Day? {
        guard let started = reached(.fieldwork) else { return nil }
        return steps.first { $0.on >= started && [.moderation, .reported].contains($0.stage) }?.on
    }

    /// Whether the audit is still under way.
    public var isActive: Bool { ![.closed, .cancelled].contains(stage) }

    /// Indexed by status and the end of its planned window.
    public var index: RecordIndex { RecordIndex(status: RecordStatus(stage), dueDay: plannedUntil, key: type.rawValue) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}
