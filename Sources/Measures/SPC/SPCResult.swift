public import Domain

/// How a point varies: the reference's point types (Domain's `SPCPointType`).
public typealias PointType = SPCPointType
/// The variation icon of a phase (Domain's `SPCVariationIcon`).
public typealias VariationIcon = SPCVariationIcon
/// The assurance icon of a phase (Domain's `SPCAssuranceIcon`).
public typealias AssuranceIcon = SPCAssuranceIcon

/// The rule that labelled a special-cause point, by the reference's precedence.
public enum SpecialCauseRule: Hashable, Sendable {
    /// Above the upper process limit.
    case aboveUpperLimit
    /// Below the lower process limit.
    case belowLowerLimit
    /// Part of a run of increasing or decreasing points.
    case trend(increasing: Bool, length: Int)
    /// Two of three points beyond the near limits on one side.
    case twoInThree(above: Bool)
    /// Part of a run of points on one side of the mean.
    case shift(above: Bool, length: Int)

    /// The reference's label, such as `Above UCL` or `7 Point Trend (Increasing)`.
    public var label: String {
        switch self {
        case .aboveUpperLimit: "Above UCL"
        case .belowLowerLimit: "Below LCL"
        case .trend(let increasing, let length): "\(length) Point Trend (\(increasing ? "Increasing" : "Decreasing"))"
        case .twoInThree(let above): "2 in 3 \(above ? "Above" : "Below") CL"
        case .shift(let above, let length): "\(length) Points \(above ? "Above" : "Below") CL"
        }
    }

    /// The rule in words a report's reader needs no SPC training to follow, such as `7 points in a
    /// row below the average` or `above the upper process limit` (``label`` is the reference's code).
    public var words: String {
        switch self {
        case .aboveUpperLimit: "above the upper process limit"
        case .belowLowerLimit: "below the lower process limit"
        case .trend(let increasing, let length): "\(length) points in a row \(increasing ? "rising" : "falling")"
        case .twoInThree(let above):
            "2 of 3 points close to the \(above ? "upper" : "lower") process limit"
        case .shift(let above, let length): "\(length) points in a row \(above ? "above" : "below") the average"
        }
    }

    /// Whether the label points up (Above, Increasing).
    public var isHigh: Bool {
        switch self {
        case .aboveUpperLimit: true
        case .belowLowerLimit: false
        case .trend(let increasing, _): increasing
        case .twoInThree(let above), .shift(let above, _): above
        }
    }
}

/// One phase (rebase group) of an XmR chart: its limits and its icons.
public struct SPCPhase: Hashable, Sendable {
    /// The index of the phase's first row.
    public var start: Int
    /// The number of rows in the phase, gaps included.
    public var count: Int
    /// The number of observed points in the phase.
    public var observed: Int
    /// The centre line.
    public var mean: Double?
    /// The average moving range after screening.
    public var averageMovingRange: Double?
    /// The lower process limit.
    public var lowerLimit: Double?
    /// The upper process limit.
    public var upperLimit: Double?
    /// The lower near limit (two sigma).
    public var lowerNearLimit: Double?
    /// The upper near limit (two sigma).
    public var upperNearLimit: Double?
    /// Whether the phase has too few points for locked limits.
    public var trialLimits: Bool
    /// The type of the phase's last observed point, as an icon.
    public var variation: VariationIcon
    /// Whether the target will be met, when there is a target and a direction.
    public var assurance: AssuranceIcon?
}

/// One row of an XmR chart.
///
/// Stored in 24 bytes (a chart of a national set of series holds millions): the value and its presence, the rule
/// as a code and its run length, read back as the optional and the enumeration.
public struct SPCPoint: Hashable, Sendable {
    private var storedValue: Double
    private var storedRuleLength: Int
    private var storedPhase: Int32
    /// The point's type.
    public var pointType: PointType
    private var ruleCode: UInt8
    private var hasValue: Bool

    /// The value; `nil` for a gap.
    public var value: Double? {
        get { hasValue ? storedValue : nil }
        set {
            storedValue = newValue ?? 0
            hasValue = newValue != nil
        }
    }

    /// The index of the point's phase in ``SPCResult/phases``.
    public var phase: Int { Int(storedPhase) }

    /// The rule that labelled it, for a special-cause point.
    public var rule: SpecialCauseRule? {
        get {
            switch ruleCode {
            case 1: .aboveUpperLimit
            case 2: .belowLowerLimit
            case 3, 4: .trend(increasing: ruleCode == 3, length: storedRuleLength)
            case 5, 6: .twoInThree(above: ruleCode == 5)
            case 7, 8: .shift(above: ruleCode == 7, length: storedRuleLength)
            default: nil
            }
        }
        set {
            switch newValue {
            case nil: (ruleCode, storedRuleLength) = (0, 0)
            case .aboveUpperLimit: (ruleCode, storedRuleLength) = (1, 0)
            case .belowLowerLimit: (ruleCode, storedRuleLength) = (2, 0)
            case .trend(let increasing, let length): (ruleCode, storedRuleLength) = (increasing ? 3 : 4, length)
            case .twoInThree(let above): (ruleCode, storedRuleLength) = (above ? 5 : 6, 0)
            case .shift(let above, let length): (ruleCode, storedRuleLength) = (above ? 7 : 8, length)
            }
        }
    }

    /// Creates a point.
    public init(value: Double?, phase: Int, pointType: PointType, rule: SpecialCauseRule?) {
        self.storedValue = value ?? 0
        self.hasValue = value != nil
        self.storedPhase = Int32(phase)
        self.pointType = pointType
        self.ruleCode = 0
        self.storedRuleLength = 0
        self.rule = rule
    }

    /// A labelled point's copy with a value and a phase: the engine's rows, made from a label without decoding it.
    init(_ label: SPCPoint, value: Double, phase: Int32) {
        self = label
        self.storedValue = value
        self.hasValue = true
        self.storedPhase = phase
    }

    /// Whether the point shows special-cause variation.
    public var isSpecialCause: Bool { ruleCode != 0 }
}

/// An XmR chart of a series: each point's type and the rule that labelled it, and each phase's limits and icons.
public struct SPCResult: Hashable, Sendable {
    /// One entry per input row, gaps included.
    public var points: [SPCPoint]
    /// The phases, in order.
    public var phases: [SPCPhase]

    /// The phase of a point.
    public func phase(of index: Int) -> SPCPhase { phases[points[index].phase] }

    /// The latest phase.
    public var latestPhase: SPCPhase? { phases.last }

    /// The variation icon of the latest phase.
    public var variation: VariationIcon { phases.last?.variation ?? .commonCause }

    /// The assurance icon of the latest phase.
    public var assurance: AssuranceIcon? { phases.last?.assurance }

    /// The last observed point, if any.
    public var lastObserved: SPCPoint? { points.last { $0.value != nil } }
}
