import Domain
import Foundation
import Learning

extension PartnershipGenerator {
    /// A survey in each of the framework's streams, the independent scrutineer's judgements of the
    /// last complete year, and a joint targeted area inspection whose recommendations are in the one
    /// tracker with actions.
    func plantActivity(_ result: inout Generated, index: Int, place: (Recommendation) -> WorkStream.ID?) {
        let prefix = prefix(index)
        let year = ReportingPeriod.containing(referenceDay, kind: .year).advanced(by: -1)
        plantSurveys(&result, prefix: prefix, year: year)
        plantScrutinyJudgement(&result, prefix: prefix, year: year)
        plantInspection(&result, prefix: prefix, year: year, place: place)
    }

    /// A survey in each of the framework's streams, in the last quarter of the year.
    private func plantSurveys(_ result: inout Generated, prefix: String, year: ReportingPeriod) {
        let quarter = ReportingPeriod.containing(year.lastDay, kind: .quarter)
        // A survey's results are the values its measures hold for its period.
        func value(_ measure: MeasureID) -> Double? {
            result.partnership.series.first { $0.measure == measure && $0.scope == .partnership }?
                .points.first { $0.period == quarter }?.value
        }
        let streams: [(Survey.Stream, String, Int, [String], [MeasureID])] = [
            (
                .childrenAndFamilies, "Children and young people on child protection plans", 142,
                ["Most feel safer since their plan began.", "Fewer know who to call when their worker is away."],
                ["children-feel-safer"]
            ),
            (
                .practitioners, "Practitioners and line managers across the partnership", 318,
                ["Practitioners know how to escalate a concern.", "Supervision is less regular in health settings."],
                []
            ),
            (
                .learningImpact, "Practitioners who attended the neglect training", 96,
                ["Three in four used the neglect toolkit within three months of the course."],
                []
            ),
            (
                .interventionImpact, "Families supported by early help", 87,
                ["Families feel better able to care once a lead practitioner is named."],
                ["families-better-able-to-care"]
            ),
        ]
        result.partnership.surveys = streams.map { stream, audience, responses, findings, measures in
            var results: [MeasureID: Double] = [:]
            for measure in measures { results[measure] = value(measure) }
            return Survey(
                id: Survey.ID(unchecked: "\(prefix)survey-\(stream.rawValue)-\(quarter)"),
                stream: stream,
                audience: audience,
                period: quarter,
                responses: responses,
                findings: findings,
                results: results.filter { $0.value >= 0 },
                themes: stream == .learningImpact ? [.neglect] : [.voiceOfTheChild]
            )
        }
    }

    /// The independent scrutineer's judgements of the year.
    private func plantScrutinyJudgement(_ result: inout Generated, prefix: String, year: ReportingPeriod) {
        if let judgement = try? ScrutinyJudgement(
            id: ScrutinyJudgement.ID(unchecked: "\(prefix)scrutiny-\(year)"),
            year: year,
            scrutineer: "Independent scrutineer",
            judgedOn: year.lastDay.adding(days: 20),
            areas: [
                .init(
                    area: .leadershipAndGovernance,
                    rating: "good",
                    evidence: shape == nil
                        ? "The three partners attend and lead; the Executive decides on the Practice Development "
                            + "Group's escalations within a month."
                        : "The three partners attend and lead, and decide on the escalations that reach them within "
                            + "a month."
                ),
                .init(
                    area: .protectingChildren,
                    rating: "requires-improvement",
                    evidence: "Re-referrals are above target and conference timeliness varies by locality."
                ),
                .init(
                    area: .capacityToImprove,
                    rating: "good",
                    evidence: "Learning from reviews and audits is tracked to evidence of impact."
                ),
            ]
        ) {
            result.partnership.scrutinyJudgements = [judgement]
        }
    }

    /// A joint targeted area inspection whose recommendations are in the one tracker with actions.
    private func plantInspection(
        _ result: inout Generated,
        prefix: String,
        year: ReportingPeriod,
        place: (Recommendation) -> WorkStream.ID?
    ) {
        let reported = year.firstDay.adding(months: 7).adding(days: 13)
        let inspection = Inspection(
            id: Inspection.ID(unchecked: "\(prefix)jtai-\(year)"),
            inspectorate: "Joint targeted area inspection (Ofsted, CQC, HMICFRS)",
            title: "Joint targeted area inspection: the multi-agency response to children at risk of exploitation",
            reportedOn: reported,
            judgement: "Areas for priority action: none; areas for improvement: two"
        )
        let asked: [(String, Theme)] = [
            (
                "Share information about children missing from home with schools within one working day.",
                .missingChildren
            ),
            ("Hear from young people at risk of exploitation in every plan reviewed.", .exploitation),
        ]
        var held = inspection
        for (offset, (text, theme)) in asked.enumerated() {
            let recommendation = Recommendation(
                id: Recommendation.ID(unchecked: "\(inspection.id)-rec-\(offset + 1)"),
                source: .init(.inspection, record: inspection.reference, title: inspection.title),
                text: text,
                ownerAgency: result.partnership.agencies.first?.id,
                themes: [theme],
                raisedOn: reported,
                dueOn: reported.adding(months: 6)
            )
            var action = TrackedAction(
                id: TrackedAction.ID(unchecked: "\(recommendation.id)-act-1"),
                recommendation: recommendation.id,
                workStream: place(recommendation),
                text: "Agree the change with the agencies the inspection named",
                ownerAgency: recommendation.ownerAgency,
                lead: "Partnership business manager",
                startOn: reported,
                dueOn: reported.adding(months: 6)
            )
            action.status = .onTrack
            result.learning.recommendations.append(recommendation)
            result.learning.actions.append(action)
            held.recommendations.append(recommendation.id)
        }
        result.partnership.inspections = [held]
    }
}

extension PartnershipGenerator {
    /// Fills in who takes part in each review, and the decisions on rapid reviews.
    ///
    /// Each review's participating agencies (the three statutory partners) with their chronologies,
    /// due 10 working days after the local authority knew, and summaries, due 15 after; each rapid
    /// review sent to the panel with its decision on a local review. The newest rapid review still
    /// waits for the police's summary.
    func fillReviews(_ result: inout Generated) {
        let calendar = EnglandAndWalesCalendar()
        let partners = result.partnership.agencies.prefix(3).map(\.id)
        let followed = Set(result.learning.reviews.compactMap(\.follows))
        let newestRapid = result.learning.reviews.last { $0.kind == .rapidReview }?.id
        for position in result.learning.reviews.indices {
            var review = result.learning.reviews[position]
            guard let aware = review[.localAuthorityAware] else { continue }
            let chronology = calendar.adding(workingDays: 10, to: aware)
            let summary = calendar.adding(workingDays: 15, to: aware)
            review.participants = partners.enumerated().map { offset, agency in
                var participant = Review.Participant(agency: agency, chronologyDue: chronology, summaryDue: summary)
                let waiting = review.id == newestRapid && offset == partners.count - 1
                if chronology <= referenceDay { participant.chronologyReceived = chronology.adding(days: -offset) }
                if summary <= referenceDay, !waiting { participant.summaryReceived = summary.adding(days: -1) }
                return participant
            }
            if review.kind == .rapidReview, let sent = review[.rapidReviewSent] {
                let meets = followed.contains(review.id)
                review.decision = Review.Decision(
                    on: sent,
                    by: "generator",
                    criteriaMet: meets,
                    reasons: meets
                        ? "The case raises concerns about how agencies worked together and may hold national learning."
                        : "The learning is local and is being taken forward through a local learning review.",
                    route: meets ? .localChildSafeguardingPracticeReview : .localLearningReview
                )
            }
            result.learning.reviews[position] = review
        }
    }
}
