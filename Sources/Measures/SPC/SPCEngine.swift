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
    /// - Throws: `DomainError.Code.invalidInput` when the options are out of range.
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
        return analyse(count: values.count, phaseStarts: starts) { values[$0] }
    }

    /// Analyses an observation series; a phase starts at each of `rebaseAt` that is in the series.
    public func analyse(_ series: ObservationSeries, rebaseAt: Set<ReportingPeriod> = []) -> SPCResult {
        var starts: [Int] = [0]
        if !rebaseAt.isEmpty {
            for (index, point) in series.points.enumerated() where index > 0 && rebaseAt.contains(point.period) {
                starts.append(index)
            }
        }
        let points = series.points
        return analyse(count: points.count, phaseStarts: starts) { points[$0].value }
    }

    private func analyse(count: Int, phaseStarts: [Int], value: (Int) -> Double?) -> SPCResult {
        var points: [SPCPoint] = []
        points.reserveCapacity(count)
        var phases: [SPCPhase] = []
        phases.reserveCapacity(phaseStarts.count)
        // One scratch allocation for the whole series (on the stack when small).
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, count)) { x in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, count)) { rows in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, count * 3)) { flags in
                    for (phaseIndex, start) in phaseStarts.enumerated() {
                        let end = phaseIndex + 1 < phaseStarts.count ? phaseStarts[phaseIndex + 1] : count
                        var n = 0
                        for row in start..<end {
                            if let observed = value(row) {
                                x[n] = observed
                                rows[n] = Int32(row)
                                n += 1
                            }
                        }
                        let phase = analysePhase(
                            x: UnsafeMutableBufferPointer(rebasing: x[0..<n]),
                            rows: rows,
                            flags: flags,
                            start: start,
                            end: end,
                            phaseIndex: phaseIndex,
                            into: &points
                        )
                        phases.append(phase)
                    }
                }
            }
        }
        return SPCResult(points: points, phases: phases)
    }

    // Flag bits of a point in the scratch buffer.
    private static let above: UInt8 = 1
    private static let below: UInt8 = 2
    private static let close: UInt8 = 4
    private static let outside: UInt8 = 8
    private static let trend: UInt8 = 16
    private static let shift: UInt8 = 32
    private static let pair: UInt8 = 64

    /// One phase, in a few O(n) passes over a scratch buffer.
    ///
    /// The passes compute exactly what the
    /// reference's helpers compose (``MakingDataCountRules``); a property test holds them equal.
    private func analysePhase(
        x: UnsafeMutableBufferPointer<Double>,
        rows: UnsafeMutableBufferPointer<Int32>,
        flags: UnsafeMutableBufferPointer<UInt8>,
        start: Int,
        end: Int,
        phaseIndex: Int,
        into points: inout [SPCPoint]
    ) -> SPCPhase {
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

        // Side of the mean and zone.
        for i in 0..<n {
            let value = x[i]
            var bits: UInt8 = value > mean ? Self.above : (value < mean ? Self.below : 0)
            if hasLimits {
                if value > upper || value < lower {
                    bits |= Self.outside
                } else if value < nearLower || value > nearUpper {
                    bits |= Self.close
                }
            }
            flags[i] = bits
        }
        let sideMask = Self.above | Self.below

        // Shift: maximal runs of one non-zero side at least shiftLength long.
        if n > 0 {
            var runStart = 0
            for i in 1...n where i == n || flags[i] & sideMask != flags[runStart] & sideMask {
                if flags[runStart] & sideMask != 0, i - runStart >= options.shiftLength {
                    for j in runStart..<i { flags[j] |= Self.shift }
                }
                runStart = i
            }
        }

        // Trend: maximal runs of equal non-zero steps covering at least trendLength points.
        if n >= 2 {
            var stepStart = 1
            var stepSign = sign(x[1] - x[0])
            for i in 2...n {
                let next: Int8 = i < n ? sign(x[i] - x[i - 1]) : 0
                if i == n || next != stepSign || next == 0 {
                    if stepSign != 0, i - stepStart + 1 >= options.trendLength {
                        for j in (stepStart - 1)..<i { flags[j] |= Self.trend }
                    }
                    stepStart = i
                    stepSign = next
                }
            }
        }

        // Two in three: windows of three on one side with at least two counted points.
        let counted: UInt8 = options.twoInThree == .mdc2023 ? (Self.close | Self.outside) : Self.close
        if n >= 3 {
            for first in 0...(n - 3) {
                let side = flags[first] & sideMask
                guard side != 0, flags[first + 1] & sideMask == side, flags[first + 2] & sideMask == side else {
                    continue
                }
                var beyond = 0
                for j in first..<(first + 3) where flags[j] & counted != 0 { beyond += 1 }
                if beyond >= 2 {
                    for j in first..<(first + 3) where flags[j] & counted != 0 { flags[j] |= Self.pair }
                }
            }
        }

        // Label by precedence and emit the rows, gaps included.
        let direction = options.improvement.sign
        var lastType = PointType.commonCause
        var lastRule: SpecialCauseRule?
        var cursor = 0
        for row in start..<end {
            guard cursor < n, Int(rows[cursor]) == row else {
                points.append(SPCPoint(value: nil, phase: phaseIndex, pointType: .commonCause, rule: nil))
                continue
            }
            let i = cursor
            cursor += 1
            let bits = flags[i]
            let isAbove = bits & Self.above != 0
            var rule: SpecialCauseRule?
            if bits & Self.outside != 0 {
                rule = isAbove ? .aboveUpperLimit : .belowLowerLimit
            } else if bits & Self.trend != 0 {
                let step =
                    (i + 1 < n && flags[i + 1] & Self.trend != 0) ? x[i + 1] - x[i] : (i > 0 ? x[i] - x[i - 1] : 0)
                rule = .trend(increasing: step > 0, length: options.trendLength)
            } else if bits & Self.pair != 0 {
                rule = .twoInThree(above: isAbove)
            } else if bits & Self.shift != 0 {
                rule = .shift(above: isAbove, length: options.shiftLength)
            }
            let type = Self.pointType(rule, direction: direction)
            points.append(SPCPoint(value: x[i], phase: phaseIndex, pointType: type, rule: rule))
            lastType = type
            lastRule = rule
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

    private func sign(_ difference: Double) -> Int8 { difference > 0 ? 1 : (difference < 0 ? -1 : 0) }

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
