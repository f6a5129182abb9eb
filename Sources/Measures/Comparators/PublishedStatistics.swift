import Domain
public import Foundation

/// One indicator of an Explore Education Statistics file, read row by row.
///
/// The format: `time_period`, `time_identifier`, `geographic_level`, `country_code`, `region_code`,
/// `old_la_code`, `new_la_code`, `la_name` (and their names), any filter columns, then one column per
/// indicator. A value is a number or one of the symbols `c`, `x`, `z`, `u`, `low`, kept as what it is.
public struct PublishedStatistics: Hashable, Sendable {
    /// The geographic level of a row.
    public enum Level: String, Hashable, Sendable {
        /// England.
        case national = "National"
        /// A region.
        case regional = "Regional"
        /// A local authority.
        case localAuthority = "Local authority"
    }

    /// One row's geography and value.
    public struct Row: Hashable, Sendable {
        /// The time period, such as `2025`.
        public var timePeriod: String
        /// The geographic level.
        public var level: Level
        /// The region's code (for regional and local authority rows).
        public var regionCode: String
        /// The local authority's three-digit code.
        public var localAuthorityCode: String
        /// The local authority's name.
        public var localAuthorityName: String
        /// The indicator's value.
        public var value: PublishedValue
        /// The line of the file.
        public var line: Int
    }

    /// The indicator read.
    public var indicator: String
    /// The rows of the levels the package compares, in file order.
    public var rows: [Row]
    /// The most decimals any value of the indicator is published with.
    public var publishedDecimals: Int

    /// Reads an indicator from an Explore Education Statistics CSV file.
    ///
    /// - Parameters:
    ///   - data: The file.
    ///   - source: Its name, for errors.
    ///   - indicator: The indicator column.
    ///   - filters: Values to select for filter columns, where the file breaks rows down further.
    /// - Throws: `DomainError.Code.invalidInput` naming the file, line and column.
    public init(data: Data, source: String, indicator: String, filters: [String: String] = [:]) throws {
        var reader = try CSVReader(data: data, source: source)
        let period = try reader.requireColumn("time_period")
        let level = try reader.requireColumn("geographic_level")
        let region = try reader.requireColumn("region_code")
        let code = try reader.requireColumn("old_la_code")
        let name = try reader.requireColumn("la_name")
        let value = try reader.requireColumn(indicator)
        let filterColumns = try filters.keys.sorted().map { (try reader.requireColumn($0), filters[$0]!) }
        var rows: [Row] = []
        var decimals = 0
        var seen: [String: Int] = [:]
        while try reader.next() {
            guard filterColumns.allSatisfy({ reader.field($0.0) == $0.1 }) else { continue }
            guard let rowLevel = Level(rawValue: reader.field(level)) else { continue }
            let text = reader.field(value)
            let parsed: PublishedValue
            if let number = PublishedNumber(text) {
                parsed = .number(number)
                decimals = max(decimals, number.decimals)
            } else if let symbol = StatisticsSymbol(rawValue: text) {
                parsed = .symbol(symbol)
            } else if text.isEmpty {
                parsed = .symbol(.x)
            } else {
                throw reader.problem(value, "is not a published value; expected a number or one of c, x, z, u, low")
            }
            let row = Row(
                timePeriod: reader.field(period),
                level: rowLevel,
                regionCode: reader.field(region),
                localAuthorityCode: reader.field(code),
                localAuthorityName: reader.field(name),
                value: parsed,
                line: reader.line
            )
            let key = "\(row.timePeriod)|\(row.level.rawValue)|\(row.regionCode)|\(row.localAuthorityCode)"
            if let first = seen[key] {
                let place =
                    row.level == .localAuthority
                    ? row.localAuthorityName : row.level == .regional ? row.regionCode : "England"
                throw DomainError(
                    .invalidInput,
                    "\(source):\(reader.line): \(place) in \(row.timePeriod) appears again (first on line \(first)); the "
                        + "file breaks rows down by a filter column: choose one value with a filter such as category=Total"
                )
            }
            seen[key] = reader.line
            rows.append(row)
        }
        self.indicator = indicator
        self.rows = rows
        self.publishedDecimals = decimals
    }
}
