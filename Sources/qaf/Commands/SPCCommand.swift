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
        let series = try SPCSeriesFile.read(try readInput(file), source: file)
        if format == "csv" {
            try SPCSeriesFile.writeCSV(series, engine: engine, to: .standardOutput)
        } else {
            try SPCSeriesFile.writeJSON(series, engine: engine, to: .standardOutput)
        }
    }
}
