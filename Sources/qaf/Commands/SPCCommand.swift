import Domain
import Foundation
import Measures

/// `qaf spc`: XmR charts and special causes for series in a CSV file.
enum SPCCommand: Command {
    static let name = "spc"
    static let summary = "statistical process control (Making Data Count) for series in a CSV file"
    static let help = """
        usage: qaf spc [options] FILE

        Reads series from a CSV file with the header series,period,value (and optionally rebase: 1 where a
        new phase starts), rows of each series together in period order; an empty value is a gap. Writes
        each point with its mean, limits, near limits, whether it is special cause, its point type and the
        rule that labelled it. The defaults reproduce NHSRplotthedots 0.2.2.

        options:
          --improvement increase|decrease|neutral   which direction is better (default increase)
          --screen-outliers / --no-screen-outliers  screen moving ranges (default on, as the reference)
          --fix-after N                             compute limits from the first N points (N ≥ 12)
          --target X                                the target, for the assurance icon
          --shift-length N                          points in a shift (default 7)
          --trend-length N                          points in a trend (default 7)
          --two-in-three reference|mdc2023          the two-in-three rule (default reference)
          --format csv|json                         output format (default csv)

        example:
          qaf spc --improvement decrease --no-screen-outliers --two-in-three mdc2023 waits.csv
        """

    struct InputSeries {
        var name: String
        var periods: [String] = []
        var values: [Double?] = []
        var rebase: [Bool] = []
    }

    static func run(_ arguments: inout Arguments) async throws {
        let improvement = try arguments.choice("improvement", ["increase", "decrease", "neutral"], default: "increase")
        let screen = arguments.flag("screen-outliers")
        let noScreen = arguments.flag("no-screen-outliers")
        if screen && noScreen {
            throw CLIError.usage("--screen-outliers and --no-screen-outliers contradict each other", command: name)
        }
        var options = SPCOptions(improvement: ImprovementDirection(rawValue: improvement)!, screenOutliers: !noScreen)
        options.fixAfterPoints = try arguments.integer("fix-after", in: 1...1_000_000)
        options.target = try arguments.number("target")
        options.shiftLength = try arguments.integer("shift-length", in: 1...1000) ?? 7
        options.trendLength = try arguments.integer("trend-length", in: 1...1000) ?? 7
        options.twoInThree = TwoInThreeRule(
            rawValue: try arguments.choice("two-in-three", ["reference", "mdc2023"], default: "reference")
        )!
        let format = try arguments.choice("format", ["csv", "json"], default: "csv")
        let file = try arguments.positional(["file"])[0]
        try arguments.finish()
        let engine: SPCEngine
        do {
            engine = try SPCEngine(options: options)
        } catch {
            throw CLIError.usage(error.message, command: name)
        }
        let series = try read(try readInput(file), source: file)
        if format == "csv" {
            var text = "series,period,value,mean,lpl,upl,nlpl,nupl,special_cause,point_type,rule\n"
            for held in series {
                let chart = engine.analyse(held.values, rebase: held.rebase)
                for (index, point) in chart.points.enumerated() {
                    let phase = chart.phase(of: index)
                    text +=
                        [
                            csvField(held.name), csvField(held.periods[index]), shortest(point.value),
                            shortest(phase.mean),
                            shortest(phase.lowerLimit), shortest(phase.upperLimit), shortest(phase.lowerNearLimit),
                            shortest(phase.upperNearLimit), point.isSpecialCause ? "true" : "false",
                            point.pointType.rawValue,
                            csvField(point.rule?.label ?? ""),
                        ].joined(separator: ",") + "\n"
                }
            }
            output(text)
        } else {
            output(try json(series.map { JSONSeries($0, engine.analyse($0.values, rebase: $0.rebase), options) }))
        }
    }

    static func read(_ data: Data, source: String) throws -> [InputSeries] {
        var reader = try CSVReader(data: data, source: source)
        let seriesColumn = try reader.requireColumn("series")
        let periodColumn = try reader.requireColumn("period")
        let valueColumn = try reader.requireColumn("value")
        let rebaseColumn = reader.column("rebase")
        if let extra = reader.header.first(where: { !["series", "period", "value", "rebase"].contains($0) }) {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header has an unknown column \(DomainError.quote(extra)); expected series, period, value and optionally rebase"
            )
        }
        var result: [InputSeries] = []
        var finished = Set<String>()
        while try reader.next() {
            let name = reader.field(seriesColumn)
            guard !name.isEmpty else { throw reader.problem(seriesColumn, "is empty; expected the series' name") }
            if result.last?.name != name {
                if let last = result.last { finished.insert(last.name) }
                guard !finished.contains(name) else {
                    throw reader.problem(
                        seriesColumn,
                        "appears again after other series; keep each series' rows together in period order"
                    )
                }
                result.append(InputSeries(name: name))
            }
            let period = reader.field(periodColumn)
            guard !period.isEmpty else { throw reader.problem(periodColumn, "is empty; expected the period") }
            let value: Double? = reader.isEmpty(valueColumn) ? nil : try reader.number(valueColumn)
            var rebase = false
            if let rebaseColumn, !reader.isEmpty(rebaseColumn) {
                guard reader.field(rebaseColumn, equals: "1") || reader.field(rebaseColumn, equals: "0") else {
                    throw reader.problem(rebaseColumn, "is not 0 or 1")
                }
                rebase = reader.field(rebaseColumn, equals: "1")
            }
            result[result.count - 1].periods.append(period)
            result[result.count - 1].values.append(value)
            result[result.count - 1].rebase.append(rebase)
        }
        return result
    }

    struct JSONSeries: Encodable {
        struct Point: Encodable {
            var period: String
            var value: Double?
            var phase: Int
            var specialCause: Bool
            var pointType: String
            var rule: String?
        }

        struct Phase: Encodable {
            var start: Int
            var points: Int
            var observed: Int
            var mean: Double?
            var lpl: Double?
            var upl: Double?
            var nlpl: Double?
            var nupl: Double?
            var trialLimits: Bool
            var variationIcon: String
            var assurance: String?
        }

        var series: String
        var points: [Point]
        var phases: [Phase]

        init(_ input: InputSeries, _ chart: SPCResult, _ options: SPCOptions) {
            series = input.name
            points = chart.points.enumerated().map { index, point in
                Point(
                    period: input.periods[index],
                    value: point.value,
                    phase: point.phase,
                    specialCause: point.isSpecialCause,
                    pointType: point.pointType.rawValue,
                    rule: point.rule?.label
                )
            }
            phases = chart.phases.map {
                Phase(
                    start: $0.start,
                    points: $0.count,
                    observed: $0.observed,
                    mean: $0.mean,
                    lpl: $0.lowerLimit,
                    upl: $0.upperLimit,
                    nlpl: $0.lowerNearLimit,
                    nupl: $0.upperNearLimit,
                    trialLimits: $0.trialLimits,
                    variationIcon: $0.variation.rawValue,
                    assurance: $0.assurance?.rawValue
                )
            }
        }
    }
}
