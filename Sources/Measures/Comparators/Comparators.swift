import Domain
import Foundation

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
            let valueByCode = authorities.keyed(by: \.localAuthorityCode, value: \.value)
            let national = rows.first { $0.level == .national }?.value
            let regions = rows.filter { $0.level == .regional }.keyed(by: \.regionCode, value: \.value)
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
