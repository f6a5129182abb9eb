import AssuranceTesting
import Domain
import Foundation
import Learning
import Testing

/// Take-up is published as the measure the partnership's catalogue gives the training take-up role.
struct TakeUpMeasureTests {
    @Test func takeUpIsPublishedAsTheMeasureTheCataloguePlaysItAs() {
        let course = Course(
            id: "c1",
            programme: "p-2025",
            title: "Neglect",
            kind: .multiAgencyCourse,
            themes: [.neglect]
        )
        let session = CourseSession(id: "s1", course: "c1", day: .fixture("2025-05-01"), placesOffered: 10)
        var attendance = Attendance(session: session, agency: PartnershipScenario.police, committed: 4)
        attendance.attended = 3
        let series = LearningAndDevelopment.takeUp(
            courses: [course],
            sessions: [session],
            attendance: [attendance],
            as: "places-taken-up"
        )
        #expect(Set(series.map(\.measure)) == ["places-taken-up"])
        #expect(series.first { $0.scope == .partnership }?.points.first?.value == 75)
    }
}
