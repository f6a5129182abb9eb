import Domain
public import Foundation

/// The SPC series file: series in a CSV file in, each point's chart out as CSV or JSON.
///
/// The input has the header `series,period,value` and optionally `rebase` (1 where a new phase
/// starts), each series' rows together in period order; an empty value is a gap. The output names
/// each point's mean, limits, near limits, whether it is special cause, its point type and the
/// rule that labelled it, as `qaf spc` writes it.
///
/// ```swift
/// let series = try SPCSeriesFile.read(data, source: "waits.csv")
/// let csv = SPCSeriesFile.csv(series, engine: try SPCEngine(options: .reference))
/// ```
public enum SPCSeriesFile: Sendable {
    /// The header of the CSV output.
    public static let csvHeader = "series,period,value,mean,lpl,upl,nlpl,nupl,special_cause,point_type,rule\n"

    /// Reads series from a CSV file.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file's name, for messages.
    /// - Returns: The series, in the order they appear.
    /// - Throws: `DomainError.Code.invalidInput` naming the file, line and column of a bad header,
    ///   an empty name or period, a value that is not a number, a rebase flag that is not 0 or 1, or
    ///   a series whose rows are not together.
    public static func read(_ data: Data, source: String) throws -> [SPCSeries] {
        var reader = try CSVReader(data: data, source: source)
        let seriesColumn = try reader.requireColumn("series")
        let periodColumn = try reader.requireColumn("period")
        let valueColumn = try reader.requireColumn("value")
        let rebaseColumn = reader.column("rebase")
        if let extra = reader.header.first(where: { !["series", "period", "value", "rebase"].contains($0) }) {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header has an unknown column \(DomainError.quote(extra)); "
                    + "expected series, period, value and optionally rebase"
            )
        }
        var result: [SPCSeries] = []
        var finished = Set<String>()
        // The current series is filled in place and added when the next begins.
        var current: SPCSeries?
        while try reader.next() {
            // A series' rows come together: its name is made into a string only where it changes.
            if current == nil || !reader.field(seriesColumn, equals: current!.name) {
                let name = reader.field(seriesColumn)
                guard !name.isEmpty else { throw reader.problem(seriesColumn, "is empty; expected the series' name") }
                if let done = current {
                    finished.insert(done.name)
                    result.append(done)
                }
                guard !finished.contains(name) else {
                    throw reader.problem(
                        seriesColumn,
                        "appears again after other series; keep each series' rows together in period order"
                    )
                }
                current = SPCSeries(name: name)
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
            current!.periods.append(period)
            current!.values.append(value)
            current!.rebase.append(rebase)
        }
        if let done = current { result.append(done) }
        return result
    }

    /// Every point of every series with its chart, as CSV with ``csvHeader``.
    public static func csv(_ series: [SPCSeries], engine: SPCEngine) -> String {
        String(decoding: csvData(series, engine: engine), as: UTF8.self)
    }

    /// The CSV output as bytes, for writing straight to a file or a pipe.
    public static func csvData(_ series: [SPCSeries], engine: SPCEngine) -> Data {
        var writer = SPCSeriesWriter(capacity: estimatedSize(series, perPoint: 120))
        writer.csv(series, engine: engine)
        return Data(writer.bytes)
    }

    /// Writes the CSV output to a file handle as it is made, a megabyte at a time.
    ///
    /// - Throws: the file handle's error when it cannot be written.
    public static func writeCSV(_ series: [SPCSeries], engine: SPCEngine, to handle: FileHandle) throws {
        try streaming(to: handle) { $0.csv(series, engine: engine) }
    }

    /// Writes the JSON output to a file handle as it is made, a megabyte at a time.
    ///
    /// - Throws: the file handle's error when it cannot be written.
    public static func writeJSON(_ series: [SPCSeries], engine: SPCEngine, to handle: FileHandle) throws {
        guard !series.isEmpty else { return try handle.write(contentsOf: jsonData(series, engine: engine)) }
        try streaming(to: handle) { $0.json(series, engine: engine) }
    }

    /// Runs a writer whose bytes go to a file handle as they pass a megabyte; the first error stops
    /// the writing and is thrown.
    private static func streaming(to handle: FileHandle, _ write: (inout SPCSeriesWriter) -> Void) throws {
        var failure: (any Error)?
        var writer = SPCSeriesWriter(capacity: 0) { bytes in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
        }
        write(&writer)
        if let failure { throw failure }
    }

    /// Every series with its points and phases, as JSON with sorted keys.
    public static func json(_ series: [SPCSeries], engine: SPCEngine) -> String {
        String(decoding: jsonData(series, engine: engine), as: UTF8.self)
    }

    /// The JSON output as bytes: what Foundation's `JSONEncoder` writes (sorted keys, pretty printed,
    /// slashes unescaped), written directly.
    public static func jsonData(_ series: [SPCSeries], engine: SPCEngine) -> Data {
        guard !series.isEmpty else { return Data(jsonUsingFoundation(series, engine: engine).utf8) }
        var writer = SPCSeriesWriter(capacity: estimatedSize(series, perPoint: 180))
        writer.json(series, engine: engine)
        return Data(writer.bytes)
    }

    private static func estimatedSize(_ series: [SPCSeries], perPoint: Int) -> Int {
        series.reduce(0) { $0 + $1.values.count } * perPoint + 4096
    }

    /// The JSON output through Foundation's `JSONEncoder`: the reference ``jsonData(_:engine:)`` is
    /// held to byte for byte in the tests, and the form for no series at all.
    package static func jsonUsingFoundation(_ series: [SPCSeries], engine: SPCEngine) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let charts = series.map { JSONSeries($0, engine.analyse($0.values, rebase: $0.rebase)) }
        // Every field is a string, a number, a Boolean or a nested value of them: encoding cannot fail.
        let data = (try? encoder.encode(charts)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct JSONSeries: Encodable {
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

        init(_ input: SPCSeries, _ chart: SPCResult) {
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
