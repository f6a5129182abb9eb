public import Domain

/// Which way a measure has been moving.
public enum TrendDirection: String, Hashable, Sendable, Codable {
    /// Up.
    case up
    /// Down.
    case down
    /// Unchanged.
    case flat
}

/// One row of a results-based accountability scorecard: Clear Impact's columns for one measure and scope.
public struct ScorecardRow: Hashable, Sendable {
    /// The measure.
    public var measure: MeasureDefinition
    /// The scope of the series.
    public var scope: SeriesScope
    /// The latest period with a value.
    public var current: SeriesPoint?
    /// The period before it, if it has a value.
    public var prior: SeriesPoint?
    /// The target for the current period.
    public var target: Double?
    /// The current value minus the target.
    public var varianceFromTarget: Double?
    /// The target for the next period.
    public var nextTarget: Double?
    /// The first value of the series, the baseline.
    public var baseline: SeriesPoint?
    /// The change from the baseline, as a percentage of it.
    public var baselinePercentChange: Double?
    /// The direction of the current trend.
    public var trend: TrendDirection
    /// The number of periods the current trend has run.
    public var trendPeriods: Int
    /// The judgement against the target's tolerance band.
    public var rag: RAG?
    /// The latest period whose data is due.
    public var expectedPeriod: ReportingPeriod
    /// Whether the latest period due is in.
    public var isFresh: Bool
}

/// A results-based accountability scorecard: for each measure and scope, the current and prior
/// actuals, the target and the variance from it, the next target, the change from the baseline, the
/// current trend and how long it has run, the RAG rating against the tolerance band, and whether the
/// data is up to date.
public struct Scorecard: Hashable, Sendable {
    /// The rows, in catalogue order, then scope order.
    public var rows: [ScorecardRow]
    /// The day the scorecard was made for.
    public var day: Day

    /// Builds a scorecard from definitions and their series.
    public init(catalogue: MeasureCatalogue, series: [ObservationSeries], on day: Day) {
        let byMeasure = Dictionary(grouping: series, by: \.measure)
        var rows: [ScorecardRow] = []
        for definition in catalogue.definitions {
            for held in (byMeasure[definition.id] ?? []).sorted(by: { $0.scope < $1.scope }) {
                rows.append(Self.row(definition, held, on: day))
            }
        }
        self.rows = rows
        self.day = day
    }

    /// The RAG rating of a value against a target with a tolerance band (Clear Impact's method).
    ///
    /// Higher is better: green at or above the target, amber within the tolerance below it, red below
    /// that. Lower is better: the reverse. A measure with no better direction has no rating.
    public static func rag(value: Double, target: Double, polarity: Polarity, tolerance: Double) -> RAG? {
        let band = abs(target) * tolerance
        switch polarity {
        case .higherIsBetter:
            if value >= target { return .green }
            return value >= target - band ? .amber : .red
        case .lowerIsBetter:
            if value <= target { return .green }
            return value <= target + band ? .amber : .red
        case .neither:
            return nil
        }
    }

    static func row(_ definition: MeasureDefinition, _ series: ObservationSeries, on day: Day) -> ScorecardRow {
        let observed = series.points.filter { $0.value != nil && $0.period.lastDay < day }
        let current = observed.last
        let prior = current.flatMap { current in observed.last { $0.period == current.period.previous } }
        let target = current.flatMap { definition.target(for: $0.period) }
        let variance = both(current?.value, target).map { $0 - $1 }
        let nextTarget = current.flatMap { definition.target(for: $0.period.next) }
        let baseline = observed.first
        var baselineChange: Double?
        if let start = baseline?.value, let now = current?.value, start != 0, observed.count > 1 {
            baselineChange = (now - start) / abs(start) * 100
        }
        var trend = TrendDirection.flat
        var trendPeriods = 0
        if observed.count >= 2 {
            let values = observed.compactMap(\.value)
            let last = values.count - 1
            let step = values[last] - values[last - 1]
            trend = step > 0 ? .up : (step < 0 ? .down : .flat)
            var index = last
            while index > 0 {
                let difference = values[index] - values[index - 1]
                let direction: TrendDirection = difference > 0 ? .up : (difference < 0 ? .down : .flat)
                guard direction == trend else { break }
                trendPeriods += 1
                index -= 1
            }
        }
        let rating = both(current?.value, target).flatMap {
            rag(value: $0, target: $1, polarity: definition.polarity, tolerance: definition.tolerance)
        }
        let expected = definition.latestDuePeriod(on: day)
        let fresh = current.map { $0.period >= expected } ?? false
        return ScorecardRow(
            measure: definition,
            scope: series.scope,
            current: current,
            prior: prior,
            target: target,
            varianceFromTarget: variance,
            nextTarget: nextTarget,
            baseline: baseline,
            baselinePercentChange: baselineChange,
            trend: trend,
            trendPeriods: trendPeriods,
            rag: rating,
            expectedPeriod: expected,
            isFresh: fresh
        )
    }
}

private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
