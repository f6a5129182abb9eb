public import Domain

extension ReviewMilestone {
    /// The milestones that come before this one in any review that records both: the incident
    /// before the local authority knew of it, the notification before the rapid review meeting and
    /// the meeting before the review went to the panel, the decision to initiate before the report,
    /// and the report before publication.
    public var follows: Set<ReviewMilestone> {
        switch self {
        case .incident: []
        case .localAuthorityAware: [.incident]
        case .notificationSent: [.incident, .localAuthorityAware]
        case .rapidReviewMeeting: [.incident, .localAuthorityAware, .notificationSent]
        case .rapidReviewSent: [.incident, .localAuthorityAware, .notificationSent, .rapidReviewMeeting]
        case .decisionToInitiate: [.incident, .localAuthorityAware]
        case .reportToPartners:
            [.incident, .localAuthorityAware, .notificationSent, .rapidReviewMeeting, .decisionToInitiate]
        case .publication:
            [
                .incident, .localAuthorityAware, .notificationSent, .rapidReviewMeeting, .decisionToInitiate,
                .reportToPartners,
            ]
        }
    }
}

extension Review {
    /// Checks a review a host records: a title, milestones no later than today and each no earlier
    /// than the milestones it follows (``ReviewMilestone/follows``), and a reviewer, if named, with
    /// a name.
    ///
    /// A day typed ten years ahead would otherwise stop a statutory clock and resolve its finding.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the review, the field, the day and what
    ///   was expected.
    public func check(today: Day) throws(DomainError) {
        if title.allSatisfy(\.isWhitespace) {
            throw DomainError(
                .invalidInput,
                "review \(id) has no title; give it one that does not identify the child",
                context: .init(record: reference, field: "title")
            )
        }
        if let reviewer, reviewer.allSatisfy(\.isWhitespace) {
            throw DomainError(
                .invalidInput,
                "review \(id) names a reviewer with no name; give the reviewer's name or organisation",
                context: .init(record: reference, field: "reviewer")
            )
        }
        if let agreed = reviewerAgreedOn, agreed > today {
            throw Self.future(self, field: "reviewerAgreedOn", agreed, today: today)
        }
        for milestone in ReviewMilestone.allCases {
            guard let day = milestones[milestone] else { continue }
            if day > today { throw Self.future(self, field: "milestones.\(milestone.rawValue)", day, today: today) }
            // The latest of the milestones it should follow, if that is after it.
            let later = milestone.follows.compactMap { earlier in milestones[earlier].map { (earlier, $0) } }
                .filter { $0.1 > day }.max { ($0.1, $1.0.rawValue) < ($1.1, $0.0.rawValue) }
            if let (earlier, before) = later {
                throw DomainError(
                    .invalidInput,
                    "review \(id): \(milestone) on \(day) is before \(earlier) on \(before); \(milestone) comes after it",
                    context: .init(
                        record: reference,
                        field: "milestones.\(milestone.rawValue)",
                        value: day.description,
                        expected: "\(before) or later"
                    )
                )
            }
        }
    }

    private static func future(_ review: Review, field: String, _ day: Day, today: Day) -> DomainError {
        DomainError(
            .invalidInput,
            "review \(review.id): \(field) is \(day), after today (\(today)); record a day once it has passed",
            context: .init(
                record: review.reference,
                field: field,
                value: day.description,
                expected: "\(today) or earlier"
            )
        )
    }
}
