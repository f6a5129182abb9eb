/// A reporting period: a month, quarter, half-year or year, in the calendar year or the financial year.
///
/// The financial year runs from 1 April to 31 March, the public sector's year in England; its
/// quarter 1 is April to June. A month is the same in both bases.
///
/// ## Text form
/// Every period has one canonical text that round-trips through ``init(parsing:)``:
///
/// | period | calendar basis | financial basis |
/// | --- | --- | --- |
/// | month | `2025-04` | `2025-04` |
/// | quarter | `2025-Q2` (April–June) | `FY2025-26-Q1` (April–June) |
/// | half-year | `2025-H1` (January–June) | `FY2025-26-H1` (April–September) |
/// | year | `2025` | `FY2025-26` |
///
/// The financial year is written with the `FY` prefix so that `2011-12` can only mean December 2011.
public struct ReportingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// The length of a reporting period.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// A calendar month.
        case month
        /// Three months.
        case quarter
        /// Six months.
        case halfYear = "half-year"
        /// Twelve months.
        case year

        /// The number of months in a period of this kind.
        public var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .halfYear: 6
            case .year: 12
            }
        }
    }

    /// Which year a period's quarters, halves and year belong to.
    public enum YearBasis: String, Hashable, Sendable, CaseIterable, Codable {
        /// January to December.
        case calendar
        /// April to March, the public sector's year in England.
        case financial

        /// The calendar month in which the year starts (1 for January, 4 for April).
        public var firstMonth: Int { self == .calendar ? 1 : 4 }
    }

    /// The length of the period.
    public let kind: Kind
    /// The year basis; always ``YearBasis/calendar`` for a month.
    public let basis: YearBasis
    // Stored compactly (8 bytes in all), because observation series hold millions of periods.
    private let storedYear: Int32
    private let storedIndex: UInt8

    /// The calendar year, or for the financial basis the calendar year in which the financial year starts.
    public var year: Int { Int(storedYear) }
    /// The position within the year, from 1: the month number for a month, 1–4 for a quarter,
    /// 1–2 for a half-year, 1 for a year.
    public var index: Int { Int(storedIndex) }

    private init(kind: Kind, basis: YearBasis, year: Int, index: Int) {
        self.kind = kind
        self.basis = kind == .month ? .calendar : basis
        self.storedYear = Int32(year)
        self.storedIndex = UInt8(index)
    }

    /// A calendar month.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the month is not 1 to 12 or the year not 1 to 9998.
    public static func month(_ month: Int, of year: Int) throws(DomainError) -> ReportingPeriod {
        try make(.month, .calendar, year, month)
    }

    /// A quarter, numbered 1 to 4 within its year (financial quarter 1 is April to June).
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the quarter is not 1 to 4 or the year out of range.
    public static func quarter(_ quarter: Int, of year: Int, basis: YearBasis) throws(DomainError) -> ReportingPeriod {
        try make(.quarter, basis, year, quarter)
    }

    /// A half-year, numbered 1 or 2 within its year.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the half is not 1 or 2 or the year out of range.
    public static func halfYear(_ half: Int, of year: Int, basis: YearBasis) throws(DomainError) -> ReportingPeriod {
        try make(.halfYear, basis, year, half)
    }

    /// A whole year; for the financial basis, `year` is the calendar year in which it starts.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the year is out of range.
    public static func year(_ year: Int, basis: YearBasis) throws(DomainError) -> ReportingPeriod {
        try make(.year, basis, year, 1)
    }

    /// The period of a kind and basis that contains a day.
    public static func containing(_ day: Day, kind: Kind, basis: YearBasis = .financial) -> ReportingPeriod {
        let basis = kind == .month ? .calendar : basis
        let (year, month, _) = day.components
        let monthsIntoYear = (month - basis.firstMonth + 12) % 12
        let startYear = month >= basis.firstMonth ? year : year - 1
        return ReportingPeriod(
            kind: kind,
            basis: basis,
            year: kind == .month ? year : startYear,
            index: kind == .month ? month : monthsIntoYear / kind.months + 1
        )
    }

    private static func make(
        _ kind: Kind,
        _ basis: YearBasis,
        _ year: Int,
        _ index: Int
    ) throws(DomainError)
        -> ReportingPeriod
    {
        let count = 12 / kind.months
        guard (1...9998).contains(year) else {
            throw DomainError(
                .invalidInput,
                "\(kind.rawValue) of year \(year) is out of range; expected a year from 1 to 9998"
            )
        }
        guard (1...count).contains(index) else {
            throw DomainError(
                .invalidInput,
                "\(kind.rawValue) \(index) does not exist; expected 1 to \(count)"
            )
        }
        return ReportingPeriod(kind: kind, basis: basis, year: year, index: index)
    }

    /// Months since January of year 0 at which the period starts.
    private var startMonthIndex: Int {
        kind == .month
            ? year * 12 + (index - 1)
            : year * 12 + (basis.firstMonth - 1) + (index - 1) * kind.months
    }

    /// The first day of the period.
    public var firstDay: Day {
        let start = startMonthIndex
        return Day(unchecked: Day.ordinal(year: start / 12, month: start % 12 + 1, day: 1))
    }

    /// The last day of the period.
    public var lastDay: Day {
        let end = startMonthIndex + kind.months - 1
        let year = end / 12
        let month = end % 12 + 1
        return Day(unchecked: Day.ordinal(year: year, month: month, day: Day.daysIn(year: year, month: month)))
    }

    /// Whether a day falls within the period.
    public func contains(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }

    /// Whether another period lies wholly within this one.
    public func contains(_ other: ReportingPeriod) -> Bool {
        other.firstDay >= firstDay && other.lastDay <= lastDay
    }

    /// The period of the same kind and basis that follows this one.
    public var next: ReportingPeriod { advanced(by: 1) }

    /// The period of the same kind and basis that precedes this one.
    public var previous: ReportingPeriod { advanced(by: -1) }

    /// The period a number of periods later (or earlier, when negative), of the same kind and basis.
    public func advanced(by count: Int) -> ReportingPeriod {
        let perYear = 12 / kind.months
        let position = year * perYear + (index - 1) + count
        let newYear = position >= 0 ? position / perYear : (position - perYear + 1) / perYear
        return ReportingPeriod(kind: kind, basis: basis, year: newYear, index: position - newYear * perYear + 1)
    }

    /// The periods of a shorter kind that lie inside this one, in order, in this period's basis.
    ///
    /// A longer kind than this period's, or a kind that does not tile it (half-years in a quarter),
    /// gives an empty list.
    public func periods(of kind: Kind) -> [ReportingPeriod] {
        guard kind.months <= self.kind.months else { return [] }
        var result: [ReportingPeriod] = []
        var period = ReportingPeriod.containing(firstDay, kind: kind, basis: basis)
        while period.firstDay >= firstDay, period.lastDay <= lastDay {
            result.append(period)
            period = period.next
        }
        return result
    }

    /// Orders periods by first day, then by last day, then calendar before financial.
    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        let left = lhs.startMonthIndex
        let right = rhs.startMonthIndex
        if left != right { return left < right }
        if lhs.kind.months != rhs.kind.months { return lhs.kind.months < rhs.kind.months }
        return lhs.basis == .calendar && rhs.basis == .financial
    }

    /// The canonical text, such as `2025-04`, `2025-Q2` or `FY2025-26-Q1`.
    public var description: String {
        func pad4(_ value: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, 4 - text.count)) + text
        }
        let yearText: String
        switch basis {
        case .calendar: yearText = pad4(year)
        case .financial:
            let next = (year + 1) % 100
            yearText = "FY\(pad4(year))-\(next < 10 ? "0" : "")\(next)"
        }
        switch kind {
        case .month: return "\(pad4(year))-\(index < 10 ? "0" : "")\(index)"
        case .quarter: return "\(yearText)-Q\(index)"
        case .halfYear: return "\(yearText)-H\(index)"
        case .year: return yearText
        }
    }

    /// A short label for charts and tables, such as `Apr 2025`, `Q1 2025-26` or `2025-26`.
    public var label: String {
        let fy = basis == .financial ? "\(year)-\(String(format2((year + 1) % 100)))" : "\(year)"
        switch kind {
        case .month: return "\(Day.monthName(index).prefix(3)) \(year)"
        case .quarter: return "Q\(index) \(fy)"
        case .halfYear: return "H\(index) \(fy)"
        case .year: return fy
        }
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Parses the canonical text of a period.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` quoting the text and listing the forms accepted.
    public init(parsing text: some StringProtocol) throws(DomainError) {
        let value = String(text)
        guard let period = ReportingPeriod.parseCanonical(value) else {
            throw DomainError(
                .invalidInput,
                "period \(DomainError.quote(value)) is not a reporting period; expected a month (2025-04), "
                    + "a calendar quarter, half or year (2025-Q1, 2025-H1, 2025) or a financial one "
                    + "(FY2025-26-Q1, FY2025-26-H1, FY2025-26)"
            )
        }
        self = period
    }

    /// Parses the canonical text of a period, returning `nil` for anything else.
    public init?(_ description: String) {
        guard let period = ReportingPeriod.parseCanonical(description) else { return nil }
        self = period
    }

    private static func parseCanonical(_ text: String) -> ReportingPeriod? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// Parses the canonical text from UTF-8 bytes, without making a `String`.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let period = ReportingPeriod.parse(utf8: bytes) else { return nil }
        self = period
    }

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ReportingPeriod? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        var basis = YearBasis.calendar
        var position = 0
        let year: Int
        if bytes.count >= 2, bytes[0] == 0x46, bytes[1] == 0x59 {  // "FY"
            basis = .financial
            guard let start = number(2..<6), bytes.count >= 9, bytes[6] == 0x2D, let end = number(7..<9),
                end == (start + 1) % 100
            else { return nil }
            year = start
            position = 9
        } else {
            guard let start = number(0..<4) else { return nil }
            year = start
            position = 4
        }
        if position == bytes.count {
            return try? make(.year, basis, year, 1)
        }
        guard bytes[position] == 0x2D, position + 3 == bytes.count else { return nil }
        let marker = bytes[position + 1]
        let last = bytes[position + 2]
        guard last >= 0x30, last <= 0x39 else { return nil }
        let digit = Int(last - 0x30)
        switch marker {
        case 0x51: return try? make(.quarter, basis, year, digit)  // "Q"
        case 0x48: return try? make(.halfYear, basis, year, digit)  // "H"
        default:
            guard basis == .calendar, marker >= 0x30, marker <= 0x39 else { return nil }
            return try? make(.month, .calendar, year, Int(marker - 0x30) * 10 + digit)
        }
    }

    /// A compact integer that orders and identifies the period, for stores' own columns.
    ///
    /// The code is part of stored formats (the SQLite and PostgreSQL stores keep it): it never
    /// changes between releases. Within one kind and basis, codes order as periods do.
    public var code: Int64 {
        let kindCode: Int64 =
            switch kind {
            case .month: 0
            case .quarter: 1
            case .halfYear: 2
            case .year: 3
            }
        return ((Int64(year) * 16 + Int64(index)) * 4 + kindCode) * 2 + (basis == .financial ? 1 : 0)
    }

    /// Rebuilds a period from ``code``, or returns `nil` for a number that is no period's code.
    public init?(code: Int64) {
        // A negative number is no period's code (and its remainders would index out of range).
        guard code >= 0 else { return nil }
        let financial = code % 2 == 1
        let rest = code / 2
        let kindCode = rest % 4
        let yearIndex = rest / 4
        let kinds: [Kind] = [.month, .quarter, .halfYear, .year]
        guard
            let period = try? ReportingPeriod.make(
                kinds[Int(kindCode)],
                financial ? .financial : .calendar,
                Int(yearIndex / 16),
                Int(yearIndex % 16)
            )
        else { return nil }
        self = period
    }
}

extension ReportingPeriod: Codable {
    /// Decodes a period from its canonical text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ReportingPeriod(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the period as its canonical text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
