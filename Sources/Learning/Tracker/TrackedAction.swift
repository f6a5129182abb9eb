public import Domain
import Foundation

/// An action towards a recommendation, in the one action tracker.
///
/// Completing an action does not close its recommendation: evidence of impact does (``ImpactRecord``).
public struct TrackedAction: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "action" }
    /// The type of the action's identifier.
    public typealias ID = Identifier<TrackedAction>
    /// `learning.action`.
    public static var recordType: RecordType { "learning.action" }

    /// An action's declared status.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// Not started.
        case notStarted = "not-started"
        /// On track.
        case onTrack = "on-track"
        /// At risk of missing its due day.
        case atRisk = "at-risk"
        /// Past its due day and not complete.
        case overdue
        /// Completed.
        case completed
        /// Completed, with evidence of completion.
        case completedAndEvidenced = "completed-and-evidenced"

        /// The status's name.
        public var description: String { rawValue.replacingOccurrences(of: "-", with: " ") }

        /// Whether the action is done.
        public var isComplete: Bool { self == .completed || self == .completedAndEvidenced }
    }

    /// A timestamped progress update.
    public struct Update: Hashable, Sendable, Codable {
        /// The day of the update.
        public var on: Day
        /// Who gave it.
        public var by: Principal.ID
        /// What has happened.
        public var text: String
        /// The status it reports.
        public var status: Status

        /// Creates an update.
        public init(on: Day, by: Principal.ID, text: String, status: Status) {
            self.on = on
            self.by = by
            self.text = text
            self.status = status
        }
    }

    /// The action's id.
    public var id: TrackedAction.ID
    /// The recommendation it serves.
    public var recommendation: Recommendation.ID
    /// The work stream it belongs to.
    public var workStream: WorkStream.ID?
    /// What will be done.
    public var text: String
    /// The agency that owns it.
    public var ownerAgency: Agency.ID?
    /// The lead, by role or name.
    public var lead: String
    /// The day it starts.
    public var startOn: Day
    /// The day it is due.
    public var dueOn: Day
    /// Its declared status.
    public var status: Status
    /// Progress updates, oldest first.
    public var updates: [Update]
    /// The day it was completed.
    public var completedOn: Day?
    /// Evidence that it was completed.
    public var completionEvidence: [EvidenceReference]?

    /// Creates an action, not started.
    public init(
        id: TrackedAction.ID,
        recommendation: Recommendation.ID,
        workStream: WorkStream.ID? = nil,
        text: String,
        ownerAgency: Agency.ID? = nil,
        lead: String,
        startOn: Day,
        dueOn: Day
    ) {
        self.id = id
        self.recommendation = recommendation
        self.workStream = workStream
        self.text = text
        self.ownerAgency = ownerAgency
        self.lead = lead
        self.startOn = startOn
        self.dueOn = dueOn
        self.status = .notStarted
        self.updates = []
    }

    /// The status that stands on a day: overdue when it is past due and not complete.
    public func effectiveStatus(on day: Day) -> Status {
        if !status.isComplete, dueOn < day { return .overdue }
        return status
    }

    /// The day of the latest progress update, if any.
    public var lastUpdated: Day? { updates.last?.on }

    /// Indexed by owner agency, status, due day and recommendation.
    public var index: RecordIndex {
        RecordIndex(
            agency: ownerAgency,
            status: status.rawValue,
            dueDay: dueOn,
            parent: recommendation.retyped(),
            key: workStream?.rawValue
        )
    }
    /// Learning, scoped to the owner agency.
    public var accessScope: AccessScope { AccessScope(.learning, agency: ownerAgency) }
}

/// Evidence that a recommendation changed practice: a separate, later judgement than completing its actions.
public struct ImpactRecord: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "impact record" }
    /// The type of the record's identifier.
    public typealias ID = Identifier<ImpactRecord>
    /// `learning.impact`.
    public static var recordType: RecordType { "learning.impact" }

    /// Where evidence of impact comes from.
    public enum EvidenceKind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A re-audit.
        case reAudit = "re-audit"
        /// A survey of practitioners.
        case practitionerSurvey = "practitioner-survey"
        /// A survey of children and families.
        case childrenAndFamiliesSurvey = "children-and-families-survey"
        /// A training evaluation.
        case trainingEvaluation = "training-evaluation"
        /// Movement of a measure.
        case measureMovement = "measure-movement"
        /// Anything else.
        case other
    }

    /// The judgement of whether practice changed.
    public enum Judgement: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// The change is embedded in practice.
        case embedded
        /// Practice is changing.
        case progressing
        /// No change is evident yet.
        case notYetEvident = "not-yet-evident"
        /// The change was not achieved.
        case notAchieved = "not-achieved"

        /// The judgement's name.
        public var description: String { rawValue.replacingOccurrences(of: "-", with: " ") }
    }

    /// One piece of evidence.
    public struct Evidence: Hashable, Sendable, Codable {
        /// Its kind.
        public var kind: EvidenceKind
        /// What it shows.
        public var summary: String
        /// The record it comes from (an audit, a measure's series), by reference.
        public var reference: RecordReference?

        /// Creates evidence.
        public init(kind: EvidenceKind, summary: String, reference: RecordReference? = nil) {
            self.kind = kind
            self.summary = summary
            self.reference = reference
        }
    }

    /// The record's id.
    public var id: ImpactRecord.ID
    /// The recommendation it judges.
    public var recommendation: Recommendation.ID
    /// The judgement.
    public var judgement: Judgement
    /// The evidence.
    public var evidence: [Evidence]
    /// The day it was recorded.
    public var recordedOn: Day
    /// Who recorded it.
    public var recordedBy: Principal.ID

    /// Creates a record.
    public init(
        id: ImpactRecord.ID,
        recommendation: Recommendation.ID,
        judgement: Judgement,
        evidence: [Evidence],
        recordedOn: Day,
        recordedBy: Principal.ID
    ) {
        self.id = id
        self.recommendation = recommendation
        self.judgement = judgement
        self.evidence = evidence
        self.recordedOn = recordedOn
        self.recordedBy = recordedBy
    }

    /// Indexed by recommendation.
    public var index: RecordIndex { RecordIndex(parent: recommendation.retyped()) }
    /// Learning.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
