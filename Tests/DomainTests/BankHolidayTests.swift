import Domain
import Testing

/// The bank holidays of England and Wales as published on GOV.UK, written out year by year.
///
/// Source: https://www.gov.uk/bank-holidays (the `england-and-wales` division of
/// https://www.gov.uk/bank-holidays.json). Where Christmas Day, Boxing Day or New Year's Day falls at a weekend, GOV.UK lists the substitute day.
private let publishedBankHolidays: [Int: [String]] = [
    2012: [
        "2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27",
        "2012-12-25", "2012-12-26",
    ],
    2013: [
        "2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25",
        "2013-12-26",
    ],
    2014: [
        "2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25",
        "2014-12-26",
    ],
    2015: [
        "2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25",
        "2015-12-28",
    ],
    2016: [
        "2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26",
        "2016-12-27",
    ],
    2017: [
        "2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25",
        "2017-12-26",
    ],
    2018: [
        "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25",
        "2018-12-26",
    ],
    2019: [
        "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25",
        "2019-12-26",
    ],
    2020: [
        "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
        "2020-12-28",
    ],
    2021: [
        "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27",
        "2021-12-28",
    ],
    2022: [
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
        "2022-09-19", "2022-12-26", "2022-12-27",
    ],
    2023: [
        "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
        "2023-12-25", "2023-12-26",
    ],
    2024: [
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
        "2024-12-26",
    ],
    2025: [
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
        "2025-12-26",
    ],
    2026: [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
        "2026-12-28",
    ],
    2027: [
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
        "2027-12-28",
    ],
]

struct BankHolidayTests {
    @Test(arguments: 2012...2027)
    func computedHolidaysMatchThePublishedList(_ year: Int) throws {
        let computed = EnglandAndWalesCalendar.bankHolidays(in: year).map(\.day.description)
        #expect(computed == publishedBankHolidays[year])
    }

    @Test(arguments: 2012...2027)
    func everyPublishedHolidayIsANonWorkingWeekday(_ year: Int) throws {
        let calendar = EnglandAndWalesCalendar()
        for text in publishedBankHolidays[year] ?? [] {
            let day = try Day(parsing: text)
            #expect(!day.isWeekend, "\(text) is a weekend")
            #expect(!calendar.isWorkingDay(day), "\(text) counted as a working day")
        }
    }

    /// The one-off changes before 2012: VE day's 50th anniversary (1995), the Millennium (1999),
    /// the Golden Jubilee (2002) and the royal wedding (2011), from the proclamations listed on GOV.UK.
    @Test func oneOffChangesBefore2012() throws {
        let calendar = EnglandAndWalesCalendar()
        for text in ["1995-05-08", "1999-12-31", "2002-06-03", "2002-06-04", "2011-04-29"] {
            #expect(!calendar.isWorkingDay(try Day(parsing: text)), "\(text)")
        }
        // The moved holidays' usual days were working days.
        for text in ["1995-05-01", "2002-05-27", "2012-05-28", "2020-05-04", "2022-05-30"] {
            #expect(calendar.isWorkingDay(try Day(parsing: text)), "\(text)")
        }
    }

    /// Easter Sunday, for the years of the published list, from the Book of Common Prayer's tables.
    @Test(arguments: [
        (2012, "2012-04-08"), (2016, "2016-03-27"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2038, "2038-04-25"),
        (2100, "2100-03-28"),
    ])
    func easterSunday(_ year: Int, _ text: String) throws {
        #expect(EnglandAndWalesCalendar.easterSunday(year) == (try Day(parsing: text)))
    }

    @Test func hostClosuresAreNotWorkingDays() throws {
        let shutdown = try Day(parsing: "2025-12-29")
        let calendar = EnglandAndWalesCalendar(closures: [shutdown])
        #expect(!calendar.isWorkingDay(shutdown))
        #expect(EnglandAndWalesCalendar().isWorkingDay(shutdown))
        #expect(
            calendar.workingDays(after: try Day(parsing: "2025-12-24"), through: try Day(parsing: "2025-12-31")) == 2
        )
    }
}
