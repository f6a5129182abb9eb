import Foundation

/// Evidence that a recommendation changed practice: a separate, later judgement than completing its actions.
///
/// Any judgement writes one: a challenge session that finds the learning embedded, a re-audit, a
/// measure's sustained improvement, an agency's Section 11 re-rating, a survey, a training
/// follow-up. Its ``source`` names the record that judged; closing a recommendation needs one.
public struct ImpactRecord: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "impact record" }
    /// The type of the record's identifier.
    public typealias ID = Identifier<ImpactRecord>
    /// `learning.impact`: the name the record had when the tracker began in Learning, kept because
    /// stored records carry it.
    public static var recordType: RecordType { "learning.impact" }
    /// Version 2: the judging record and the actions judged, and more kinds of evidence.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged; the step keeps a build that knows only version 1 from misreading
    /// the new kinds of evidence.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

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
        /// A measure's sustained improvement: special-cause improvement that has held.
        case sustainedImprovement = "sustained-improvement"
        /// A challenge session's judgement of whether learning is embedded.
        case challengeSession = "challenge-session"
        /// An agency's Section 11 or s175 re-rating of a criterion.
        case reRating = "re-rating"
        /// What children, young people or families said changed.
        case voice
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
    /// The record whose judgement this is, such as a challenge session or a re-audit.
    public var source: RecordReference?
    /// The recommendation's actions the judgement looked at, if it looked at particular ones.
    public var actions: [TrackedAction.ID]?

    /// Creates a record.
    public init(
        id: ImpactRecord.ID,
        recommendation: Recommendation.ID,
        judgement: Judgement,
        evidence: [Evidence],
        recordedOn: Day,
        recordedBy: Principal.ID,
        source: RecordReference? = nil,
        actions: [TrackedAction.ID]? = nil
    ) {
        self.id = id
        self.source = source
        self.actions = actions
        self.recommendation = recommendation
        self.judgement = judgement
        self.evidence = evidence
        self.recordedOn = recordedOn
        self.recordedBy = recordedBy
    }

    /// Whether the judgement is that practice changed, or is changing: evidence a recommendation
    /// may close on.
    public var showsChange: Bool { judgement == .embedded || judgement == .progressing }

    /// Indexed by recommendation, and by the judging record in the key.
    public var index: RecordIndex { RecordIndex(parent: recommendation.retyped(), key: source?.description) }
    /// Learning.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
