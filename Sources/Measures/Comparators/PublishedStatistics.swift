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

/// The Department for Education's statistical neighbour model: for each local authority, its ten
/// closest authorities, each with a closeness band.
public struct StatisticalNeighbourModel: Hashable, Sendable {
    /// One authority's neighbours.
    public struct Entry: Hashable, Sendable {
        /// The authority's three-digit code.
        public var code: String
        /// Its name.
        public var name: String
        /// Its neighbours' codes, closest first.
        public var neighbours: [String]
        /// Each neighbour's closeness band, such as `Very close`, trimmed.
        public var closeness: [String]
    }

    /// The entries, by authority code.
    public var entries: [String: Entry]

    /// Reads the model as published: `old_la_code`, `la_name`, then `SN_1` … `SN_10` with `SN_1P` … bands.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the file, line and column.
    public init(data: Data, source: String) throws {
        var reader = try CSVReader(data: data, source: source)
        let code = try reader.requireColumn("old_la_code")
        let name = try reader.requireColumn("la_name")
        var neighbourColumns: [(Int, Int?)] = []
        var number = 1
        while let column = reader.column("SN_\(number)") {
            neighbourColumns.append((column, reader.column("SN_\(number)P")))
            number += 1
        }
        guard !neighbourColumns.isEmpty else {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header has no column \"SN_1\"; expected SN_1 … SN_10 neighbour columns"
            )
        }
        // The model's codes are the three-digit local authority numbers of the published statistics;
        // a name or an ONS code in their place would match nothing, silently.
        func isCode(_ text: String) -> Bool {
            text.count == 3 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
        }
        var entries: [String: Entry] = [:]
        while try reader.next() {
            let authority = reader.field(code)
            guard isCode(authority) else {
                throw reader.problem(code, "is not a local authority code; expected three digits such as 878")
            }
            var neighbours: [String] = []
            var closeness: [String] = []
            for (column, band) in neighbourColumns where !reader.isEmpty(column) {
                guard isCode(reader.field(column)) else {
                    throw reader.problem(column, "is not a local authority code; expected three digits such as 878")
                }
                neighbours.append(reader.field(column))
                closeness.append(band.map { reader.field($0).trimmingCharacters(in: .whitespaces) } ?? "")
            }
            if entries[authority] != nil {
                throw DomainError(.invalidInput, "\(source):\(reader.line): authority \(authority) appears twice")
            }
            entries[authority] = Entry(
                code: authority,
                name: reader.field(name),
                neighbours: neighbours,
                closeness: closeness
            )
        }
        self.entries = entries
    }
}

/// A local authority's value beside its statistical neighbours, England and its region, for one year.
public struct ComparatorRow: Hashable, Sendable {
    /// The time period.
    public var timePeriod: String
    /// The authority's code.
    public var code: String
    /// The authority's name.
    public var name: String
    /// Its published value.
    public var value: PublishedValue
    /// The median of its neighbours' published values, suppressed ones left out.
    public var neighbourMedian: PublishedNumber?
    /// How many neighbours had a value.
    public var neighbourCount: Int
    /// England's value.
    public var national: PublishedValue?
    /// The region's value.
    public var regional: PublishedValue?
    /// Its rank among authorities with a value that year, 1 being the lowest value.
    public var rank: Int?
    /// Its quartile among them, 1 being the lowest quarter: the rank's place between the lowest (0)
    /// and the highest (1) value, cut into four equal bands.
    public var quartile: Int?
}

/// Puts each local authority beside its statistical neighbours, England and its region.
public enum Comparators: Sendable {
    /// Compares every authority in the statistics, year by year.
    ///
    /// - Parameters:
    ///   - statistics: The indicator.
    ///   - model: The statistical neighbour model.
    ///   - decimals: The precision to round medians to; by default the indicator's published precision.
    /// - Returns: One row per authority and year, ordered by year and authority code.
    public static func compare(
        _ statistics: PublishedStatistics,
        neighbours model: StatisticalNeighbourModel,
        decimals: Int? = nil
    ) -> [ComparatorRow] {
        let places = decimals ?? statistics.publishedDecimals
        let byYear = Dictionary(grouping: statistics.rows, by: \.timePeriod)
        var result: [ComparatorRow] = []
        for year in byYear.keys.sorted() {
            let rows = byYear[year]!
            let authorities = rows.filter { $0.level == .localAuthority }
            let valueByCode = Dictionary(
                authorities.map { ($0.localAuthorityCode, $0.value) },
                uniquingKeysWith: { first, _ in first }
            )
            let national = rows.first { $0.level == .national }?.value
            let regions = Dictionary(
                rows.filter { $0.level == .regional }.map { ($0.regionCode, $0.value) },
                uniquingKeysWith: { first, _ in first }
            )
            let ranked = authorities.compactMap { row in row.value.number.map { (row.localAuthorityCode, $0) } }
                .sorted { $0.1 < $1.1 }
            var rankByCode: [String: Int] = [:]
            for (index, entry) in ranked.enumerated() {
                // Equal values share the lowest rank.
                if index > 0, ranked[index - 1].1 == entry.1 {
                    rankByCode[entry.0] = rankByCode[ranked[index - 1].0]
                } else {
                    rankByCode[entry.0] = index + 1
                }
            }
            for row in authorities.sorted(by: { $0.localAuthorityCode < $1.localAuthorityCode }) {
                let neighbourValues = (model.entries[row.localAuthorityCode]?.neighbours ?? []).compactMap {
                    valueByCode[$0]?.number
                }
                let rank = rankByCode[row.localAuthorityCode]
                // The rank's place between the lowest (0) and the highest (1), in four equal bands.
                let quartile = rank.map { ranked.count < 2 ? 1 : min(4, (4 * ($0 - 1)) / (ranked.count - 1) + 1) }
                result.append(
                    ComparatorRow(
                        timePeriod: year,
                        code: row.localAuthorityCode,
                        name: row.localAuthorityName,
                        value: row.value,
                        neighbourMedian: PublishedNumber.median(neighbourValues, places: places),
                        neighbourCount: neighbourValues.count,
                        national: national,
                        regional: regions[row.regionCode],
                        rank: rank,
                        quartile: quartile
                    )
                )
            }
        }
        return result
    }
}
