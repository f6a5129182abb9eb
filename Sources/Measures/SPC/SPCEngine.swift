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

    static let limit = 2.66
    static let limitClose = 2 * (2.66 / 3)
    static let screeningFactor = 3.267

    /// The label of every combination of a point's rule bits (beyond a limit, trend, shift, two in three: bits
    /// 0 to 3), its side (bit 4: above the mean) and its trend's direction (bit 5: increasing), as a point with
    /// no value; the precedence is ``kindByRuleBits``.
    let labels: [SPCPoint]

    /// Creates an engine.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when the options are out of range.
    public init(options: SPCOptions = .reference) throws(DomainError) {
        try options.validate()
        self.options = options
        let direction = options.improvement.sign
        labels = (0..<64).map { index in
            let above = index & 16 != 0
            let rule: SpecialCauseRule? =
                switch (Self.kindByRuleBits >> UInt64((index & 15) * 4)) & 0xF {
                case 1: above ? .aboveUpperLimit : .belowLowerLimit
                case 2: .trend(increasing: index & 32 != 0, length: options.trendLength)
                case 3: .twoInThree(above: above)
                case 4: .shift(above: above, length: options.shiftLength)
                default: nil
                }
            return SPCPoint(value: nil, phase: 0, pointType: Self.pointType(rule, direction: direction), rule: rule)
        }
    }

    /// Analyses a series of values in order; `rebase[i] == true` starts a new phase at row `i`.
    public func analyse(_ values: [Double?], rebase: [Bool] = []) -> SPCResult {
        var starts: [Int] = []
        for (index, flag) in rebase.enumerated() where flag && index > 0 && index < values.count {
            starts.append(index)
        }
        return values.withUnsafeBufferPointer { values in
            analyse(count: values.count, laterPhaseStarts: starts) { values[$0] }
        }
    }

    /// Analyses an observation series; a phase starts at each of `rebaseAt` that is in the series.
    public func analyse(_ series: ObservationSeries, rebaseAt: Set<ReportingPeriod> = []) -> SPCResult {
        var starts: [Int] = []
        if !rebaseAt.isEmpty {
            for (index, point) in series.points.enumerated() where index > 0 && rebaseAt.contains(point.period) {
                starts.append(index)
            }
        }
        return series.points.withUnsafeBufferPointer { points in
            analyse(count: points.count, laterPhaseStarts: starts) { points[$0].value }
        }
    }

    /// The rows of every phase written once into the result, through scratch buffers taken once per series.
    ///
    /// The first phase starts at row 0; `laterPhaseStarts` are the others, in order (none for most series,
    /// so most series allocate nothing but their result).
    private func analyse(count: Int, laterPhaseStarts: [Int], value: (Int) -> Double?) -> SPCResult {
        var phases: [SPCPhase] = []
        phases.reserveCapacity(laterPhaseStarts.count + 1)
        let points = [SPCPoint](unsafeUninitializedCapacity: count) { output, initialized in
            // Padding around the buffers lets the passes read a point or two beyond either end.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: count + 1) { x in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * count + 2) { scratch in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 4) { flags in
                        let buffers = PhaseBuffers(
                            x: x.baseAddress!,
                            rows: scratch.baseAddress!,
                            sideRuns: scratch.baseAddress! + count,
                            stepRuns: scratch.baseAddress! + 2 * count + 1,
                            flags: flags.baseAddress! + 2,
                            output: output.baseAddress!
                        )
                        var start = 0
                        for phaseIndex in 0...laterPhaseStarts.count {
                            let end = phaseIndex < laterPhaseStarts.count ? laterPhaseStarts[phaseIndex] : count
                            var n = 0
                            for row in start..<end {
                                if let observed = value(row) {
                                    buffers.x[n] = observed
                                    buffers.rows[n] = Int32(truncatingIfNeeded: row)
                                    n += 1
                                }
                            }
                            phases.append(
                                analysePhase(buffers, observed: n, start: start, end: end, phaseIndex: phaseIndex)
                            )
                            start = end
                        }
                    }
                }
            }
            initialized = count
        }
        return SPCResult(points: points, phases: phases)
    }

    /// `ptd_point_type`: labels that point up are improvements when higher is better, and so on.
    static func pointType(_ rule: SpecialCauseRule?, direction: Int8) -> PointType {
        guard let rule else { return .commonCause }
        let high = rule.isHigh
        if direction == 0 { return high ? .neutralHigh : .neutralLow }
        return (high ? 1 : -1) * direction > 0 ? .improvement : .concern
    }

    static func icon(_ type: PointType, _ rule: SpecialCauseRule?) -> VariationIcon {
        switch type {
        case .commonCause: .commonCause
        case .neutralHigh: .neutralHigh
        case .neutralLow: .neutralLow
        case .improvement: rule?.isHigh == true ? .improvementHigh : .improvementLow
        case .concern: rule?.isHigh == true ? .concernHigh : .concernLow
        }
    }
}
