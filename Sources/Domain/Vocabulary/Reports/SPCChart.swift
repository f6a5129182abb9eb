/// A statistical process control chart in the Making Data Count style.
public struct SPCChart: Hashable, Sendable {
    /// One point of the chart.
    public struct Point: Hashable, Sendable {
        /// The period label on the x axis.
        public var label: String
        /// The value; absent for a gap.
        public var value: Double?
        /// The centre line.
        public var mean: Double?
        /// The lower process limit.
        public var lowerLimit: Double?
        /// The upper process limit.
        public var upperLimit: Double?
        /// The lower near-limit line (two sigma).
        public var lowerNearLimit: Double?
        /// The upper near-limit line (two sigma).
        public var upperNearLimit: Double?
        /// How the point varies.
        public var pointType: SPCPointType
        /// The phase (rebase group) the point belongs to, from 0.
        public var phase: Int
        /// Whether the value was withheld from the report's audience (a small count in a public
        /// report), rather than missing from the data.
        public var isSuppressed: Bool

        /// Creates a point.
        public init(
            label: String,
            value: Double?,
            mean: Double?,
            lowerLimit: Double?,
            upperLimit: Double?,
            lowerNearLimit: Double?,
            upperNearLimit: Double?,
            pointType: SPCPointType,
            phase: Int,
            isSuppressed: Bool = false
        ) {
            self.label = label
            self.value = value
            self.mean = mean
            self.lowerLimit = lowerLimit
            self.upperLimit = upperLimit
            self.lowerNearLimit = lowerNearLimit
            self.upperNearLimit = upperNearLimit
            self.pointType = pointType
            self.phase = phase
            self.isSuppressed = isSuppressed
        }
    }

    /// The chart's title.
    public var title: String
    /// The unit of the values, such as `%` or `contacts`.
    public var unit: String
    /// The direction of improvement.
    public var improvement: ImprovementDirection
    /// The points, in period order.
    public var points: [Point]
    /// The target, if there is one.
    public var target: Double?
    /// The variation icon: the last point's type, high or low.
    public var variationIcon: SPCVariationIcon?
    /// The assurance icon: whether the process will meet its target.
    public var assuranceIcon: SPCAssuranceIcon?
    /// Whether the latest phase has fewer than 13 points, so its limits are trial limits.
    public var trialLimits: Bool
    /// Whether the values are counts, which public reports suppress from 1 to 5.
    public var valuesAreCounts: Bool
    /// Whether the chart is a run chart: too few points for process limits, so it shows the values
    /// and their centre line only, with no limits, special-cause flags or icons.
    public var isRunChart: Bool

    /// Creates a chart.
    public init(
        title: String,
        unit: String,
        improvement: ImprovementDirection,
        points: [Point],
        target: Double? = nil,
        variationIcon: SPCVariationIcon? = nil,
        assuranceIcon: SPCAssuranceIcon? = nil,
        trialLimits: Bool = false,
        valuesAreCounts: Bool = false,
        isRunChart: Bool = false
    ) {
        self.title = title
        self.unit = unit
        self.improvement = improvement
        self.points = points
        self.target = target
        self.variationIcon = variationIcon
        self.assuranceIcon = assuranceIcon
        self.trialLimits = trialLimits
        self.valuesAreCounts = valuesAreCounts
        self.isRunChart = isRunChart
    }

    /// The latest period's point, whether it has a value, is suppressed or has none: a chart's
    /// latest is its latest period, never the last period that happens to have a value.
    public var latest: Point? { points.last }

    /// A value as the chart's readers see it: a count as a whole number, anything else to one
    /// decimal, with its unit (`%` joined to the number, any other unit after a space).
    public func text(_ value: Double) -> String {
        let number = valuesAreCounts ? NumberText.fixed(value, decimals: 0) : NumberText.fixed(value, decimals: 1)
        switch unit {
        case "": return number
        case "%": return number + "%"
        default: return number + " " + unit
        }
    }

    /// The latest period's value as text, such as `27.1% (Mar 2026)`, `c (Mar 2026)` for a
    /// suppressed value, or `no value (Mar 2026)`; `no data` for a chart with no points.
    public var latestText: String {
        guard let latest else { return "no data" }
        if let value = latest.value { return "\(text(value)) (\(latest.label))" }
        return latest.isSuppressed ? "c (\(latest.label))" : "no value (\(latest.label))"
    }
}
