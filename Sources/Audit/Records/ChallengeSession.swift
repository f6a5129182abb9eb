public import Domain

/// A challenge session: some months after an audit is reported, it asks of each recommendation what
/// evidence there is of impact.
public struct ChallengeSession: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "challenge session" }
    /// The type of the session's identifier.
    public typealias ID = Identifier<ChallengeSession>
    /// `audit.challenge-session`.
    public static var recordType: RecordType { "audit.challenge-session" }
    /// Version 2: an outcome may name the actions it examined.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// The judgement of a recommendation's impact.
    public enum Judgement: String, Hashable, Sendable, Codable, CaseIterable {
        /// Embedded in practice.
        case embedded
        /// Progressing.
        case progressing
        /// Not yet evident.
        case notYetEvident = "not-yet-evident"
        /// Not achieved.
        case notAchieved = "not-achieved"
    }

    /// One recommendation's outcome.
    public struct Outcome: Hashable, Sendable, Codable {
        /// The recommendation.
        public var recommendation: Recommendation.ID
        /// The evidence of impact.
        public var evidence: String
        /// The judgement.
        public var judgement: Judgement
        /// The recommendation's actions the session examined, if it looked at particular ones.
        public var actions: [TrackedAction.ID]?

        /// Creates an outcome.
        public init(
            recommendation: Recommendation.ID,
            evidence: String,
            judgement: Judgement,
            actions: [TrackedAction.ID]? = nil
        ) {
            self.recommendation = recommendation
            self.evidence = evidence
            self.judgement = judgement
            self.actions = actions
        }

        /// The judgement as the one tracker records impact.
        public var impact: ImpactRecord.Judgement {
            switch judgement {
            case .embedded: .embedded
            case .progressing: .progressing
            case .notYetEvident: .notYetEvident
            case .notAchieved: .notAchieved
            }
        }
    }

    /// The session's id.
    public var id: ChallengeSession.ID
    /// The audit challenged.
    public var audit: Audit.ID
    /// The day it was held.
    public var heldOn: Day
    /// The outcome for each recommendation.
    public var outcomes: [Outcome]
    /// Other notes.
    public var notes: String?

    /// Creates a session.
    public init(id: ChallengeSession.ID, audit: Audit.ID, heldOn: Day, outcomes: [Outcome], notes: String? = nil) {
        self.id = id
        self.audit = audit
        self.heldOn = heldOn
        self.outcomes = outcomes
        self.notes = notes
    }

    /// Indexed by audit.
    public var index: RecordIndex { RecordIndex(period: .containing(heldOn, kind: .month), parent: audit.retyped()) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}
