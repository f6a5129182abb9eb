import Domain
import Foundation
import Measures

/// `qaf compare`: each local authority beside its statistical neighbours, England and its region.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "compare local authorities with their statistical neighbours (DfE data)"
    static let help = """
        usage: qaf compare --data EES.csv --indicator COLUMN --neighbours SN.csv [options]

        Reads an indicator from an Explore Education Statistics CSV file and the Department for Education's
        statistical neighbour model, and writes for each local authority and year its value, the median of
        its neighbours' published values (suppressed ones left out, rounded half away from zero at the
        published precision), how many neighbours had a value, England, its region, its rank (1 is the
        lowest value) and its quartile (1 is the lowest quarter).

        options:
          --data FILE          the Explore Education Statistics CSV file
          --indicator COLUMN   the indicator column
          --neighbours FILE    the statistical neighbour model (old_la_code, la_name, SN_1 … SN_10)
          --decimals N         round medians to N decimals (default: the indicator's published precision)
          --filter COL=VALUE   select rows of a filter column, where the file breaks rows down (repeatable)
          --format csv|json    output format (default csv)

        example:
          qaf compare --data b1_children_in_need.csv --indicator At31_episodes --neighbours sn_model_2025_wide.csv
        """

    struct Row: Encodable {
        var timePeriod: String
        var oldLACode: String
        var laName: String
        var value: String
        var snMedian: String?
        var snCount: Int
        var national: String?
        var regional: String?
        var rank: Int?
        var quartile: Int?

        enum CodingKeys: String, CodingKey {
            case timePeriod = "time_period"
            case oldLACode = "old_la_code"
            case laName = "la_name"
            case value
            case snMedian = "sn_median"
            case snCount = "sn_count"
            case national
            case regional
            case rank
            case quartile
        }
    }

    static func run(_ arguments: inout Arguments) async throws {
        let dataPath = try arguments.required("data")
        let indicator = try arguments.required("indicator")
        let neighboursPath = try arguments.required("neighbours")
        let decimals = try arguments.integer("decimals", in: 0...10)
        let format = try arguments.choice("format", ["csv", "json"], default: "csv")
        let filters = try arguments.pairs("filter")
        _ = try arguments.positional([])
        try arguments.finish()
        let statistics = try PublishedStatistics(
            data: try readInput(dataPath),
            source: dataPath,
            indicator: indicator,
            filters: filters
        )
        let model = try StatisticalNeighbourModel(data: try readInput(neighboursPath), source: neighboursPath)
        let rows = Comparators.compare(statistics, neighbours: model, decimals: decimals).map {
            Row(
                timePeriod: $0.timePeriod,
                oldLACode: $0.code,
                laName: $0.name,
                value: $0.value.description,
                snMedian: $0.neighbourMedian?.description,
                snCount: $0.neighbourCount,
                national: $0.national?.description,
                regional: $0.regional?.description,
                rank: $0.rank,
                quartile: $0.quartile
            )
        }
        if format == "json" {
            output(try json(rows))
            return
        }
        var text = "time_period,old_la_code,la_name,value,sn_median,sn_count,national,regional,rank,quartile\n"
        for row in rows {
            text +=
                [
                    csvField(row.timePeriod), csvField(row.oldLACode), csvField(row.laName), row.value,
                    row.snMedian ?? "",
                    String(row.snCount), row.national ?? "", row.regional ?? "", row.rank.map(String.init) ?? "",
                    row.quartile.map(String.init) ?? "",
                ].joined(separator: ",") + "\n"
        }
        output(text)
    }
}
