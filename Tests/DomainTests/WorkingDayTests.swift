import Domain
import Testing

/// Working-day arithmetic, each case worked by hand against a printed calendar.
struct WorkingDayTests {
    let calendar = EnglandAndWalesCalendar()

    @Test(arguments: [
        // 5 working days from Monday 2025-03-03: Tue 4, Wed 5, Thu 6, Fri 7, Mon 10.
        ("2025-03-03", 5, "2025-03-10"),
        // From a Saturday, day 0 is the Saturday: Mon 8, Tue 9, Wed 10, Thu 11, Fri 12.
        ("2025-03-08", 5, "2025-03-14"),
        // Over Easter 2025 (Good Friday 18 April, Easter Monday 21 April): Thu 17, Tue 22, Wed 23.
        ("2025-04-16", 3, "2025-04-23"),
        // Over Christmas 2025: Tue 23 Dec + 3 = Wed 24, Mon 29, Tue 30 (25 and 26 are holidays).
        ("2025-12-23", 3, "2025-12-30"),
        // Over the 2026 Boxing Day substitute (Mon 28 Dec): Thu 24 + 2 = Tue 29, Wed 30.
        ("2026-12-24", 2, "2026-12-30"),
        // 15 working days from Friday 19 Dec 2025: 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9, 12, 13 Jan…
        // Dec: 22, 23, 24, 29, 30, 31 (6); Jan: 2, 5, 6, 7, 8, 9, 12, 13, 14 (9) → 14 January 2026.
        ("2025-12-19", 15, "2026-01-14"),
        // 0 working days is the day itself, even a Sunday.
        ("2025-03-09", 0, "2025-03-09"),
        // 1 working day from Friday is Monday.
        ("2025-03-07", 1, "2025-03-10"),
        // The 2022 Platinum Jubilee: Wed 1 June + 1 = Mon 6 June (2 and 3 June were holidays).
        ("2022-06-01", 1, "2022-06-06"),
    ])
    func addingWorkingDays(_ start: String, _ count: Int, _ expected: String) throws {
        #expect(calendar.adding(workingDays: count, to: try Day(parsing: start)) == (try Day(parsing: expected)))
    }

    @Test func walkingBackwards() throws {
        // 2 working days before Tuesday 6 May 2025 (Mon 5 May a holiday): Fri 2, Thu 1.
        #expect(
            calendar.adding(workingDays: -2, to: try Day(parsing: "2025-05-06")) == (try Day(parsing: "2025-05-01"))
        )
    }

    @Test(arguments: [
        ("2025-03-03", "2025-03-10", 5),
        ("2025-03-03", "2025-03-03", 0),
        ("2025-03-10", "2025-03-03", -5),
        // Through Christmas 2025 into January 2026: 22, 23, 24, 29, 30, 31 Dec and 2 Jan.
        ("2025-12-19", "2026-01-02", 7),
        // A whole year: 2025 has 261 weekdays and 8 weekday bank holidays.
        ("2024-12-31", "2025-12-31", 253),
        // A weekend to a weekend: nothing.
        ("2025-03-08", "2025-03-09", 0),
    ])
    func countingWorkingDays(_ from: String, _ to: String, _ expected: Int) throws {
        let start = try Day(parsing: from)
        let end = try Day(parsing: to)
        #expect(calendar.workingDays(after: start, through: end) == expected)
        #expect(WalkingCalendar().workingDays(after: start, through: end) == expected)
    }

    @Test func countingAgreesWithAddingOverTenYears() throws {
        var day = try Day(parsing: "2018-01-01")
        let walking = WalkingCalendar()
        for _ in 0..<400 {
            let later = calendar.adding(workingDays: 45, to: day)
            #expect(calendar.workingDays(after: day, through: later) == 45)
            #expect(walking.workingDays(after: day, through: later) == 45)
            day = day.adding(days: 9)
        }
    }

    @Test func statutoryDeadlines() throws {
        let start = try Day(parsing: "2025-12-19")
        #expect(calendar.deadline(for: .workingDays(15), from: start) == (try Day(parsing: "2026-01-14")))
        #expect(
            calendar.deadline(for: .months(6), from: try Day(parsing: "2025-08-31")) == (try Day(parsing: "2026-02-28"))
        )
        #expect(calendar.deadline(for: .calendarDays(28), from: start) == (try Day(parsing: "2026-01-16")))
        #expect(ClockDuration.workingDays(1).description == "1 working day")
        #expect(ClockDuration.months(6).description == "6 months")
    }
}

/// A calendar that only implements `isWorkingDay`, so the protocol's default counting is used.
private struct WalkingCalendar: WorkingDayCalendar {
    func isWorkingDay(_ day: Day) -> Bool { EnglandAndWalesCalendar().isWorkingDay(day) }
}
