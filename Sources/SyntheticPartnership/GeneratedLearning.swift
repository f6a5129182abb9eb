package import Domain
import Foundation
package import Learning

/// A partnership's generated reviews, recommendations, work streams, actions, products and impact.
package struct GeneratedLearning: Sendable {
    /// Reviews of every kind.
    package var reviews: [Review]
    /// Recommendations from the reviews.
    package var recommendations: [Recommendation]
    /// Themed work streams.
    package var streams: [WorkStream]
    /// Actions, with their progress updates.
    package var actions: [TrackedAction]
    /// Learning products.
    package var products: [LearningProduct]
    /// Evidence of impact.
    package var impact: [ImpactRecord]
    /// The learning and development programme of the latest complete year.
    package var programmes: [DevelopmentProgramme] = []
    /// Its courses.
    package var courses: [Course] = []
    /// Their sessions.
    package var sessions: [CourseSession] = []
    /// Agencies' places at the sessions.
    package var attendance: [Attendance] = []
    /// Evaluations of the sessions.
    package var evaluations: [Evaluation] = []
    /// Agencies' own learning activity.
    package var activities: [AgencyLearningActivity] = []

    /// The records as one batch of new records.
    package func batch() throws -> RecordBatch {
        var batch = RecordBatch()
        for review in reviews { try batch.save(review, version: 0) }
        for recommendation in recommendations { try batch.save(recommendation, version: 0) }
        for stream in streams { try batch.save(stream, version: 0) }
        for action in actions { try batch.save(action, version: 0) }
        for product in products { try batch.save(product, version: 0) }
        for record in impact { try batch.save(record, version: 0) }
        for programme in programmes { try batch.save(programme, version: 0) }
        for course in courses { try batch.save(course, version: 0) }
        for session in sessions { try batch.save(session, version: 0) }
        for record in attendance { try batch.save(record, version: 0) }
        for evaluation in evaluations { try batch.save(evaluation, version: 0) }
        for activity in activities { try batch.save(activity, version: 0) }
        return batch
    }
}

extension PartnershipGenerator {
    /// Reviews over the scale's years, the latest two rapid reviews and a local review; their
    /// recommendations in themed work streams, with actions (some overdue), products and impact.
    package func learning(for partnership: GeneratedPartnership, index: Int) -> GeneratedLearning {
        var builder = LearningBuilder(generator: self, partnership: partnership, index: index)
        for number in 0..<builder.count { builder.addReview(number) }
        return builder.result()
    }
}

/// Builds one partnership's learning, review by review, drawing from its one stream of random
/// numbers in the order the generator has always drawn them.
private struct LearningBuilder {
    let generator: PartnershipGenerator
    var random: SeededRandom
    let prefix: String
    let calendar = EnglandAndWalesCalendar()
    let lead: Principal.ID
    let count: Int
    let themes: [Theme] = [
        .neglect, .domesticAbuse, .exploitation, .mentalHealth, .voiceOfTheChild, .informationSharing, .supervision,
        .thresholds,
    ]
    let owners: [Agency.ID]
    let kinds: [(ReviewKind, Double)] = [
        (.rapidReview, 0.55), (.localChildSafeguardingPracticeReview, 0.15), (.localLearningReview, 0.12),
        (.domesticHomicideReview, 0.06), (.seriousIncident, 0.04), (.safeguardingAdultReview, 0.04),
        (.singleAgencyReview, 0.04),
    ]
    var reviews: [Review] = []
    var recommendations: [Recommendation] = []
    var actions: [TrackedAction] = []
    var products: [LearningProduct] = []
    var impact: [ImpactRecord] = []
    var streamMembers: [Theme: [WorkStream.Member]] = [:]
    let first: Day
    let span: Int
    let actionsPerRecommendation: Double
    var actionBudget = 0.0

    var referenceDay: Day { generator.referenceDay }
    var scale: SyntheticScale { generator.scale }

    init(generator: PartnershipGenerator, partnership: GeneratedPartnership, index: Int) {
        self.generator = generator
        random = SeededRandom(seed: generator.seed, stream: "learning-\(index)")
        prefix = generator.prefix(index)
        lead = Principal.ID(unchecked: "\(prefix)business-team")
        let years = max(1, generator.scale.months / 12)
        count = max(3, generator.scale.reviewsPerYear * years)
        owners = Array(partnership.agencies.prefix(12)).map(\.id)
        first = generator.firstMonth.firstDay
        span = first.days(until: generator.referenceDay)
        let recommendationsTarget = max(count, generator.scale.recommendationsPerReview * count)
        actionsPerRecommendation = max(
            1.0,
            Double(generator.scale.actionsPerPartnership) / Double(recommendationsTarget)
        )
    }

    /// The review's kind and the day the local authority became aware.
    mutating func kindAndDay(_ number: Int, latest: Int) -> (ReviewKind, Day) {
        if latest <= 3 {
            // The demo's stories: two recent rapid reviews and a local review that followed the first.
            return (
                latest == 1 ? .localChildSafeguardingPracticeReview : .rapidReview,
                referenceDay.adding(days: -[0, 40, 150, 95][latest])
            )
        }
        var pick = random.unit()
        var kind = kinds[0].0
        for option in kinds {
            pick -= option.1
            if pick <= 0 {
                kind = option.0
                break
            }
        }
        return (kind, first.adding(days: Int(Double(number) / Double(count) * Double(span - 120))))
    }

    mutating func addReview(_ number: Int) {
        let latest = count - number
        let (kind, aware) = kindAndDay(number, latest: latest)
        let theme = themes[number % themes.count]
        var review = Review(
            id: Review.ID(unchecked: "\(prefix)review-\(String(format: "%04d", number + 1))"),
            kind: kind,
            title: "\(kind) \(aware.year)-\(String(format: "%03d", number + 1))",
            caseReference: CaseReference(unchecked: "\(prefix)CASE-\(String(format: "%05d", number * 37 + 11))"),
            themes: [theme]
        )
        review.reviewer = kind == .rapidReview ? nil : "Independent reviewer \(number % 7 + 1)"
        review.milestones[.incident] = aware.adding(days: -2)
        review.milestones[.localAuthorityAware] = aware
        if kind == .rapidReview {
            rapidReviewMilestones(&review, aware: aware, latest: latest)
        } else {
            localReviewMilestones(&review, aware: aware, latest: latest)
        }
        reviews.append(review)
        guard let reported = review[.reportToPartners] else { return }
        if random.chance(0.8) || latest <= 3 { products.append(product(number, review: review, reported: reported)) }
        for position in 0..<scale.recommendationsPerReview {
            addRecommendation(position, number: number, review: review, theme: theme, reported: reported)
        }
    }

    mutating func rapidReviewMilestones(_ review: inout Review, aware: Day, latest: Int) {
        let lateNotice = random.chance(0.08)
        let sent = calendar.adding(workingDays: lateNotice ? 7 : random.integer(in: 1...5), to: aware)
        if sent <= referenceDay { review.milestones[.notificationSent] = sent }
        if lateNotice, sent <= referenceDay, random.chance(0.5) {
            review.breachReasons["panel-notification"] = "The incident came to light over a holiday period."
        }
        let sentToPanel = calendar.adding(
            workingDays: random.chance(0.1) ? 18 : random.integer(in: 10...15),
            to: sent
        )
        if latest == 2 {
            // The most recent rapid review is still under way.
        } else if sentToPanel <= referenceDay {
            review.milestones[.rapidReviewMeeting] = calendar.adding(workingDays: 8, to: sent)
            review.milestones[.rapidReviewSent] = sentToPanel
            review.milestones[.reportToPartners] = sentToPanel
            review.status = .reported
        }
    }

    mutating func localReviewMilestones(_ review: inout Review, aware: Day, latest: Int) {
        let decision = aware.adding(days: 30)
        review.milestones[.decisionToInitiate] = decision
        if latest == 1, let rapid = reviews.last { review.follows = rapid.id }
        let report = decision.adding(months: 5)
        guard report <= referenceDay, latest > 1 else { return }
        review.milestones[.reportToPartners] = report
        review.status = .reported
        let published = decision.adding(months: random.chance(0.15) ? 7 : 6).adding(
            days: -random.integer(in: 0...20)
        )
        guard published <= referenceDay else { return }
        review.milestones[.publication] = published
        review.status = .published
        if published > decision.adding(months: 6), random.chance(0.6) {
            review.breachReasons["local-review-publication"] = "Publication delayed pending criminal proceedings."
        }
    }

    mutating func product(_ number: Int, review: Review, reported: Day) -> LearningProduct {
        LearningProduct(
            id: LearningProduct.ID(unchecked: "\(prefix)product-\(String(format: "%04d", number + 1))"),
            kind: [.learningBriefing, .practiceReviewSummary, .caseConversation, .podcast, .workshop][number % 5],
            title: "Learning from \(review.title)",
            drawsOn: [review.reference],
            audiences: [.role("designated safeguarding leads"), .agency(owners[number % owners.count])],
            issuedOn: reported.adding(days: random.integer(in: 20...80)) <= referenceDay
                ? reported.adding(days: 45) : nil,
            reach: .init(issued: random.integer(in: 100...600), opened: random.integer(in: 50...300)),
            location: "https://safeguarding-partnership.example.org/learning/"
                + "\(prefix)product-\(String(format: "%04d", number + 1))"
        )
    }

    mutating func addRecommendation(_ position: Int, number: Int, review: Review, theme: Theme, reported: Day) {
        let recommendationTheme = position == 0 ? theme : themes[(number + position) % themes.count]
        var recommendation = Recommendation(
            id: Recommendation.ID(unchecked: "\(review.id)-rec-\(String(format: "%02d", position + 1))"),
            source: .init(.review, record: review.reference, title: review.title),
            text: PracticeAdvice.recommendation(recommendationTheme),
            ownerAgency: owners[(number + position) % owners.count],
            themes: [recommendationTheme],
            raisedOn: reported,
            dueOn: reported.adding(months: 9)
        )
        let age = reported.days(until: referenceDay)
        actionBudget += actionsPerRecommendation
        let actionCount = Int(actionBudget)
        actionBudget -= Double(actionCount)
        for actionNumber in 0..<actionCount {
            actions.append(
                action(
                    actionNumber,
                    position: position,
                    of: recommendation,
                    theme: recommendationTheme,
                    reported: reported
                )
            )
        }
        if age > 365, random.chance(0.6) {
            let judgement: ImpactRecord.Judgement = random.chance(0.7) ? .embedded : .progressing
            impact.append(
                ImpactRecord(
                    id: ImpactRecord.ID(unchecked: "\(recommendation.id)-impact"),
                    recommendation: recommendation.id,
                    judgement: judgement,
                    evidence: [
                        .init(
                            kind: .reAudit,
                            summary: judgement == .embedded
                                ? "A re-audit found the change in most cases."
                                : "A re-audit found the change in some cases."
                        )
                    ],
                    recordedOn: reported.adding(months: 11),
                    recordedBy: lead
                )
            )
            // A change in progress leaves the recommendation open: it closes on a change embedded.
            if judgement == .embedded {
                recommendation.status = .closed
                recommendation.closedOn = reported.adding(months: 11)
                recommendation.closingNote = "Impact embedded: a re-audit found the change in most cases."
            }
        }
        recommendations.append(recommendation)
        streamMembers[recommendationTheme, default: []].append(
            WorkStream.Member(recommendation: recommendation.id, match: .theme, confirmed: true)
        )
    }

    mutating func action(
        _ actionNumber: Int,
        position: Int,
        of recommendation: Recommendation,
        theme: Theme,
        reported: Day
    ) -> TrackedAction {
        let start = reported.adding(days: 14)
        let due = start.adding(months: 3 + (position + actionNumber) % 6)
        var action = TrackedAction(
            id: TrackedAction.ID(unchecked: "\(recommendation.id)-act-\(actionNumber + 1)"),
            recommendation: recommendation.id,
            workStream: WorkStream.ID(unchecked: "\(prefix)ws-\(theme.rawValue)"),
            text: PracticeAdvice.action(actionNumber, theme: theme),
            ownerAgency: recommendation.ownerAgency,
            lead: "Safeguarding lead",
            startOn: start,
            dueOn: due
        )
        for update in 0..<scale.updatesPerAction {
            let day = start.adding(days: 21 * (update + 1))
            guard day <= referenceDay else { break }
            action.updates.append(
                TrackedAction.Update(
                    on: day,
                    by: lead,
                    text: "Update \(update + 1): work continues.",
                    status: random.chance(0.85) ? .onTrack : .atRisk
                )
            )
        }
        action.status = action.updates.last?.status ?? .notStarted
        if due < referenceDay, random.chance(0.85) {
            action.status = random.chance(0.8) ? .completedAndEvidenced : .completed
            action.completedOn = due.adding(days: -random.integer(in: 0...20))
            if action.status == .completedAndEvidenced {
                action.completionEvidence = [EvidenceReference(.document, title: "Completion report")]
            }
        }
        return action
    }

    func result() -> GeneratedLearning {
        let streams = streamMembers.keys.sorted().map { theme -> WorkStream in
            var stream = WorkStream(
                id: WorkStream.ID(unchecked: "\(prefix)ws-\(theme.rawValue)"),
                theme: theme,
                title: theme.label,
                leadAgency: owners.first
            )
            stream.members = streamMembers[theme] ?? []
            return stream
        }
        return GeneratedLearning(
            reviews: reviews,
            recommendations: recommendations,
            streams: streams,
            actions: actions,
            products: products,
            impact: impact
        )
    }
}
