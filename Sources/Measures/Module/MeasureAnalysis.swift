public import Domain

/// Every series of the partnership analysed once for a day: what the Measures module's signals,
/// rules and report sections read, for a host's rule to read too.
///
/// Each series has its SPC chart, its scorecard row, and how long its latest concern and red
/// rating have stood.
///
/// ```swift
/// let analysis = try await MeasureAnalysis.load(view, module: MeasuresModule(), on: day)
/// let concerns = analysis.entries.filter { $0.concernRun.count >= 3 }
/// ```
public struct MeasureAnalysis: Sendable {
    /// The fewest observed points a report charts with process limits: below it, a series is drawn
    /// as a run chart.
    ///
    /// Fact: below 12 points the limits are trial limits, revised with each new point, and the
    /// reference implementation warns; from 12 they are locked. Source: NHSRplotthedots,
    /// `vignettes/number-of-points-required.Rmd` (Making Data Count).
    public static let minimumPointsForLimits = 12

    /// One series analysed.
    public struct Entry: Sendable {
        /// The measure's definition.
        public var definition: MeasureDefinition
        /// The series, its periods ended by the day.
        public var series: ObservationSeries
        /// Its SPC chart.
        public var chart: SPCResult
        /// Its scorecard row.
        public var row: ScorecardRow
        /// Trailing observed points of special-cause concern, oldest first.
        public var concernRun: [SeriesPoint]
        /// Trailing observed periods rated red against the target, oldest first.
        public var redRun: [ReportingPeriod]
        /// The latest observed point's rule, if special.
        public var latestRule: SpecialCauseRule?
        /// The latest observed point's type.
        public var latestType: PointType
    }

    /// The catalogue the series were analysed against.
    public var catalogue: MeasureCatalogue
    /// Every series with a definition and a period ended by the day.
    public var entries: [Entry]
    /// The day of the analysis.
    public var day: Day
    /// Locality and agency names by `locality:<id>` and `agency:<id>`, for titles.
    public var names: [String: String]

    static func chart(
        _ definition: MeasureDefinition,
        _ series: ObservationSeries,
        rebases: Set<ReportingPeriod>,
        base: SPCOptions
    ) throws -> SPCResult {
        var options = base
        options.improvement = definition.polarity.improvement
        options.target = series.points.last.flatMap { definition.target(for: $0.period) }
        return try SPCEngine(options: options).analyse(series, rebaseAt: rebases)
    }

    /// Every series a view sees, analysed for a day with a module's catalogue and SPC options, once
    /// per view and day.
    public static func load(_ view: AssuranceView, module: MeasuresModule, on day: Day) async throws -> MeasureAnalysis
    {
        try await view.memoized("measures.analysis|\(day)") {
            let stored = try await view.all(MeasureDefinition.self)
            let catalogue = stored.isEmpty ? module.catalogue : try MeasureCatalogue(stored)
            let definitions = catalogue.byID
            let rebases = Dictionary(grouping: try await view.all(SeriesRebase.self)) {
                SeriesKey($0.measure, $0.scope)
            }
            var entries: [Entry] = []
            for series in try await view.observationSeries() {
                guard let definition = definitions[series.measure] else { continue }
                // Only periods that have ended by the day count.
                let ended = series.points.filter { $0.period.lastDay < day }
                guard !ended.isEmpty else { continue }
                let held = ObservationSeries(measure: series.measure, scope: series.scope, points: ended)
                let rebaseAt = Set((rebases[series.key] ?? []).map(\.period))
                let chart = try chart(definition, held, rebases: rebaseAt, base: module.spc)
                let row = Scorecard.row(definition, held, on: day)
                var concern: [SeriesPoint] = []
                for (index, point) in chart.points.enumerated().reversed() where point.value != nil {
                    guard point.pointType == .concern else { break }
                    concern.insert(held.points[index], at: 0)
                }
                var red: [ReportingPeriod] = []
                for point in held.points.reversed() where point.value != nil {
                    guard let value = point.value, let target = definition.target(for: point.period),
                        Scorecard.rag(
                            value: value,
                            target: target,
                            polarity: definition.polarity,
                            tolerance: definition.tolerance
                        ) == .red
                    else { break }
                    red.insert(point.period, at: 0)
                }
                let latest = chart.lastObserved
                entries.append(
                    Entry(
                        definition: definition,
                        series: held,
                        chart: chart,
                        row: row,
                        concernRun: concern,
                        redRun: red,
                        latestRule: latest?.rule,
                        latestType: latest?.pointType ?? .commonCause
                    )
                )
            }
            var names: [String: String] = [:]
            for locality in try await view.all(Locality.self) { names["locality:\(locality.id)"] = locality.name }
            for agency in try await view.all(Agency.self) { names["agency:\(agency.id)"] = agency.name }
            return MeasureAnalysis(catalogue: catalogue, entries: entries, day: day, names: names)
        }
    }

    /// The name of an entry's series for people, with its locality's or agency's name.
    func title(_ entry: Entry) -> String {
        Self.title(entry.definition, entry.series.scope, names: names)
    }

    /// The name of a series for people: the measure, and the scope when it is not the partnership.
    static func title(_ definition: MeasureDefinition, _ scope: SeriesScope, names: [String: String] = [:]) -> String {
        switch scope {
        case .partnership: definition.name
        case .locality(let id): "\(definition.name) — \(names["locality:\(id)"] ?? id.rawValue)"
        case .agency(let id): "\(definition.name) — \(names["agency:\(id)"] ?? id.rawValue)"
        }
    }

    /// A value with its unit, such as `38.5%` or `1,204`.
    static func format(_ value: Double, _ unit: MeasureUnit) -> String {
        NumberText.shortest((value * 10).rounded() / 10) + unit.suffix
    }
}
