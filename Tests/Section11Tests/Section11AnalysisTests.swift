import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

/// A hand-computed fixture: four agencies rate the test set's criteria.
///
/// | agency | sector | 1.1 | 1.2 | 7.1 | S.1 |
/// | --- | --- | --- | --- | --- | --- |
/// | police | police | green | amber | red → moderated amber | — |
/// | council | LA | green | red | green | — |
/// | school | education | amber (moderated from green) | amber | green | red |
/// | trust | health | (not returned) | | | |
struct Section11AnalysisTests {
    let day = Day.fixture("2025-07-15")

    func assessment(
        _ agency: Agency.ID,
        _ ratings: [CriterionCode: RatingCode],
        moderated: [CriterionCode: RatingCode] = [:],
        status: SelfAssessment.Status = .moderated
    )
        -> SelfAssessment
    {
        var assessment = SelfAssessment(
            id: SelfAssessment.ID(rawValue: "a-\(agency)")!,
            cycle: "c",
            agency: agency,
            standardSet: testSet.id,
            responses: ratings.keys.sorted().map { CriterionResponse(criterion: $0, selfRating: ratings[$0]) },
            invitedOn: day,
            invitedBy: "qa"
        )
        for (criterion, rating) in moderated {
            let index = assessment.responses.firstIndex { $0.criterion == criterion }!
            assessment.responses[index].moderatedRating = rating
        }
        assessment.status = status
        return assessment
    }

    var agencies: [Agency.ID: Agency] {
        [
            "police": Agency(id: "police", name: "Police", sector: .police),
            "council": Agency(id: "council", name: "Council", sector: .localAuthorityChildrensServices),
            "school": Agency(id: "school", name: "School", sector: .education),
            "trust": Agency(id: "trust", name: "Trust", sector: .healthProvider),
        ]
    }

    var assessments: [SelfAssessment] {
        [
            assessment("police", ["1.1": "green", "1.2": "amber", "7.1": "red"], moderated: ["7.1": "amber"]),
            assessment("council", ["1.1": "green", "1.2": "red", "7.1": "green"]),
            assessment(
                "school",
                ["1.1": "green", "1.2": "amber", "7.1": "green", "S.1": "red"],
                moderated: ["1.1": "amber"]
            ),
            assessment("trust", ["1.1": "green"], status: .inProgress),
        ]
    }

    @Test func distributionsCountStandingRatingsOfReturnedAssessments() throws {
        let analysis = Section11Analysis(
            set: testSet,
            assessments: assessments,
            agencies: agencies,
            deadline: .fixture("2025-06-30"),
            on: day
        )
        let one = try #require(analysis.criteria.first { $0.criterion == "1.1" })
        // Police green, council green, school amber (moderated); the trust's draft does not count.
        #expect(one.counts == ["green": 2, "amber": 1])
        #expect(one.rated == 3)
        #expect(one.belowGreen == 1)
        #expect(one.moderatedDown == 1)
        #expect(one.bySector[.education] == ["amber": 1])
        let seven = try #require(analysis.criteria.first { $0.criterion == "7.1" })
        // Police's red was moderated to amber.
        #expect(seven.counts == ["amber": 1, "green": 2])
        #expect(seven.moderatedDown == 0)
        let standardOne = try #require(analysis.standards.first { $0.standard == "1" })
        // Standard 1: 1.1 (green, green, amber) and 1.2 (amber, red, amber).
        #expect(standardOne.counts == [.green: 2, .amber: 3, .red: 1])
    }

    /// A draft's actions are its author's notes until the return is submitted: the outstanding
    /// actions, like the overdue-action rule and the one tracker, count only returned assessments'.
    @Test func outstandingActionsAreThoseOfReturnedAssessmentsOnly() {
        var held = assessments
        let action = AssessmentAction(
            id: "x1",
            text: "Train the governors.",
            owner: "Head",
            dueOn: .fixture("2025-05-01")
        )
        for index in held.indices {
            held[index].responses[0].actions = [action]
        }
        let analysis = Section11Analysis(set: testSet, assessments: held, agencies: agencies, on: day)
        #expect(analysis.outstandingActions.map(\.agency).sorted() == ["council", "police", "school"])
    }

    @Test func themesAndGapsAndModeration() {
        let analysis = Section11Analysis(set: testSet, assessments: assessments, agencies: agencies, on: day)
        // 1.2: all three below green (100%); S.1: one of one (100%); 1.1 and 7.1: one of three (33%).
        #expect(analysis.gaps(share: 0.5).map(\.criterion) == ["1.2", "S.1"])
        #expect(analysis.gaps(share: 0.3).map(\.criterion) == ["1.1", "1.2", "7.1", "S.1"])
        #expect(analysis.gaps(share: 0.5).first?.red == 1)
        #expect(
            analysis.lowered.map { "\($0.agency) \($0.criterion) \($0.selfRating)→\($0.moderatedRating)" } == [
                "school 1.1 green→amber"
            ]
        )
        // Standard 1 has a red criterion for the council (1 of 3 rated agencies): above 20%, not above 40%.
        #expect(analysis.redStandards(share: 0.2, assessments: assessments).map(\.standard.code) == ["1", "S"])
        #expect(analysis.redStandards(share: 0.4, assessments: assessments).map(\.standard.code) == ["S"])
    }

    @Test func completionAndLateness() {
        let analysis = Section11Analysis(
            set: testSet,
            assessments: assessments,
            agencies: agencies,
            deadline: .fixture("2025-06-30"),
            on: day
        )
        #expect(analysis.completion.invited == 4)
        #expect(analysis.completion.returned == 3)
        #expect(analysis.completion.notReturned == ["trust"])
        #expect(analysis.completion.late == ["trust"])
        let early = Section11Analysis(
            set: testSet,
            assessments: assessments,
            agencies: agencies,
            deadline: .fixture("2025-06-30"),
            on: .fixture("2025-06-30")
        )
        #expect(early.completion.late.isEmpty)
    }

    /// Movement on the RAG scale (red 0, amber ½, green 1): the police's standard 1 was (amber + amber)/2 = 0.5
    /// last cycle and is (green + amber)/2 = 0.75 now.
    @Test func movementSinceThePreviousCycle() throws {
        let previous = [assessment("police", ["1.1": "amber", "1.2": "amber", "7.1": "green"])]
        let analysis = Section11Analysis(
            set: testSet,
            assessments: assessments,
            previous: previous,
            agencies: agencies,
            on: day
        )
        let police = analysis.movement.filter { $0.agency == "police" }
        #expect(police.map(\.standard) == ["1", "7"])
        #expect(police[0].before == 0.5)
        #expect(police[0].after == 0.75)
        #expect(police[1].change == -0.5)
    }

    @Test func ratingsTheDataDoesNotBearOut() throws {
        let series = [
            ObservationSeries(
                measure: "conference-attendance",
                scope: .agency("council"),
                points: [
                    SeriesPoint(period: try ReportingPeriod(parsing: "2025-05"), value: 58)
                ]
            )
        ]
        let meetings = (1...4).map { number in
            Meeting(
                id: Meeting.ID(rawValue: "m\(number)")!,
                group: "pdg",
                day: .fixture("2025-0\(number + 3)-10"),
                invited: ["council", "police"],
                attended: number == 1 ? ["council", "police"] : ["council"]
            )
        }
        let police = assessment("police", ["1.1": "green", "1.2": "green", "7.1": "green"])
        let council = assessment("council", ["1.1": "green", "1.2": "red", "7.1": "green"])
        let profiles = AgencyContribution.profiles(
            set: testSet,
            assessments: [council, police],
            series: series,
            meetings: meetings,
            period: try ReportingPeriod(parsing: "FY2025-26")
        )
        #expect(profiles.map(\.agency) == ["council", "police"])
        #expect(
            profiles[0].contradictions.map(\.evidence) == [
                "attendance at child protection conferences was 58% in May 2025, below the 75% expected"
            ]
        )
        #expect(profiles[1].meetingsInvited == 4)
        #expect(profiles[1].meetingsAttended == 1)
        #expect(
            profiles[1].contradictions.map(\.evidence) == [
                "it attended 1 of 4 partnership meetings it was invited to in 2025-26"
            ]
        )
    }
}
