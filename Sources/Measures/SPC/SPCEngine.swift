public import Domain

/// Computes XmR charts and reads special causes from them, exactly as the Making Data Count rules
/// are applied by the reference implementation (NHSRplotthedots 0.2.2), with the Excel tool's variants
/// as options.
///
/// ```swift
/// let engine = try SPCEngine(options: SPCOptions(improvement: .decrease))
/// let chart = engine.analyse([12, 14, 11, nil, 13, 30], rebase: [])
/// chart.points[5].rule?.label     // "Above UCL"
/// chart.points[5].pointType       // .concern
/// ```
///
/// ## Limits
/// Each phase (a rebase starts a new one; nothing carries over) takes the mean of its values, or of
/// its first ``SPCOptions/fixAfterPoints`` values, as the centre line; the average moving range of
/// the same values, after dropping moving ranges of 3.267 × the average or more when
/// ``SPCOptions/screenOutliers`` is on; process limits at the mean ± 2.66 × the average moving range
/// and near limits at ± (2/3 × 2.66) ×. The limits apply to every point of the phase.
///
/// ## Rules, by precedence
/// 1. a point beyond a process limit (strictly);
/// 2. a trend: a run of ``SPCOptions/trendLength`` points each higher (or each lower) than the one
///    before; a repeated value breaks it;
/// 3. two of three consecutive points beyond the near limits, all three on the same side of the mean;
/// 4. a shift: a run of ``SPCOptions/shiftLength`` points on the same side of the mean; a point on
///    the mean breaks it.
///
/// ## Gaps
/// A missing value (suppressed, or not collected) is not a zero, and no value is invented for it.
/// The analysis runs on the observed points of each phase in order, as if the gap were not there:
/// the gap takes no part in the limits, its neighbours' moving range spans it, and a run of points
/// neither breaks nor counts at it. The gap's row is returned with no value, as common cause, with
/// its phase's limits. The reference refuses missing values, so this is the package's own choice;
/// it keeps a shift visible across a single suppressed month rather than hiding it.
public struct SPCEngine: Sendable {
    /// The options.
    public let options: SPCOptions

    private static let limit = 2.66
    private static let limitClose = 2 * (2.66 / 3)
    private static let screeningFactor = 3.267

    /// Creates an engine.
    ///
    /// - Throws: ``Domain/DomainError/Code/invalidInput`` when the options are out of range.
    public init(options: SPCOptions = .reference) throws(DomainError) {
        try options.validate()
        self.options = options
    }

    /// Analyses a series of values in order; `rebase[i] == true` starts a new phase at row `i`.
    public func analyse(_ values: [Double?], rebase: [Bool] = []) -> SPCResult {
        var starts: [Int] = [0]
        for (index, flag) in rebase.enumerated() where flag && index > 0 && index < values.count {
            starts.append(index)
        }
        return analyse(values, phaseStarts: starts)
    }

    /// Analyses an observation series; a phase starts at each of `rebaseAt` that is in the series.
    public func analyse(_ series: ObservationSeries, rebaseAt: Set<ReportingPeriod> = []) -> SPCResult {
        var starts: [Int] = [0]
        for (index, point) in series.points.enumerated() where index > 0 && rebaseAt.contains(point.period) {
            starts.append(index)
        }
        return analyse(series.points.map(\.value), phaseStarts: starts)
    }

    private func analyse(_ values: [Double?], phaseStarts: [Int]) -> SPCResult {
        var points: [SPCPoint] = []
        points.reserveCapacity(values.count)
        var phases: [SPCPhase] = []
        for (phaseIndex, start) in phaseStarts.enumerated() {
            let end = phaseIndex + 1 < phaseStarts.count ? phaseStarts[phaseIndex + 1] : values.count
            phases.append(analysePhase(values, start: start, end: end, phaseIndex: phaseIndex, into: &points))
        }
        return SPCResult(points: points, phases: phases)
    }

    private func analysePhase(
        _ values: [Double?],
        start: Int,
        end: Int,
        phaseIndex: Int,
        into points: inout [SPCPoint]
    ) -> SPCPhase {
        var x: [Double] = []
        var rows: [Int] = []
        x.reserveCapacity(end - start)
        rows.reserveCapacity(end - start)
        for row in start..<end {
            if let value = values[row] {
                x.append(value)
                rows.append(row)
            }
        }
        let n = x.count

        // Limits from the fixed window.
        let fixed = min(options.fixAfterPoints ?? n, n)
        var mean = Double.nan
        var averageMovingRange = Double.nan
        if fixed > 0 {
            var sum = 0.0
            for i in 0..<fixed { sum += x[i] }
            mean = sum / Double(fixed)
        }
        if fixed > 1 {
            var sum = 0.0
            for i in 1..<fixed { sum += abs(x[i] - x[i - 1]) }
            averageMovingRange = sum / Double(fixed - 1)
            if options.screenOutliers {
                let cut = Self.screeningFactor * averageMovingRange
                var kept = 0.0
                var count = 0
                for i in 1..<fixed {
                    let range = abs(x[i] - x[i - 1])
                    if range < cut {
                        kept += range
                        count += 1
                    }
                }
                averageMovingRange = count > 0 ? kept / Double(count) : .nan
            }
        }
        let hasLimits = averageMovingRange.isFinite && mean.isFinite
        let lower = mean - Self.limit * averageMovingRange
        let upper = mean + Self.limit * averageMovingRange
        let nearLower = mean - Self.limitClose * averageMovingRange
        let nearUpper = mean + Self.limitClose * averageMovingRange

        var side = [Int8](repeating: 0, count: n)
        var outside = [Bool](repeating: false, count: n)
        var close = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let value = x[i]
            side[i] = value > mean ? 1 : (value < mean ? -1 : 0)
            if hasLimits {
                let beyond = value > upper || value < lower
                outside[i] = beyond
                close[i] = !beyond && (value < nearLower || value > nearUpper)
            }
        }
        let rules = MakingDataCountRules.labels(
            y: x,
            side: side,
            close: close,
            outside: outside,
            shiftLength: options.shiftLength,
            trendLength: options.trendLength,
            twoInThree: options.twoInThree
        )

        let direction = options.improvement.sign
        var lastType = PointType.commonCause
        var lastRule: SpecialCauseRule?
        var cursor = 0
        for row in start..<end {
            guard cursor < n, rows[cursor] == row else {
                points.append(SPCPoint(value: nil, phase: phaseIndex, pointType: .commonCause, rule: nil))
                continue
            }
            let rule = rules[cursor]
            let type = Self.pointType(rule, direction: direction)
            points.append(SPCPoint(value: x[cursor], phase: phaseIndex, pointType: type, rule: rule))
            lastType = type
            lastRule = rule
            cursor += 1
        }

        var assurance: AssuranceIcon?
        if let target = options.target, direction != 0, hasLimits {
            if target > upper {
                assurance = direction > 0 ? .consistentFail : .consistentPass
            } else if target < lower {
                assurance = direction > 0 ? .consistentPass : .consistentFail
            } else {
                assurance = .inconsistent
            }
        }
        return SPCPhase(
            start: start,
            count: end - start,
            observed: n,
            mean: mean.isFinite ? mean : nil,
            averageMovingRange: averageMovingRange.isFinite ? averageMovingRange : nil,
            lowerLimit: hasLimits ? lower : nil,
            upperLimit: hasLimits ? upper : nil,
            lowerNearLimit: hasLimits ? nearLower : nil,
            upperNearLimit: hasLimits ? nearUpper : nil,
            trialLimits: n < options.trialLimitThreshold,
            variation: Self.icon(lastType, lastRule),
            assurance: assurance
        )
    }

    /// `ptd_point_type`: labels that point up are improvements when higher is better, and so on.
    static func pointType(_ rule: SpecialCauseRule?, direction: Int8) -> PointType {
        guard let rule else { return .commonCause }
        let high = rule.isHigh
        if direction == 0 { return high ? .neutralHigh : .neutralLow }
        return (high ? 1 : -1) * direction > 0 ? .improvement : .concern
    }

    private static func icon(_ type: PointType, _ rule: SpecialCauseRule?) -> VariationIcon {
        switch type {
        case .commonCause: .commonCause
        case .neutralHigh: .neutralHigh
        case .neutralLow: .neutralLow
        case .improvement: rule?.isHigh == true ? .improvementHigh : .improvementLow
        case .concern: rule?.isHigh == true ? .concernHigh : .concernLow
        }
    }
}
