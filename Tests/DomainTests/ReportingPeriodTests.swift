import Domain
import Foundation
import Testing

struct ReportingPeriodTests {
    @Test(arguments: [
        ("2025-04", "2025-04-01", "2025-04-30"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2025-Q1", "2025-01-01", "2025-03-31"),
        ("2025-Q4", "2025-10-01", "2025-12-31"),
        ("2025-H2", "2025-07-01", "2025-12-31"),
        ("2025", "2025-01-01", "2025-12-31"),
        ("FY2025-26", "2025-04-01", "2026-03-31"),
        ("FY2025-26-Q1", "2025-04-01", "2025-06-30"),
        ("FY2025-26-Q4", "2026-01-01", "2026-03-31"),
        ("FY2025-26-H2", "2025-10-01", "2026-03-31"),
        ("FY1999-00", "1999-04-01", "2000-03-31"),
    ])
    func textRoundTripsAndBoundsAreRight(_ text: String, _ first: String, _ last: String) throws {
        let period = try ReportingPeriod(parsing: text)
        #expect(period.description == text)
        #expect(period.firstDay == (try Day(parsing: first)))
        #expect(period.lastDay == (try Day(parsing: last)))
        let coded = try JSONEncoder().encode([period])
        #expect(try JSONDecoder().decode([ReportingPeriod].self, from: coded) == [period])
    }

    @Test(arguments: [
        "2025-13", "2025-00", "2025-Q5", "2025-Q0", "2025-H3", "FY2025-27", "FY2025", "fy2025-26", "2025-q1",
        "25-Q1", "2025-", "", "2025-04-01", "FY2025-26-Q5", "FY2025-26-04", "2025 Q1",
    ])
    func badTextIsRefusedQuotingIt(_ text: String) {
        #expect(
            throws: DomainError(
                .invalidInput,
                "period \(DomainError.quote(text)) is not a reporting period; expected a month (2025-04), a calendar "
                    + "quarter, half or year (2025-Q1, 2025-H1, 2025) or a financial one (FY2025-26-Q1, FY2025-26-H1, FY2025-26)"
            )
        ) { try ReportingPeriod(parsing: text) }
    }

    @Test func financialQuarterOneIsAprilToJune() throws {
        let day = try Day(parsing: "2025-05-15")
        #expect(ReportingPeriod.containing(day, kind: .quarter, basis: .financial).description == "FY2025-26-Q1")
        #expect(ReportingPeriod.containing(day, kind: .quarter, basis: .calendar).description == "2025-Q2")
        let march = try Day(parsing: "2026-03-31")
        #expect(ReportingPeriod.containing(march, kind: .year, basis: .financial).description == "FY2025-26")
        #expect(ReportingPeriod.containing(march, kind: .halfYear, basis: .financial).description == "FY2025-26-H2")
        #expect(ReportingPeriod.containing(march, kind: .month).description == "2026-03")
    }

    @Test func containment() throws {
        let year = try ReportingPeriod(parsing: "FY2025-26")
        #expect(year.contains(try Day(parsing: "2025-04-01")))
        #expect(year.contains(try Day(parsing: "2026-03-31")))
        #expect(!year.contains(try Day(parsing: "2025-03-31")))
        #expect(year.contains(try ReportingPeriod(parsing: "2026-01")))
        #expect(!year.contains(try ReportingPeriod(parsing: "2025-Q1")))
    }

    @Test func nextAndPreviousCrossYears() throws {
        #expect(try ReportingPeriod(parsing: "2025-12").next.description == "2026-01")
        #expect(try ReportingPeriod(parsing: "2026-01").previous.description == "2025-12")
        #expect(try ReportingPeriod(parsing: "FY2025-26-Q4").next.description == "FY2026-27-Q1")
        #expect(try ReportingPeriod(parsing: "FY2025-26-Q1").previous.description == "FY2024-25-Q4")
        #expect(try ReportingPeriod(parsing: "2025-H2").next.description == "2026-H1")
        #expect(try ReportingPeriod(parsing: "FY2025-26").advanced(by: -2).description == "FY2023-24")
        #expect(try ReportingPeriod(parsing: "2025-03").advanced(by: 27).description == "2027-06")
    }

    @Test func periodsInsideAnother() throws {
        let year = try ReportingPeriod(parsing: "FY2025-26")
        #expect(
            year.periods(of: .quarter).map(\.description) == [
                "FY2025-26-Q1", "FY2025-26-Q2", "FY2025-26-Q3", "FY2025-26-Q4",
            ]
        )
        #expect(year.periods(of: .halfYear).map(\.description) == ["FY2025-26-H1", "FY2025-26-H2"])
        let months = year.periods(of: .month)
        #expect(months.count == 12)
        #expect(months.first?.description == "2025-04")
        #expect(months.last?.description == "2026-03")
        #expect(
            try ReportingPeriod(parsing: "2025-Q3").periods(of: .month).map(\.description) == [
                "2025-07", "2025-08", "2025-09",
            ]
        )
        #expect(try ReportingPeriod(parsing: "2025-Q3").periods(of: .halfYear).isEmpty)
        #expect(try ReportingPeriod(parsing: "2025-04").periods(of: .year).isEmpty)
    }

    @Test func orderingIsByStartThenLength() throws {
        let periods = try ["FY2025-26", "2025-04", "2025-Q2", "2025-03", "FY2025-26-Q1"].map {
            try ReportingPeriod(parsing: $0)
        }
        #expect(periods.sorted().map(\.description) == ["2025-03", "2025-04", "2025-Q2", "FY2025-26-Q1", "FY2025-26"])
    }

    @Test func constructorsRefuseOutOfRangeValues() {
        #expect(throws: DomainError(.invalidInput, "quarter 5 does not exist; expected 1 to 4")) {
            try ReportingPeriod.quarter(5, of: 2025, basis: .financial)
        }
        #expect(throws: DomainError(.invalidInput, "month 13 does not exist; expected 1 to 12")) {
            try ReportingPeriod.month(13, of: 2025)
        }
    }

    @Test func labels() throws {
        #expect(try ReportingPeriod(parsing: "2025-04").label == "Apr 2025")
        #expect(try ReportingPeriod(parsing: "FY2025-26-Q1").label == "Q1 2025-26")
        #expect(try ReportingPeriod(parsing: "FY2025-26").label == "2025-26")
    }
}
