import Domain

/// Where one series' phases are analysed: scratch storage taken once per series.
struct PhaseBuffers {
    /// A phase's observed values in order, with one padding slot after the last.
    var x: UnsafeMutablePointer<Double>
    /// Each observed value's row in the series.
    var rows: UnsafeMutablePointer<Int32>
    /// For each point, the length so far of its run on one side of the mean (0 on the mean), one padding slot after.
    var sideRuns: UnsafeMutablePointer<Int32>
    /// For each point, the length so far of its run of equal non-zero steps (0 for a level step), one padding slot after.
    var stepRuns: UnsafeMutablePointer<Int32>
    /// Each point's flag bits, with two padding slots before the first and after the last.
    var flags: UnsafeMutablePointer<UInt8>
    /// The series' result rows, written once each.
    var output: UnsafeMutablePointer<SPCPoint>
}

/// 1 when true, 0 when false, with no branch.
@inline(__always) private func bit(_ condition: Bool) -> UInt8 { unsafeBitCast(condition, to: UInt8.self) }

/// Every bit set when true, none when false, with no branch.
@inline(__always) private func mask(_ condition: Bool) -> Int32 { 0 &- Int32(bit(condition)) }

/// `whenTrue` or `whenFalse`, with no branch.
@inline(__always) private func choose(_ condition: Bool, _ whenTrue: Int32, _ whenFalse: Int32) -> Int32 {
    let mask = mask(condition)
    return whenTrue & mask | whenFalse & ~mask
}

extension SPCEngine {
    // A point's flag bits: its side of the mean and its zone.
    private static let above: UInt8 = 1
    private static let below: UInt8 = 2
    private static let close: UInt8 = 4
    private static let outside: UInt8 = 8

    /// The label kind of each combination of a point's rule bits, four bits each.
    ///
    /// The rule bits are beyond a limit, trend, shift and two in three (bits 0 to 3); the kinds, by precedence,
    /// beyond a limit (1) before a trend (2) before two in three (3) before a shift (4).
    /// `kindTableMatchesThePrecedence` holds it to the rules.
    static let kindByRuleBits: UInt64 = 0x1213_1213_1214_1210

    /// One phase in three passes over contiguous scratch storage, free of data-dependent branches: the limits;
    /// forward, each point's side and zone and the runs so far; backward, the length of the run each point is in,
    /// two in three and the label, written straight into the result.
    ///
    /// The passes compute exactly what the reference's helpers compose (``MakingDataCountRules``); a property test
    /// holds them equal.
    func analysePhase(_ buffers: PhaseBuffers, observed n: Int, start: Int, end: Int, phaseIndex: Int) -> SPCPhase {
        buffers.x[n] = 0
        buffers.flags[-2] = 0
        buffers.flags[-1] = 0
        buffers.flags[n] = 0
        buffers.flags[n + 1] = 0
        buffers.sideRuns[n] = 0
        buffers.stepRuns[n] = 0
        let limits = limits(buffers.x, observed: n)
        markSidesAndRuns(buffers, observed: n, limits)
        label(buffers, observed: n, start: start, end: end, phaseIndex: phaseIndex)
        return phase(buffers, observed: n, start: start, end: end, limits)
    }

    /// A phase's centre line and limits, from its fixed window.
    struct Limits {
        var mean: Double
        var averageMovingRange: Double
        var lower: Double
        var upper: Double
        var nearLower: Double
        var nearUpper: Double
        var hasLimits: Bool { averageMovingRange.isFinite && mean.isFinite }
    }

    /// Limits from the fixed window; each sum in the order the reference adds.
    @inline(__always) private func limits(_ x: UnsafeMutablePointer<Double>, observed n: Int) -> Limits {
        let fixed = min(options.fixAfterPoints ?? n, n)
        var mean = Double.nan
        var averageMovingRange = Double.nan
        if fixed > 0 {
            var sum = 0.0
            var ranges = 0.0
            sum += x[0]
            for i in 1..<fixed {
                sum += x[i]
                ranges += abs(x[i] - x[i - 1])
            }
            mean = sum / Double(fixed)
            if fixed > 1 { averageMovingRange = ranges / Double(fixed - 1) }
        }
        if fixed > 1, options.screenOutliers {
            let cut = Self.screeningFactor * averageMovingRange
            var kept = 0.0
            var count = 0
            for i in 1..<fixed {
                let range = abs(x[i] - x[i - 1])
                let keep = range < cut
                kept += keep ? range : 0
                count += keep ? 1 : 0
            }
            averageMovingRange = count > 0 ? kept / Double(count) : .nan
        }
        return Limits(
            mean: mean,
            averageMovingRange: averageMovingRange,
            lower: mean - Self.limit * averageMovingRange,
            upper: mean + Self.limit * averageMovingRange,
            nearLower: mean - Self.limitClose * averageMovingRange,
            nearUpper: mean + Self.limitClose * averageMovingRange
        )
    }

    /// Forward: each point's side and zone, and the runs so far.
    @inline(__always) private func markSidesAndRuns(_ buffers: PhaseBuffers, observed n: Int, _ limits: Limits) {
        let x = buffers.x
        let flags = buffers.flags
        let sideRuns = buffers.sideRuns
        let stepRuns = buffers.stepRuns
        let mean = limits.mean
        // Without limits no point is near or beyond one: every comparison with NaN is false.
        let zoneLower = limits.hasLimits ? limits.lower : .nan
        let zoneUpper = limits.hasLimits ? limits.upper : .nan
        let zoneNearLower = limits.hasLimits ? limits.nearLower : .nan
        let zoneNearUpper = limits.hasLimits ? limits.nearUpper : .nan
        if n > 0 {
            var previousValue = x[0]
            var previousSide: UInt8 = 0
            var sideRun: Int32 = 0
            var previousStep: Int8 = 0
            var stepRun: Int32 = 0
            for i in 0..<n {
                let value = x[i]
                let side = bit(value > mean) | bit(value < mean) << 1
                let beyond = bit(value > zoneUpper) | bit(value < zoneLower)
                let near = bit(value < zoneNearLower) | bit(value > zoneNearUpper)
                flags[i] = side | beyond << 3 | (near & ~beyond) << 2
                sideRun = ((sideRun & mask(side == previousSide)) &+ 1) & mask(side != 0)
                sideRuns[i] = sideRun
                previousSide = side
                let step = Int8(bit(value > previousValue)) &- Int8(bit(value < previousValue))
                stepRun = ((stepRun & mask(step == previousStep)) &+ 1) & mask(step != 0)
                stepRuns[i] = stepRun
                previousStep = step
                previousValue = value
            }
        }

    }

    /// Backward: the whole run each point (or the step into it) belongs to, which marks shifts and
    /// trends (a run continues where the next point's run so far is longer than one); the
    /// two-in-three windows a point is in; its label, written straight to its row.
    @inline(__always) private func label(
        _ buffers: PhaseBuffers,
        observed n: Int,
        start: Int,
        end: Int,
        phaseIndex: Int
    ) {
        let x = buffers.x
        let flags = buffers.flags
        let sideRuns = buffers.sideRuns
        let stepRuns = buffers.stepRuns
        let shiftMinimum = Int32(options.shiftLength)
        let trendStepMinimum = Int32(options.trendLength - 1)
        let counted: UInt8 = options.twoInThree == .mdc2023 ? (Self.close | Self.outside) : Self.close
        let sideMask = Self.above | Self.below
        let output = buffers.output
        let rows = buffers.rows
        if n != end - start {
            for row in start..<end {
                (output + row).initialize(
                    to: SPCPoint(value: nil, phase: phaseIndex, pointType: .commonCause, rule: nil)
                )
            }
        }
        let phase = Int32(truncatingIfNeeded: phaseIndex)
        labels.withUnsafeBufferPointer { labels in
            var sideTotal: Int32 = 0
            var stepTotal: Int32 = 0
            var nextStepInTrend: UInt8 = 0
            var nextInTrend: UInt8 = 0
            // The windows of three starting here and at the next point (none run past the last point).
            var windowHere: UInt8 = 0
            var windowAtNext: UInt8 = 0
            var i = n - 1
            while i >= 0 {
                sideTotal = choose(sideRuns[i + 1] > 1, sideTotal, sideRuns[i])
                stepTotal = choose(stepRuns[i + 1] > 1, stepTotal, stepRuns[i])
                let stepInTrend = bit(stepTotal >= trendStepMinimum)
                let inTrend = stepInTrend | nextStepInTrend
                let inShift = bit(sideTotal >= shiftMinimum)

                // The window starting two points back ends here; flags before the first point are zero.
                let bits = flags[i]
                let before = flags[i - 1]
                let twoBefore = flags[i - 2]
                let countedHere = bit(bits & counted != 0)
                let countedInWindow = bit(twoBefore & counted != 0) &+ bit(before & counted != 0) &+ countedHere
                let windowTwoBefore = bit(twoBefore & before & bits & sideMask != 0) & bit(countedInWindow >= 2)
                let inPair = countedHere & (windowHere | windowAtNext | windowTwoBefore)

                // A trend's direction: the step to the next point when that is in the trend too, else the step in.
                let increasing = bit(nextInTrend != 0 ? x[i + 1] > x[i] : x[i] > x[max(i - 1, 0)])
                let ruleBits: UInt8 = (bits >> 3) & 1 | inTrend << 1 | inShift << 2 | inPair << 3
                let index = ruleBits | (bits & Self.above) << 4 | increasing << 5
                (output + Int(rows[i])).initialize(to: SPCPoint(labels[Int(index)], value: x[i], phase: phase))

                nextStepInTrend = stepInTrend
                nextInTrend = inTrend
                windowAtNext = windowHere
                windowHere = windowTwoBefore
                i -= 1
            }
        }

    }

    /// The phase's figures and icons; the icon is the last observed point's, as written above.
    @inline(__always) private func phase(
        _ buffers: PhaseBuffers,
        observed n: Int,
        start: Int,
        end: Int,
        _ limits: Limits
    ) -> SPCPhase {
        let output = buffers.output
        let rows = buffers.rows
        let hasLimits = limits.hasLimits
        let (mean, averageMovingRange, lower, upper) = (
            limits.mean, limits.averageMovingRange, limits.lower, limits.upper
        )
        let last = n > 0 ? output[Int(rows[n - 1])] : nil
        let direction = options.improvement.sign
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
            lowerNearLimit: hasLimits ? limits.nearLower : nil,
            upperNearLimit: hasLimits ? limits.nearUpper : nil,
            trialLimits: n < options.trialLimitThreshold,
            variation: last.map { Self.icon($0.pointType, $0.rule) } ?? .commonCause,
            assurance: assurance
        )
    }
}
