import AssuranceTesting
import Domain
import Learning
import Testing

/// Deadlines of the starter clocks, each worked by hand against a printed calendar.
struct ClockTests {
    let calendar = EnglandAndWalesCalendar()

    func clock(_ id: String) throws -> StatutoryClock {
        try #require(StatutoryClock.starter.first { $0.id.rawValue == id })
    }

    @Test(arguments: [
        // Notification (5 working days) from Thursday 18 December 2025: Fri 19, Mon 22, Tue 23, Wed 24;
        // Christmas Day, Boxing Day and the weekend are not working days; the 5th is Mon 29.
        ("panel-notification", "2025-12-18", "2025-12-29"),
        // Rapid review (15 working days) from Monday 21 December 2026: Tue 22, Wed 23, Thu 24 (1–3); Fri 25
        // Christmas, the weekend, Mon 28 the Boxing Day substitute; Tue 29, Wed 30, Thu 31 (4–6); Fri 1 Jan;
        // Mon 4 – Fri 8 (7–11); Mon 11 – Thu 14 (12–15).
        ("rapid-review", "2026-12-21", "2027-01-14"),
        // Initial conference (15 working days) from Friday 11 April 2025, across Easter (Good Friday 18 and
        // Easter Monday 21 April) and the early May holiday (5 May): 14–17 Apr (1–4), 22–25 (5–8),
        // 28 Apr – 2 May (9–13), 6, 7 May (14, 15).
        ("initial-conference", "2025-04-11", "2025-05-07"),
        // First core group (10 working days) from Wednesday 20 August 2025, across the summer holiday
        // (25 August): 21, 22 (1, 2), 26–29 (3–6), 1–4 September (7–10).
        ("core-group", "2025-08-20", "2025-09-04"),
        // Assessment (45 working days) from Monday 3 March 2025: nine weeks to Friday 2 May less Good Friday
        // and Easter Monday is 42; 5 May is a holiday; 6, 7, 8 May are 43–45.
        ("assessment", "2025-03-03", "2025-05-08"),
        // LADO referral (1 working day) from Wednesday 24 December 2025: Monday 29 December.
        ("lado-referral", "2025-12-24", "2025-12-29"),
        // Month clocks: the same day of the month, or the month's last day where it has none.
        ("local-review-publication", "2025-08-31", "2026-02-28"),
        ("first-review-conference", "2025-11-30", "2026-02-28"),
        ("review-conference", "2023-08-31", "2024-02-29"),
    ])
    func deadlines(_ id: String, _ start: String, _ due: String) throws {
        #expect(try clock(id).deadline(from: .fixture(start), calendar: calendar) == .fixture(due))
    }

    /// Sources from domain-facts.md §1.2–1.3.
    @Test func eachClockNamesItsRuleAndSource() throws {
        #expect(try clock("panel-notification").source.citation == "Children Act 2004 s16C(1)")
        #expect(
            try clock("panel-notification").rule
                == "5 working days from the local authority becoming aware of the incident"
        )
        #expect(try clock("rapid-review").rule == "15 working days from the notification being sent to the panel")
        #expect(try clock("local-review-publication").duration == .months(6))
        #expect(
            StatutoryClock.starter.map(\.id.rawValue) == [
                "panel-notification", "rapid-review", "local-review-publication", "initial-conference", "core-group",
                "first-review-conference", "review-conference", "assessment", "lado-referral",
            ]
        )
    }

    @Test func readingsOfAReview() throws {
        let notification = try clock("panel-notification")
        var review = Review(id: "rr", kind: .rapidReview, title: "Infant", milestones: [:])
        #expect(
            ClockReading.read(notification, for: review, on: .fixture("2025-03-10"), calendar: calendar).state
                == .notStarted
        )
        review.milestones[.localAuthorityAware] = .fixture("2025-03-03")
        // Due Monday 10 March.
        let running = ClockReading.read(notification, for: review, on: .fixture("2025-03-10"), calendar: calendar)
        #expect(running.state == .running)
        #expect(running.due == .fixture("2025-03-10"))
        #expect(
            ClockReading.read(notification, for: review, on: .fixture("2025-03-11"), calendar: calendar).state
                == .breached
        )
        review.milestones[.notificationSent] = .fixture("2025-03-10")
        #expect(
            ClockReading.read(notification, for: review, on: .fixture("2025-04-01"), calendar: calendar).state == .met
        )
        review.milestones[.notificationSent] = .fixture("2025-03-12")
        #expect(
            ClockReading.read(notification, for: review, on: .fixture("2025-04-01"), calendar: calendar).state
                == .breached
        )
    }

    @Test func aPartnershipCanChangeAClockWithoutCode() async throws {
        let store = InMemoryStore()
        let learning = LearningTracker(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-03-01")))
        )
        var rapid = try clock("rapid-review")
        rapid.duration = .workingDays(20)
        rapid.source = ObligationSource(.framework, "Local variation agreed by the partners")
        try await learning.save(rapid, by: PartnershipScenario.qaLead)
        let clocks = try await learning.clocks()
        #expect(clocks.first { $0.id == "rapid-review" }?.duration == .workingDays(20))
        #expect(clocks.count == StatutoryClock.starter.count)
    }
}

/// A review's days are refused when they could not have happened: after today, or before a
/// milestone they follow; and a review needs a title and a reviewer a name.
struct ReviewDayCheckTests {
    let lead = Principal(id: "lead", roles: [.partnershipLead])

    func learning(_ store: InMemoryStore, _ day: String) -> LearningTracker {
        LearningTracker(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day))))
    }

    @Test func aDayAheadOfTodayOrOutOfOrderIsRefusedAndNothingIsWritten() async throws {
        let store = InMemoryStore()
        let learning = learning(store, "2026-04-30")
        let review = try await learning.open(
            Review(
                id: "rr-1",
                kind: .rapidReview,
                title: "Rapid review 2026-001",
                milestones: [.incident: .fixture("2026-04-01"), .localAuthorityAware: .fixture("2026-04-02")]
            ),
            by: lead
        )
        // A typo ten years ahead would stop the panel clock and resolve its finding.
        do {
            _ = try await learning.record(.rapidReviewSent, on: .fixture("2036-04-20"), for: review.id, by: lead)
            Issue.record("a day ten years ahead was accepted")
        } catch let error as DomainError {
            #expect(error.code == .invalidInput)
            #expect(
                error.message
                    == "review rr-1: milestones.rapid-review-sent is 2036-04-20, after today (2026-04-30); record a day once it has passed"
            )
            #expect(error.context.field == "milestones.rapid-review-sent" && error.context.value == "2036-04-20")
        }
        await #expect(
            throws: DomainError(
                .invalidInput,
                "review rr-1: notification sent on 2026-03-30 is before local authority aware on 2026-04-02; notification sent comes after it"
            )
        ) {
            try await learning.record(.notificationSent, on: .fixture("2026-03-30"), for: review.id, by: lead)
        }
        await #expect(throws: DomainError.self) {
            try await learning.appoint(reviewer: "  ", agreedOn: .fixture("2026-04-20"), for: review.id, by: lead)
        }
        #expect(try await store.changeLog(for: review.reference).count == 1, "only the opening was written")
        // The day before today, in order, is taken; the same day again changes nothing.
        let sent = try await learning.record(.notificationSent, on: .fixture("2026-04-29"), for: review.id, by: lead)
        #expect(sent[.notificationSent] == .fixture("2026-04-29"))
        await #expect(throws: DomainError.self) {
            try await learning.record(.notificationSent, on: .fixture("2026-04-29"), for: review.id, by: lead)
        }
        await #expect(throws: DomainError.self) {
            try await learning.open(Review(id: "rr-2", kind: .rapidReview, title: " "), by: lead)
        }
    }
}
