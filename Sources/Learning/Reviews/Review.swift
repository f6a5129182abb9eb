public import Domain
import Foundation

/// The kinds of review the framework learns from.
public enum ReviewKind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// A rapid review after a serious incident notification.
    case rapidReview = "rapid-review"
    /// A local child safeguarding practice review.
    case localChildSafeguardingPracticeReview = "lcspr"
    /// A local learning review.
    case localLearningReview = "local-learning-review"
    /// A domestic homicide review.
    case domesticHomicideReview = "domestic-homicide-review"
    /// A serious incident requiring investigation.
    case seriousIncident = "siri"
    /// A section 175 review.
    case section175Review = "s175-review"
    /// A safeguarding adult review.
    case safeguardingAdultReview = "safeguarding-adult-review"
    /// A child death overview panel review.
    case childDeathOverview = "child-death-overview"
    /// A serious violence review.
    case seriousViolenceReview = "serious-violence-review"
    /// A suicide review.
    case suicideReview = "suicide-review"
    /// A single agency's own review.
    case singleAgencyReview = "single-agency-review"

    /// The review kind's name.
    public var description: String {
        switch self {
        case .rapidReview: "Rapid review"
        case .localChildSafeguardingPracticeReview: "Local child safeguarding practice review"
        case .localLearningReview: "Local learning review"
        case .domesticHomicideReview: "Domestic homicide review"
        case .seriousIncident: "Serious incident requiring investigation"
        case .section175Review: "Section 175 review"
        case .safeguardingAdultReview: "Safeguarding adult review"
        case .childDeathOverview: "Child death overview panel review"
        case .seriousViolenceReview: "Serious violence review"
        case .suicideReview: "Suicide review"
        case .singleAgencyReview: "Single-agency review"
        }
    }

    /// Where the timescales of a review of this kind are set, so that a clock is encoded only where
    /// statute or guidance gives one, with that as its source, and otherwise is a partnership's
    /// local default that says so.
    public var timescaleSource: String {
        switch self {
        case .rapidReview:
            "Children Act 2004 s16C(1) (panel notification within 5 working days); Child Safeguarding Practice "
                + "Review Panel FAQ (rapid review within 15 working days of the notification): encoded"
        case .localChildSafeguardingPracticeReview:
            "Working Together to Safeguard Children: published within 6 months of the decision to initiate: encoded"
        case .domesticHomicideReview:
            "Home Office, Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews (December 2016), "
                + "Section 5, Timescales: a partnership adds its clocks from that section"
        case .childDeathOverview:
            "Child Death Review: Statutory and Operational Guidance (England) (2018), under the Children Act 2004 "
                + "ss16M to 16Q: a partnership adds its clocks from that guidance"
        case .safeguardingAdultReview:
            "Care Act 2014 s44 and the Care and Support Statutory Guidance ch. 14 set none: any clock is a "
                + "safeguarding adults board's local default"
        case .seriousIncident:
            "NHS England Patient Safety Incident Response Framework (2022): set by each organisation's own plan, "
                + "a local default"
        case .localLearningReview, .section175Review, .seriousViolenceReview, .suicideReview, .singleAgencyReview:
            "No statute or national guidance sets a timescale: any clock is the partnership's local default"
        }
    }
}

/// The key days of a review that statutory clocks start and stop on.
public enum ReviewMilestone: String, Hashable, Sendable, Codable, CodingKeyRepresentable, CaseIterable,
    CustomStringConvertible
{
    /// The serious incident.
    case incident
    /// The local authority became aware of it.
    case localAuthorityAware = "local-authority-aware"
    /// The serious incident notification was sent to the national panel.
    case notificationSent = "notification-sent"
    /// The rapid review meeting was held.
    case rapidReviewMeeting = "rapid-review-meeting"
    /// The rapid review was sent to the national panel.
    case rapidReviewSent = "rapid-review-sent"
    /// The partners decided to initiate a local review.
    case decisionToInitiate = "decision-to-initiate"
    /// The final report went to the safeguarding partners.
    case reportToPartners = "report-to-partners"
    /// The report was published.
    case publication

    /// The milestone's name.
    public var description: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// A review: a rapid review, a local practice review, or any other kind the framework learns from.
///
/// A review refers to the child only by a pseudonymous case reference the host supplies.
public struct Review: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "review" }
    /// The type of the review's identifier.
    public typealias ID = Identifier<Review>
    /// `learning.review`.
    public static var recordType: RecordType { "learning.review" }
    /// Version 2: a review names the agencies taking part, with their contributions, and the
    /// decision on the route it takes.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged, with no participants and no decision.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// An agency taking part in a review, and what it owes: its chronology and its summary (an
    /// individual management review or agency report), each with the day it is due and the day it came.
    public struct Participant: Hashable, Sendable, Codable {
        /// The agency.
        public var agency: Agency.ID
        /// The day its chronology is due.
        public var chronologyDue: Day?
        /// The day its chronology arrived.
        public var chronologyReceived: Day?
        /// The day its summary is due.
        public var summaryDue: Day?
        /// The day its summary arrived.
        public var summaryReceived: Day?

        /// Creates a participant with the days its contributions are due.
        public init(agency: Agency.ID, chronologyDue: Day? = nil, summaryDue: Day? = nil) {
            self.agency = agency
            self.chronologyDue = chronologyDue
            self.summaryDue = summaryDue
        }
    }

    /// A contribution an agency makes to a review.
    public enum Contribution: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// Its chronology of involvement.
        case chronology
        /// Its summary: an individual management review or agency report.
        case summary

        /// The contribution's name.
        public var description: String { rawValue }
    }

    /// The decision on whether a case meets the criteria for a review, and the route it takes.
    public struct Decision: Hashable, Sendable, Codable {
        /// The day it was made.
        public var on: Day
        /// Who recorded it.
        public var by: Principal.ID
        /// Whether the case meets the criteria for the review considered (for a rapid review: a local
        /// child safeguarding practice review).
        public var criteriaMet: Bool
        /// The reasons, as the partners gave them.
        public var reasons: String
        /// The route taken: the kind of review that follows, or none.
        public var route: ReviewKind?

        /// Creates a decision.
        public init(on: Day, by: Principal.ID, criteriaMet: Bool, reasons: String, route: ReviewKind?) {
            self.on = on
            self.by = by
            self.criteriaMet = criteriaMet
            self.reasons = reasons
            self.route = route
        }
    }

    /// Where a review is in its lifecycle.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Under way.
        case open
        /// The report has gone to the partners.
        case reported
        /// Published.
        case published
        /// Closed: its learning is embedded or it was stood down.
        case closed
    }

    /// The review's id.
    public var id: Review.ID
    /// Its kind.
    public var kind: ReviewKind
    /// A short title that does not identify the child.
    public var title: String
    /// The pseudonymous case reference, if the host gives one.
    public var caseReference: CaseReference?
    /// The reviewer appointed, by name or organisation.
    public var reviewer: String?
    /// The day the partners agreed the reviewer.
    public var reviewerAgreedOn: Day?
    /// The key days recorded so far.
    public package(set) var milestones: [ReviewMilestone: Day]
    /// The reasons recorded for breached clocks, by clock id.
    public var breachReasons: [String: String]
    /// The review this one follows from (a local review's rapid review).
    public var follows: Review.ID?
    /// Themes of its learning.
    public var themes: [Theme]
    /// Where it is in its lifecycle.
    public package(set) var status: Status
    /// The agencies taking part, with their contributions; `nil` in records from before participants.
    public var participants: [Participant]?
    /// The decision on the criteria and the route taken, once made.
    public package(set) var decision: Decision?

    /// Creates an open review.
    public init(
        id: Review.ID,
        kind: ReviewKind,
        title: String,
        caseReference: CaseReference? = nil,
        milestones: [ReviewMilestone: Day] = [:],
        follows: Review.ID? = nil,
        themes: [Theme] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.caseReference = caseReference
        self.milestones = milestones
        self.breachReasons = [:]
        self.follows = follows
        self.themes = themes
        self.status = .open
    }

    /// The day of a milestone, if recorded.
    public subscript(milestone: ReviewMilestone) -> Day? { milestones[milestone] }

    /// Indexed by status and kind.
    public var index: RecordIndex { RecordIndex(status: RecordStatus(status), key: kind.rawValue) }
    /// Learning, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
