import AssuranceTesting
import Domain
import Learning
import Testing

/// The learning and development programme: its records through the service, with the usual
/// checks, and its rules at their edges.
struct DevelopmentTests {
    let lead = PartnershipScenario.qaLead
    let police = PartnershipScenario.police
    let council = PartnershipScenario.council
    let year = try! ReportingPeriod(parsing: "FY2025-26")

    func service(_ store: InMemoryStore, _ day: String) -> LearningAndDevelopment {
        LearningAndDevelopment(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: .incrementing)
        )
    }

    /// A commissioned programme with a neglect course answering one recommendation, and a session on
    /// 10 June 2025 offering 10 places.
    func programme(_ store: InMemoryStore) async throws -> CourseSession {
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        try await ActionTracker(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-04-01"))))
            .raise(
                Recommendation(
                    id: "rec-neglect",
                    source: .init(.review, title: "Rapid review A"),
                    text: "Use the neglect toolkit.",
                    themes: [.neglect],
                    raisedOn: .fixture("2025-04-01")
                ),
                by: lead
            )
        let planning = service(store, "2025-03-10")
        try await planning.save(
            DevelopmentProgramme(id: "p-2025", year: year, strategy: "WDG strategy 2025-26", themes: [.neglect]),
            by: lead
        )
        try await planning.commission("p-2025", by: lead)
        try await planning.add(
            Course(
                id: "neglect",
                programme: "p-2025",
                title: "Neglect: multi-agency practice",
                kind: .multiAgencyCourse,
                themes: [.neglect],
                answers: ["rec-neglect"]
            ),
            by: lead
        )
        return try await planning.schedule(
            CourseSession(id: "neglect-1", course: "neglect", day: .fixture("2025-06-10"), placesOffered: 10),
            by: lead
        )
    }

    @Test func theProgrammeItsCoursesAndSessionsRefuseWhatCannotBe() async throws {
        let store = InMemoryStore()
        _ = try await programme(store)
        let planning = service(store, "2025-03-10")
        await #expect(
            throws: DomainError(.invalidInput, "programme q covers FY2025-26-Q1, a quarter; a programme covers a year")
        ) {
            try await planning.save(
                DevelopmentProgramme(id: "q", year: try ReportingPeriod(parsing: "FY2025-26-Q1"), strategy: "s"),
                by: lead
            )
        }
        await #expect(throws: DomainError(.invalidInput, "course bare has no theme; name the themes it answers")) {
            try await planning.add(
                Course(id: "bare", programme: "p-2025", title: "t", kind: .briefing, themes: []),
                by: lead
            )
        }
        await #expect(throws: DomainError.self) {
            try await planning.add(
                Course(id: "lost", programme: "p-1999", title: "t", kind: .briefing, themes: [.neglect]),
                by: lead
            )
        }
        await #expect(throws: DomainError(.invalidInput, "session none offers 0 places; expected at least 1")) {
            try await planning.schedule(
                CourseSession(id: "none", course: "neglect", day: .fixture("2025-07-01"), placesOffered: 0),
                by: lead
            )
        }
        await #expect(
            throws: DomainError(.invalidInput, "session late is on 2026-04-02, outside its programme's year 2025-26")
        ) {
            try await planning.schedule(
                CourseSession(id: "late", course: "neglect", day: .fixture("2026-04-02"), placesOffered: 5),
                by: lead
            )
        }
        let held = try await Records(store: store).require(DevelopmentProgramme.self, id: "p-2025", as: lead).value
        #expect(held.commissionedOn == .fixture("2025-03-10") && held.commissionedBy == lead.id)
    }

    @Test func placesAreCommittedWithinWhatIsOfferedAndAttendanceOnceHeld() async throws {
        let store = InMemoryStore()
        let session = try await programme(store)
        let booking = service(store, "2025-05-01")
        let policeLead = PartnershipScenario.policeLead
        try await booking.commit(places: 6, of: police, to: session.id, by: policeLead)
        await #expect(
            throws: DomainError(.invalidInput, "session neglect-1 has 4 of 10 places left; council asked for 5")
        ) {
            try await booking.commit(places: 5, of: council, to: session.id, by: lead)
        }
        // An agency lead books its own places only, and reads only its own.
        await #expect(throws: DomainError.self) {
            try await booking.commit(places: 2, of: council, to: session.id, by: policeLead)
        }
        try await booking.commit(places: 4, of: council, to: session.id, by: lead)
        let seen = try await Records(store: store).all(Attendance.self, as: policeLead).map(\.value.agency)
        #expect(seen == [police])
        await #expect(
            throws: DomainError(
                .invalidInput,
                "session neglect-1 is not held until 2025-06-10; attendance is recorded once it is held"
            )
        ) {
            try await booking.recordAttendance(5, of: police, at: session.id, by: lead)
        }
        let after = service(store, "2025-06-10")
        await #expect(
            throws: DomainError(.invalidInput, "police attended 7 places at session neglect-1; it committed 6")
        ) {
            try await after.recordAttendance(7, of: police, at: session.id, by: lead)
        }
        let recorded = try await after.recordAttendance(5, of: police, at: session.id, by: lead)
        #expect(recorded.didNotAttend == 1)
        try await after.recordAttendance(4, of: council, at: session.id, by: lead)
        await #expect(throws: DomainError.self) {
            try await after.recordAttendance(1, of: PartnershipScenario.school, at: session.id, by: lead)
        }
        // The take-up measure is computed from it: 9 of 10 places committed were taken up in Q1.
        let series = try await after.publishTakeUp(by: lead)
        let partnership = try #require(series.first { $0.scope == .partnership })
        #expect(
            partnership.points == [
                SeriesPoint(
                    period: try ReportingPeriod(parsing: "FY2025-26-Q1"),
                    value: 90,
                    numerator: 9,
                    denominator: 10
                )
            ]
        )
        #expect(series.first { $0.scope == .agency(police) }?.points.first?.value == 5.0 / 6.0 * 100)
        let stored = try await store.observationSeries(matching: ObservationQuery(measures: ["training-take-up"]))
        #expect(stored.count == 3)
        // A cancelled session takes no more places.
        try await after.cancel("neglect-1", because: "Trainer unwell", by: lead)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "session neglect-1 was cancelled (Trainer unwell); no places can be committed"
            )
        ) {
            try await after.commit(places: 1, of: police, to: session.id, by: lead)
        }
    }

    @Test func aFollowUpEvaluationIsImpactOnTheRecommendationsTheCourseAnswers() async throws {
        let store = InMemoryStore()
        let session = try await programme(store)
        let evaluating = service(store, "2025-09-15")
        await #expect(throws: DomainError.self) {
            try await evaluating.record(
                Evaluation(
                    id: "bad",
                    session: session.id,
                    course: "neglect",
                    stage: .followUp,
                    on: .fixture("2025-09-10"),
                    respondents: 4,
                    practiceChanged: 5,
                    summary: "s"
                ),
                by: lead
            )
        }
        await #expect(throws: DomainError.self) {
            try await evaluating.record(
                Evaluation(
                    id: "early",
                    session: session.id,
                    course: "neglect",
                    stage: .followUp,
                    on: .fixture("2025-06-01"),
                    respondents: 4,
                    practiceChanged: 3,
                    summary: "s"
                ),
                by: lead
            )
        }
        try await evaluating.record(
            Evaluation(
                id: "end",
                session: session.id,
                course: "neglect",
                stage: .endOfSession,
                on: .fixture("2025-06-10"),
                respondents: 12,
                practiceChanged: 11,
                summary: "Useful."
            ),
            by: lead
        )
        await #expect(
            throws: DomainError(
                .invalidInput,
                "evaluation end was made at the end of its session; impact on practice is evidenced by a follow-up"
            )
        ) {
            try await evaluating.recordImpact(of: "end", by: lead)
        }
        try await evaluating.record(
            Evaluation(
                id: "follow",
                session: session.id,
                course: "neglect",
                stage: .followUp,
                on: .fixture("2025-09-10"),
                respondents: 10,
                practiceChanged: 8,
                summary: "Most use the toolkit."
            ),
            by: lead
        )
        let impact = try await evaluating.recordImpact(of: "follow", by: lead)
        #expect(impact.map(\.judgement) == [.embedded])
        #expect(impact.first?.evidence.first?.kind == .trainingEvaluation)
        let closed = try await ActionTracker(environment: evaluating.environment).closeRecommendation(
            "rec-neglect",
            by: lead
        )
        #expect(closed.status == .closed)
    }

    @Test func anAgencysOwnActivityIsItsToRecord() async throws {
        let store = InMemoryStore()
        _ = try await programme(store)
        let recording = service(store, "2025-07-01")
        let circle = AgencyLearningActivity(
            id: "circle-1",
            agency: police,
            kind: .learningCircle,
            day: .fixture("2025-07-01"),
            participants: 9,
            summary: "Discussed the rapid review's learning."
        )
        #expect(try await recording.record(circle, by: PartnershipScenario.policeLead) == circle)
        var other = circle
        other.id = "circle-2"
        other.agency = council
        await #expect(throws: DomainError.self) {
            try await recording.record(other, by: PartnershipScenario.policeLead)
        }
        other.participants = 0
        await #expect(throws: DomainError.self) { try await recording.record(other, by: lead) }
    }

    // MARK: Rules at their edges

    @Test func theProgrammeIsDueCommissionedByTheStartOfTheYear() async throws {
        let store = InMemoryStore()
        let planning = service(store, "2026-03-01")
        let next = year.advanced(by: 1)
        try await planning.save(DevelopmentProgramme(id: "p-2026", year: next, strategy: "s"), by: lead)
        try await planning.save(
            {
                var current = DevelopmentProgramme(id: "p-2025", year: year, strategy: "s")
                current.commissionedOn = .fixture("2025-03-01")
                return current
            }(),
            by: lead
        )
        let rule = ProgrammeNotCommissionedRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-04-01"), in: store)
                == RuleBoundary(dayBefore: [], day: ["FY2026-27"], dayAfter: ["FY2026-27"])
        )
        try await service(store, "2026-04-02").commission("p-2026", by: lead)
        #expect(try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2026-04-03")).isEmpty)
    }

    @Test func attendanceBelowCommitmentAndTheFollowUpAreFoundAtTheirEdges() async throws {
        let store = InMemoryStore()
        let session = try await programme(store)
        try await service(store, "2025-05-01").commit(places: 6, of: police, to: session.id, by: lead)
        try await service(store, "2025-06-10").recordAttendance(4, of: police, at: session.id, by: lead)
        // 4 of 6 is 67%, below 80%; judged over the 12 months back from the day.
        let attendanceRule = AttendanceBelowCommitmentRule()
        #expect(
            try await RuleBoundary.probe(attendanceRule, around: .fixture("2026-06-10"), in: store)
                == RuleBoundary(dayBefore: ["police"], day: [], dayAfter: [])
        )
        let finding = try #require(
            try await attendanceRule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-07-01")).first
        )
        #expect(
            finding.message
                == "Constabulary took up 4 of the 6 training places it committed to in the last 12 months (67%)."
        )
        // The follow-up is due three months after the session, by 10 September.
        let followUp = FollowUpEvaluationOverdueRule(months: 3)
        #expect(
            try await RuleBoundary.probe(followUp, around: .fixture("2025-09-10"), in: store)
                == .firesAfter(["neglect-1"])
        )
        let owed = try await LearningModule().deadlines(in: AssuranceView(store: store), on: .fixture("2025-09-01"))
        #expect(owed.filter { $0.kind == .followUpEvaluation }.map(\.dueOn) == [.fixture("2025-09-10")])
        try await service(store, "2025-09-20").record(
            Evaluation(
                id: "f",
                session: session.id,
                course: "neglect",
                stage: .followUp,
                on: .fixture("2025-09-20"),
                respondents: 8,
                practiceChanged: 6,
                summary: "Changed."
            ),
            by: lead
        )
        #expect(try await followUp.evaluate(in: AssuranceView(store: store), on: .fixture("2025-09-21")).isEmpty)
        // Six of eight (75%) said practice changed: good practice for a year from the follow-up.
        let good = TrainingChangedPracticeRule()
        #expect(
            try await RuleBoundary.probe(good, around: .fixture("2025-09-20"), in: store)
                == RuleBoundary(dayBefore: [], day: ["f"], dayAfter: ["f"])
        )
        #expect(
            try await RuleBoundary.probe(good, around: .fixture("2026-09-20"), in: store)
                == RuleBoundary(dayBefore: ["f"], day: [], dayAfter: [])
        )
    }

    @Test func aThemeRaisedWithNoOfferIsFoundUntilACourseAnswersIt() async throws {
        let store = InMemoryStore()
        _ = try await programme(store)
        try await ActionTracker(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-05-01"))))
            .raise(
                Recommendation(
                    id: "rec-voice",
                    source: .init(.audit, title: "Voice of the child audit"),
                    text: "Record what children say.",
                    themes: [.voiceOfTheChild],
                    raisedOn: .fixture("2025-05-01")
                ),
                by: lead
            )
        let rule = ThemeWithoutOfferRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-05-01"), in: store)
                == RuleBoundary(
                    dayBefore: [],
                    day: ["FY2025-26|voice-of-the-child"],
                    dayAfter: ["FY2025-26|voice-of-the-child"]
                )
        )
        try await service(store, "2025-05-10").add(
            Course(
                id: "voice",
                programme: "p-2025",
                title: "Hearing the child",
                kind: .briefing,
                themes: [.voiceOfTheChild]
            ),
            by: lead
        )
        #expect(try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-05-10")).isEmpty)
    }

    /// At the year's end, with no programme commissioned for the next, the year just ended is still
    /// judged: a need left without an offer stays found instead of the report showing "No offer" alone.
    @Test func theYearJustEndedIsJudgedUntilTheNextProgrammeIsCommissioned() async throws {
        let store = InMemoryStore()
        _ = try await programme(store)
        try await ActionTracker(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2026-02-01"))))
            .raise(
                Recommendation(
                    id: "rec-voice",
                    source: .init(.audit, title: "Voice of the child audit"),
                    text: "Record what children say.",
                    themes: [.voiceOfTheChild],
                    raisedOn: .fixture("2026-02-01")
                ),
                by: lead
            )
        let rule = ThemeWithoutOfferRule()
        // The 2025-26 programme's year ends on 31 March 2026; on 1 April no 2026-27 programme exists.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-04-01"), in: store)
                == RuleBoundary(
                    dayBefore: ["FY2025-26|voice-of-the-child"],
                    day: ["FY2025-26|voice-of-the-child"],
                    dayAfter: ["FY2025-26|voice-of-the-child"]
                )
        )
    }
}
