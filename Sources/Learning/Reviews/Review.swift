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
    public var milestones: [ReviewMilestone: Day]
    /// The reasons recorded for breached clocks, by clock id.
    public var breachReasons: [String: String]
    /// The review this one follows from (a local review's rapid review).
    public var follows: Review.ID?
    /// Themes of its learning.
    public var themes: [Theme]
    /// Where it is in its lifecycle.
    public var status: Status

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
    public var index: RecordIndex { RecordIndex(status: status.rawValue, key: kind.rawValue) }
    /// Learning, readable by the partnership.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
