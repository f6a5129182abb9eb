/// The working-day calendar of England and Wales: the package's default ``WorkingDayCalendar``.
///
/// A working day is "a day which is not a Saturday, Sunday, Christmas Day, Boxing Day, Good Friday
/// or a bank holiday under the Banking and Financial Dealings Act 1971" (The Children Act 1989
/// Representations Procedure (England) Regulations 2006, reg 2). Bank holidays are computed for any
/// year from 1995 to 2100 (``supportedYears``): New Year's Day, Good Friday, Easter Monday, the
/// early May, spring and summer bank holidays, Christmas Day and Boxing Day, with substitute days
/// when they fall at a weekend, and the one-off changes made by proclamation up to 2023. Outside
/// those years the regular rules are applied, with no one-off changes.
///
/// A partnership adds its own closures, such as shutdown days between Christmas and New Year:
///
/// ```swift
/// let calendar = EnglandAndWalesCalendar(closures: [try Day(parsing: "2025-12-29")])
/// ```
public struct EnglandAndWalesCalendar: WorkingDayCalendar, Hashable {
    /// Days the host treats as closed, in addition to weekends and bank holidays.
    public var closures: Set<Day>

    /// The years for which the bank holidays, including the one-off changes, are computed.
    public static let supportedYears = 1995...2100

    /// Creates the calendar, with a partnership's own closures if it has any.
    public init(closures: Set<Day> = []) {
        self.closures = closures
    }

    /// Whether a day is a working day: not a weekend, a bank holiday or one of the host's closures.
    public func isWorkingDay(_ day: Day) -> Bool {
        if day.isWeekend { return false }
        if Self.isBankHoliday(day) { return false }
        return closures.isEmpty || !closures.contains(day)
    }

    /// Counts working days a week at a time, then corrects for bank holidays and closures.
    public func workingDays(after start: Day, through end: Day) -> Int {
        if end < start { return -workingDays(after: end, through: start) }
        let total = Self.weekdays(after: start, through: end)
        var excluded = 0
        for year in start.year...end.year {
            for holiday in Self.holidayDays(in: year) where holiday > start && holiday <= end && !holiday.isWeekend {
                excluded += 1
            }
        }
        for closure in closures where closure > start && closure <= end && !closure.isWeekend {
            if !Self.isBankHoliday(closure) { excluded += 1 }
        }
        return total - excluded
    }

    /// Whether a day is a bank holiday (or one of the common-law holidays Christmas Day and Good Friday)
    /// on a weekday in England and Wales.
    public static func isBankHoliday(_ day: Day) -> Bool {
        let year = day.year
        if supportedYears.contains(year) {
            return table.contains(day.daysSinceEpoch)
        }
        return holidayDays(in: year).contains(day)
    }

    /// The bank holidays of a year as published (a weekend Christmas appears as its substitute day).
    public static func bankHolidays(in year: Int) -> [BankHoliday] {
        var holidays: [BankHoliday] = []
        func add(_ month: Int, _ dayOfMonth: Int, _ name: String) {
            holidays.append(BankHoliday(day: fixed(year, month, dayOfMonth), name: name))
        }
        func addDay(_ day: Day, _ name: String) { holidays.append(BankHoliday(day: day, name: name)) }

        // New Year's Day, or the Monday after when it falls at a weekend.
        let newYear = fixed(year, 1, 1)
        switch newYear.weekday {
        case .saturday: addDay(newYear.adding(days: 2), "New Year's Day (substitute day)")
        case .sunday: addDay(newYear.adding(days: 1), "New Year's Day (substitute day)")
        default: addDay(newYear, "New Year's Day")
        }

        let easter = easterSunday(year)
        addDay(easter.adding(days: -2), "Good Friday")
        addDay(easter.adding(days: 1), "Easter Monday")

        switch year {
        case 1995, 2020: add(5, 8, "Early May bank holiday (VE day)")
        default: addDay(firstMonday(year, 5), "Early May bank holiday")
        }

        switch year {
        case 2002:
            add(6, 3, "Golden Jubilee bank holiday")
            add(6, 4, "Spring bank holiday")
        case 2012:
            add(6, 4, "Spring bank holiday")
            add(6, 5, "Queen's Diamond Jubilee")
        case 2022:
            add(6, 2, "Spring bank holiday")
            add(6, 3, "Platinum Jubilee bank holiday")
        default:
            addDay(lastMonday(year, 5), "Spring bank holiday")
        }

        addDay(lastMonday(year, 8), "Summer bank holiday")

        let christmas = fixed(year, 12, 25)
        switch christmas.weekday {
        case .friday:
            addDay(christmas, "Christmas Day")
            add(12, 28, "Boxing Day (substitute day)")
        case .saturday:
            add(12, 27, "Christmas Day (substitute day)")
            add(12, 28, "Boxing Day (substitute day)")
        case .sunday:
            add(12, 26, "Boxing Day")
            add(12, 27, "Christmas Day (substitute day)")
        default:
            addDay(christmas, "Christmas Day")
            add(12, 26, "Boxing Day")
        }

        switch year {
        case 1999: add(12, 31, "Millennium Celebrations")
        case 2011: add(4, 29, "Royal wedding")
        case 2022: add(9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II")
        case 2023: add(5, 8, "Bank holiday for the coronation of King Charles III")
        default: break
        }
        return holidays.sorted { $0.day < $1.day }
    }

    /// The date of Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = ((h + l - 7 * m + 114) % 31) + 1
        return fixed(year, month, day)
    }

    private static let table: Set<Int> = {
        var days = Set<Int>()
        for year in supportedYears {
            for holiday in bankHolidays(in: year) { days.insert(holiday.day.daysSinceEpoch) }
        }
        return days
    }()

    private static func holidayDays(in year: Int) -> [Day] {
        bankHolidays(in: year).map(\.day)
    }

    private static func fixed(_ year: Int, _ month: Int, _ day: Int) -> Day {
        Day(unchecked: Day.ordinal(year: year, month: month, day: day))
    }

    private static func firstMonday(_ year: Int, _ month: Int) -> Day {
        var day = fixed(year, month, 1)
        while day.weekday != .monday { day = day.adding(days: 1) }
        return day
    }

    private static func lastMonday(_ year: Int, _ month: Int) -> Day {
        var day = fixed(year, month, Day.daysIn(year: year, month: month))
        while day.weekday != .monday { day = day.adding(days: -1) }
        return day
    }

    /// Weekdays (Monday to Friday) after `start` up to and including `end`, for `start <= end`.
    private static func weekdays(after start: Day, through end: Day) -> Int {
        // Count weekdays in [epoch-aligned Monday, day] and subtract.
        func weekdaysThrough(_ day: Day) -> Int {
            // Days since a Monday: 1970-01-05 was a Monday (day 4).
            let offset = day.daysSinceEpoch - 4
            let weeks = offset >= 0 ? offset / 7 : (offset - 6) / 7
            let remainder = offset - weeks * 7  // 0 = Monday … 6 = Sunday
            return weeks * 5 + min(remainder + 1, 5)
        }
        return weekdaysThrough(end) - weekdaysThrough(start)
    }
}

/// A bank holiday: its day and its published name.
public struct BankHoliday: Hashable, Sendable, Codable {
    /// The day the holiday is taken (a substitute day where the holiday falls at a weekend).
    public var day: Day
    /// The name as published, such as `Boxing Day (substitute day)`.
    public var name: String

    /// Creates a bank holiday.
    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }
}
