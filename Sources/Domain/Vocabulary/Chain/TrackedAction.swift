import Foundation

/// An action towards a recommendation, in the one action tracker.
///
/// Completing an action does not close its recommendation: evidence of impact does (``ImpactRecord``).
public struct TrackedAction: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "action" }
    /// The type of the action's identifier.
    public typealias ID = Identifier<TrackedAction>
    /// `learning.action`: the name the record had when the tracker began in Learning, kept because
    /// stored records carry it.
    public static var recordType: RecordType { "learning.action" }
    /// Version 2: an action may come from an agency's own plan (``origin``).
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// Where an action came from when it is not a partnership plan's: an agency's answer to a
    /// Section 11 or s175 criterion, say.
    public struct Origin: Hashable, Sendable, Codable {
        /// The record that holds it, such as the agency's self-assessment.
        public var record: RecordReference
        /// Where in that record, such as the criterion's code.
        public var detail: String?

        /// Creates an origin.
        public init(record: RecordReference, detail: String? = nil) {
            self.record = record
            self.detail = detail
        }
    }

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
    public package(set) var status: Status
    /// Progress updates, oldest first.
    public package(set) var updates: [Update]
    /// The day it was completed.
    public package(set) var completedOn: Day?
    /// Evidence that it was completed.
    public package(set) var completionEvidence: [EvidenceReference]?
    /// Where it came from, when it is an agency's own plan rather than the partnership's.
    public var origin: Origin?

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
            status: RecordStatus(status),
            dueDay: dueOn,
            parent: recommendation.retyped(),
            key: workStream?.rawValue
        )
    }
    /// Learning, scoped to the owner agency.
    public var accessScope: AccessScope { AccessScope(.learning, agency: ownerAgency) }
}
