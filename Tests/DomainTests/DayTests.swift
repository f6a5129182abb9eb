import Domain
import Foundation
import Testing

struct DayTests {
    @Test(arguments: ["2025-03-31", "2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01", "2000-02-29"])
    func textRoundTrips(_ text: String) throws {
        let day = try Day(parsing: text)
        #expect(day.description == text)
        #expect(Day(text) == day)
    }

    @Test func componentsMatchTheText() throws {
        let day = try Day(parsing: "2025-03-31")
        #expect(day.year == 2025)
        #expect(day.month == 3)
        #expect(day.dayOfMonth == 31)
        #expect(try Day(year: 2025, month: 3, day: 31) == day)
    }

    @Test func epochIsDayZeroAndAThursday() throws {
        let epoch = try Day(parsing: "1970-01-01")
        #expect(epoch.daysSinceEpoch == 0)
        #expect(epoch.weekday == .thursday)
        #expect(try Day(parsing: "1969-12-31").daysSinceEpoch == -1)
    }

    @Test(arguments: [
        ("2025-03-31", Weekday.monday), ("2025-12-25", .thursday), ("2026-12-26", .saturday),
        ("2000-01-01", .saturday), ("2024-02-29", .thursday), ("1995-05-08", .monday),
    ])
    func weekdaysAreRight(_ text: String, _ weekday: Weekday) throws {
        #expect(try Day(parsing: text).weekday == weekday)
    }

    @Test func impossibleDatesAreRefusedWithTheReason() {
        #expect(
            throws: DomainError(
                .invalidInput,
                "day \"2025-02-30\" does not exist: February 2025 has 28 days; expected a day of the month from 01 to 28"
            )
        ) { try Day(parsing: "2025-02-30") }
        #expect(
            throws: DomainError(
                .invalidInput,
                "day \"2023-02-29\" does not exist: February 2023 has 28 days; expected a day of the month from 01 to 28"
            )
        ) { try Day(parsing: "2023-02-29") }
        #expect(throws: DomainError(.invalidInput, "day \"2025-13-01\" does not exist: the month must be 01 to 12")) {
            try Day(parsing: "2025-13-01")
        }
        #expect(throws: DomainError(.invalidInput, "day \"0000-01-01\" does not exist: the year must be 0001 to 9999"))
        {
            try Day(parsing: "0000-01-01")
        }
        #expect(
            throws: DomainError(
                .invalidInput,
                "day \"2025-04-31\" does not exist: April 2025 has 30 days; expected a day of the month from 01 to 30"
            )
        ) { try Day(year: 2025, month: 4, day: 31) }
    }

    @Test(arguments: ["2025-3-31", "31/03/2025", "2025-03-31T00:00:00Z", "", "2025-03-3x", " 2025-03-31", "２０２５-03-31"])
    func malformedTextIsRefusedQuotingIt(_ text: String) {
        #expect(
            throws: DomainError(
                .invalidInput,
                "day \(DomainError.quote(text)) is not in the form YYYY-MM-DD (ISO 8601, such as 2025-03-31)"
            )
        ) { try Day(parsing: text) }
    }

    @Test func addingMonthsClampsToTheLastDayOfTheMonth() throws {
        #expect(try Day(parsing: "2025-08-31").adding(months: 6) == Day(parsing: "2026-02-28"))
        #expect(try Day(parsing: "2023-08-31").adding(months: 6) == Day(parsing: "2024-02-29"))
        #expect(try Day(parsing: "2025-01-31").adding(months: 3) == Day(parsing: "2025-04-30"))
        #expect(try Day(parsing: "2025-03-15").adding(months: -3) == Day(parsing: "2024-12-15"))
        #expect(try Day(parsing: "2025-03-31").adding(months: 12) == Day(parsing: "2026-03-31"))
    }

    @Test func codesAsItsText() throws {
        let day = try Day(parsing: "2025-03-31")
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-03-31\"]")
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
    }

    @Test func decodingAnImpossibleDateNamesIt() {
        let data = Data("[\"2025-02-30\"]".utf8)
        #expect {
            try JSONDecoder().decode([Day].self, from: data)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("\"2025-02-30\" does not exist")
        }
    }

    @Test func dayOfAnInstantDependsOnTheTimeZone() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        // 2025-06-30T23:30:00Z is 00:30 on 1 July in British Summer Time.
        let instant = Date(timeIntervalSince1970: 1_751_326_200)
        #expect(Day(instant, in: london) == (try Day(parsing: "2025-07-01")))
        #expect(Day(instant, in: TimeZone(secondsFromGMT: 0)!) == (try Day(parsing: "2025-06-30")))
        let start = try Day(parsing: "2025-07-01").start(in: london)
        #expect(start.timeIntervalSince1970 == 1_751_324_400)
    }
}

struct IdentifierTests {
    @Test(arguments: ["police", "agency-01", "a.b:c_d", "00000000-0000-0000-0000-000000000001"])
    func acceptsSafeText(_ text: String) throws {
        #expect(try Agency.ID(validating: text).rawValue == text)
    }

    @Test func refusesEmptyText() {
        let empty = String()
        #expect(
            throws: DomainError(
                .invalidInput,
                "agency id \"\" is empty; expected 1 to 128 characters from A-Z a-z 0-9 - _ . :"
            )
        ) { try Agency.ID(validating: empty) }
    }

    @Test(arguments: ["has space", "slash/in", "quote\"", "tab\t", "é"])
    func refusesCharactersThatAreNotAllowed(_ text: String) {
        #expect(
            throws: DomainError(
                .invalidInput,
                "agency id \(DomainError.quote(text)) contains a character that is not allowed; expected only A-Z a-z 0-9 - _ . :"
            )
        ) { try Agency.ID(validating: text) }
    }

    @Test func refusesOverlongText() {
        let text = String(repeating: "a", count: 129)
        #expect(
            throws: DomainError(
                .invalidInput,
                "audit id \(DomainError.quote(text)) is 129 characters long; expected at most 128"
            )
        ) {
            try Identifier<AuditKindForTest>(validating: text)
        }
    }

    @Test func decodingRefusesBadIdentifiers() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Agency.ID].self, from: Data("[\"no spaces\"]".utf8))
        }
    }

    @Test func generatorsAreDeterministicUnderTest() {
        let ids = IDGenerator.incrementing
        #expect(ids().uuidString == "00000000-0000-0000-0000-000000000001")
        #expect(ids.make(AgencyKindForTest.self).rawValue == "00000000-0000-0000-0000-000000000002")
        let other = IDGenerator.incrementing
        #expect(other().uuidString == "00000000-0000-0000-0000-000000000001")
    }

    @Test func seededGeneratorsRepeatTheirSequenceAndMakeVersion4UUIDs() {
        let first = IDGenerator.seeded(42)
        let second = IDGenerator.seeded(42)
        let one = (0..<100).map { _ in first() }
        let two = (0..<100).map { _ in second() }
        #expect(one == two)
        #expect(Set(one).count == 100)
        #expect(IDGenerator.seeded(43)() != one[0])
        for id in one {
            let text = id.uuidString
            #expect(Array(text)[14] == "4", "version 4: \(text)")
            #expect("89AB".contains(Array(text)[19]), "RFC 4122 variant: \(text)")
        }
    }
}

enum AuditKindForTest: IdentifierKind {
    static var noun: String { "audit" }
}

enum AgencyKindForTest: IdentifierKind {
    static var noun: String { "agency" }
}
