import Domain
import Foundation
import Learning
import Measures

extension PartnershipGenerator {
    /// Plants the latest complete year's learning and development programme.
    ///
    /// It is commissioned before the year began: a course for each of the year's review and audit themes but one, monthly sessions with
    /// each statutory partner's and a few other agencies' places committed and taken up (one agency
    /// taking up too few), end-of-session and follow-up evaluations, and a neglect course whose
    /// follow-up evidences impact on the recommendation it answers, closing its chain. The
    /// training take-up measure is computed from the attendance.
    func plantDevelopment(_ result: inout Generated, index: Int) {
        let prefix = prefix(index)
        let year = ReportingPeriod.containing(referenceDay, kind: .year).advanced(by: -1)
        let lead = Principal.ID(unchecked: "\(prefix)business-team")
        var programme = DevelopmentProgramme(
            id: DevelopmentProgramme.ID(unchecked: "\(prefix)programme-\(year)"),
            year: year,
            strategy: shape == nil
                ? "Workforce Development Group strategy \(year.label)"
                : "Learning and development strategy \(year.label)",
            themes: [.neglect, .voiceOfTheChild, .exploitation]
        )
        programme.commissionedOn = year.firstDay.adding(days: -20)
        programme.commissionedBy = lead
        // The themes the year's reviews and audits raised; the last one gets no course, so the
        // programme's gap shows.
        let raised = (result.learning.recommendations + result.audits.recommendations).filter {
            [.review, .audit].contains($0.source.kind) && year.contains($0.raisedOn)
        }
        let themes = Array(Set(raised.flatMap(\.themes) + programme.themes)).sorted()
        let offered = themes.count > 1 ? Array(themes.dropLast()) : themes
        let agencies = result.partnership.agencies
        let attending = Array(agencies.prefix(3).map(\.id)) + Array(agencies.dropFirst(3).prefix(3).map(\.id))
        var offer = Offer()
        for (number, theme) in offered.enumerated() {
            let answers = raised.filter { $0.themes.first == theme && $0.status == .open }.prefix(2).map(\.id)
            let course = Course(
                id: Course.ID(unchecked: "\(prefix)course-\(theme.rawValue)"),
                programme: programme.id,
                title: "\(theme.label): multi-agency practice",
                kind: number % 3 == 2 ? .briefing : .multiAgencyCourse,
                themes: [theme],
                priorities: result.partnership.priorities.filter { $0.themes.contains(theme) }.map(\.id),
                answers: Array(answers)
            )
            offer.courses.append(course)
            for time in 0..<2 { run(course, number: number, run: time, year: year, attending: attending, into: &offer) }
        }
        closeOnNeglectImpact(&result, offer: offer, lead: lead)
        result.learning.programmes = [programme]
        result.learning.courses = offer.courses
        result.learning.sessions = offer.sessions
        result.learning.attendance = offer.attendance
        result.learning.evaluations = offer.evaluations
        result.learning.activities = agencies.prefix(3).enumerated().map { offset, agency in
            AgencyLearningActivity(
                id: AgencyLearningActivity.ID(unchecked: "\(prefix)activity-\(agency.id)"),
                agency: agency.id,
                kind: AgencyLearningActivity.Kind.allCases[offset % AgencyLearningActivity.Kind.allCases.count],
                day: year.firstDay.adding(months: 4 + offset),
                participants: 12 + offset * 3,
                summary: "Practitioners discussed the learning from the year's rapid reviews.",
                themes: [.neglect]
            )
        }
        mergeTakeUp(&result, offer: offer)
    }

    /// The courses offered and what came of them.
    struct Offer {
        var courses: [Course] = []
        var sessions: [CourseSession] = []
        var attendance: [Attendance] = []
        var evaluations: [Evaluation] = []
    }

    /// One run of a course, if it was held by the day: its places, take-up and evaluations.
    func run(
        _ course: Course,
        number: Int,
        run: Int,
        year: ReportingPeriod,
        attending: [Agency.ID],
        into offer: inout Offer
    ) {
        let theme = course.themes[0]
        let day = year.firstDay.adding(months: 1 + (number + run * 5) % 11).adding(days: 9)
        guard day < referenceDay else { return }
        let session = CourseSession(
            id: CourseSession.ID(unchecked: "\(course.id)-\(run + 1)"),
            course: course.id,
            day: day,
            placesOffered: 24
        )
        offer.sessions.append(session)
        for (position, agency) in attending.enumerated() {
            var places = Attendance(session: session, agency: agency, committed: position < 3 ? 4 : 2)
            // The fourth agency sends too few; everyone else nearly all they committed.
            places.attended = position == 3 ? 0 : places.committed - ((number + run + position) % 4 == 0 ? 1 : 0)
            offer.attendance.append(places)
        }
        offer.evaluations.append(
            Evaluation(
                id: Evaluation.ID(unchecked: "\(session.id)-end"),
                session: session.id,
                course: course.id,
                stage: .endOfSession,
                on: day,
                respondents: 14,
                practiceChanged: 12,
                summary: "Practitioners said they would use what they learned."
            )
        )
        let followUp = day.adding(months: 3)
        guard followUp < referenceDay.adding(days: -10), run == 0 || theme == .neglect else { return }
        let strong = theme == .neglect
        offer.evaluations.append(
            Evaluation(
                id: Evaluation.ID(unchecked: "\(session.id)-follow-up"),
                session: session.id,
                course: course.id,
                stage: .followUp,
                on: followUp,
                respondents: 10,
                practiceChanged: strong ? 8 : 4,
                summary: strong
                    ? "Most now use the neglect toolkit in their assessments."
                    : "Some have changed how they record what children say."
            )
        )
    }

    /// The neglect course's strong follow-up is the impact its recommendations close on.
    func closeOnNeglectImpact(_ result: inout Generated, offer: Offer, lead: Principal.ID) {
        guard let neglect = offer.courses.first(where: { $0.themes == [.neglect] }),
            let evidence = offer.evaluations.last(where: { $0.course == neglect.id && $0.stage == .followUp })
        else { return }
        for recommendation in neglect.answers {
            result.learning.impact.append(
                ImpactRecord(
                    id: ImpactRecord.ID(unchecked: "\(evidence.id)-\(recommendation)"),
                    recommendation: recommendation,
                    judgement: .embedded,
                    evidence: [
                        .init(
                            kind: .trainingEvaluation,
                            summary: "\(neglect.title): \(evidence.practiceChanged) of \(evidence.respondents) "
                                + "practitioners said their practice changed. \(evidence.summary)",
                            reference: evidence.reference
                        )
                    ],
                    recordedOn: evidence.on,
                    recordedBy: lead,
                    source: evidence.reference
                )
            )
            let note =
                "Impact embedded: \(evidence.practiceChanged) of \(evidence.respondents) practitioners said their practice changed."
            func close(_ recommendations: inout [Recommendation]) {
                for position in recommendations.indices where recommendations[position].id == recommendation {
                    recommendations[position].status = .closed
                    recommendations[position].closedOn = evidence.on.adding(days: 7)
                    recommendations[position].closingNote = note
                }
            }
            close(&result.learning.recommendations)
            close(&result.audits.recommendations)
        }
    }

    /// The take-up measure, computed from the attendance, in place of the generated values.
    func mergeTakeUp(_ result: inout Generated, offer: Offer) {
        let computed = LearningAndDevelopment.takeUp(
            courses: offer.courses,
            sessions: offer.sessions,
            attendance: offer.attendance
        )
        for series in computed {
            if let position = result.partnership.series.firstIndex(where: {
                $0.measure == series.measure && $0.scope == series.scope
            }) {
                var merged = result.partnership.series[position]
                let replaced = Set(series.points.map(\.period))
                merged.points = (merged.points.filter { !replaced.contains($0.period) } + series.points)
                    .sorted { $0.period < $1.period }
                result.partnership.series[position] = merged
            } else if result.partnership.catalogue[series.measure] != nil {
                result.partnership.series.append(series)
            }
        }
    }
}
