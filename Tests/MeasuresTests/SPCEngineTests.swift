import Domain
import Measures
import Testing

/// Worked cases for the XmR engine; every expected value is written out from the rules in
/// `spc-rules.md` (the NHSRplotthedots 0.2.2 reference), not taken from our own output.
struct SPCEngineTests {
    func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    // 13 points, the last far above the rest.
    let spike: [Double?] = [10, 12, 11, 13, 12, 10, 11, 12, 11, 13, 12, 11, 30]

    @Test func limitsWithScreeningAsTheReferenceComputesThem() throws {
        let chart = try SPCEngine().analyse(spike)
        let phase = try #require(chart.latestPhase)
        // mean = 168 / 13; moving ranges 2,1,2,1,2,1,1,1,2,1,1,19 average 34/12; screening drops 19
        // (19 ≥ 3.267 × 34/12 = 9.2565), leaving 15/11.
        let mean = 168.0 / 13
        let amr = 15.0 / 11
        #expect(near(phase.mean, mean))
        #expect(near(phase.averageMovingRange, amr))
        #expect(near(phase.upperLimit, mean + 2.66 * amr))
        #expect(near(phase.lowerLimit, mean - 2.66 * amr))
        #expect(near(phase.upperNearLimit, mean + 2 * (2.66 / 3) * amr))
        #expect(near(phase.lowerNearLimit, mean - 2 * (2.66 / 3) * amr))
        #expect(chart.points[12].rule == .aboveUpperLimit)
        #expect(chart.points[12].pointType == .improvement)
        #expect(chart.points[0..<12].allSatisfy { $0.pointType == .commonCause })
        #expect(chart.variation == .improvementHigh)
        #expect(!phase.trialLimits)
    }

    @Test func withoutScreeningTheOutlyingRangeCounts() throws {
        let chart = try SPCEngine(options: SPCOptions(screenOutliers: false)).analyse(spike)
        let phase = try #require(chart.latestPhase)
        #expect(near(phase.averageMovingRange, 34.0 / 12))
        #expect(near(phase.upperLimit, 168.0 / 13 + 2.66 * 34.0 / 12))
        #expect(chart.points[12].rule == .aboveUpperLimit)
    }

    @Test func twoInThreeTakesPrecedenceOverAShift() throws {
        // mean 48/14; moving ranges 1 ×6, 4, 1 ×6: average 17/13, none screened (4 < 3.267 × 17/13).
        // Near limits 48/14 ± 1.7733 × 17/13: the 1s and 6s lie beyond them, the 2s and 5s do not.
        let values: [Double?] = [1, 2, 1, 2, 1, 2, 1, 5, 6, 5, 6, 5, 6, 5]
        let chart = try SPCEngine(options: SPCOptions(improvement: .decrease)).analyse(values)
        let labels = chart.points.map { $0.rule?.label ?? "Common Cause" }
        #expect(
            labels == [
                "2 in 3 Below CL", "7 Points Below CL", "2 in 3 Below CL", "7 Points Below CL", "2 in 3 Below CL",
                "7 Points Below CL", "2 in 3 Below CL",
                "7 Points Above CL", "2 in 3 Above CL", "7 Points Above CL", "2 in 3 Above CL", "7 Points Above CL",
                "2 in 3 Above CL", "7 Points Above CL",
            ]
        )
        // Lower is better: points below the mean are improvements, above are concerns.
        #expect(chart.points[0].pointType == .improvement)
        #expect(chart.points[13].pointType == .concern)
        #expect(chart.variation == .concernHigh)
    }

    @Test func aSixPointShiftOptionAsMakingDataCountAllows() throws {
        // mean = 78/12 = 6.5; moving ranges 2 ×5, 1, 2 ×5 average 21/11, so every point lies inside the
        // near limits (6.5 ± 1.7733 × 21/11 = 3.11 … 9.89): only the shift rule can fire.
        let values: [Double?] = [4, 6, 4, 6, 4, 6, 7, 9, 7, 9, 7, 9]
        let seven = try SPCEngine().analyse(values)
        #expect(seven.points.allSatisfy { $0.rule == nil })
        let six = try SPCEngine(options: SPCOptions(shiftLength: 6)).analyse(values)
        #expect(
            six.points.map { $0.rule?.label }
                == Array(repeating: "6 Points Below CL", count: 6) + Array(repeating: "6 Points Above CL", count: 6)
        )
    }

    @Test func aTieBreaksATrend() throws {
        // Both series: mean 46/13; moving ranges average 10/12, screening drops the 4, leaving 6/11:
        // limits 2.087 … 4.989, near limits 2.571 … 4.506.
        let rising: [Double?] = [1, 2, 3, 4, 5, 6, 7, 3, 3, 3, 3, 3, 3]
        let chart = try SPCEngine(options: SPCOptions(improvement: .neutral)).analyse(rising)
        #expect(
            chart.points.map { $0.rule?.label } == [
                "Below LCL", "Below LCL", "7 Point Trend (Increasing)", "7 Point Trend (Increasing)", "Above UCL",
                "Above UCL", "Above UCL", nil, nil, nil, nil, nil, nil,
            ]
        )
        #expect(chart.points[2].pointType == .neutralHigh)
        #expect(chart.points[0].pointType == .neutralLow)
        // The repeated 3 breaks the rise into runs of 3 and 5 points: no trend.
        let withTie: [Double?] = [1, 2, 3, 3, 4, 5, 6, 7, 3, 3, 3, 3, 3]
        let tied = try SPCEngine(options: SPCOptions(improvement: .neutral)).analyse(withTie)
        #expect(
            tied.points.map { $0.rule?.label } == [
                "Below LCL", "Below LCL", nil, nil, nil, "Above UCL", "Above UCL", "Above UCL", nil, nil, nil, nil, nil,
            ]
        )
    }

    @Test func aRebaseStartsAPhaseWithItsOwnLimits() throws {
        let values: [Double?] = [10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21]
        let chart = try SPCEngine().analyse(values, rebase: [false, false, false, false, false, false, true])
        #expect(chart.phases.count == 2)
        #expect(near(chart.phases[0].mean, 10.5))
        #expect(near(chart.phases[1].mean, 20.5))
        #expect(near(chart.phases[1].averageMovingRange, 1))
        #expect(chart.phases.allSatisfy { $0.trialLimits })
        #expect(chart.points[6].phase == 1)
        #expect(chart.points.allSatisfy { $0.rule == nil })
    }

    @Test func fixingAfterTwelvePointsAppliesThoseLimitsToTheRest() throws {
        var values: [Double?] = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11]
        values += [11, 11, 11, 11, 11, 11, 11]
        let chart = try SPCEngine(options: SPCOptions(fixAfterPoints: 12)).analyse(values)
        let phase = try #require(chart.latestPhase)
        #expect(near(phase.mean, 10.5))
        #expect(near(phase.averageMovingRange, 1))
        // The seven 11s after the window sit above the fixed mean: a shift (and the near limit is 10.5 + 1.7733).
        let shift = chart.points[12...].map(\.rule)
        #expect(shift.allSatisfy { $0 == .shift(above: true, length: 7) })
        // The window's own 11s join the run: the last 11 of the window is followed by seven more.
        #expect(chart.points[11].rule == .shift(above: true, length: 7))
        #expect(chart.points[10].rule == nil)
    }

    @Test func fixAfterFewerThanTwelveIsRefused() {
        #expect(
            throws: DomainError(
                .invalidInput,
                "fix after 8 points is too few; expected at least 12, as the reference requires"
            )
        ) {
            try SPCEngine(options: SPCOptions(fixAfterPoints: 8))
        }
        #expect(
            throws: DomainError(
                .invalidInput,
                "the shift length is 3; expected 5 to 12 points (the reference uses 7, MDC allows 6)"
            )
        ) {
            try SPCEngine(options: SPCOptions(shiftLength: 3))
        }
    }

    @Test func assuranceFromTheTargetAgainstTheLatestLimits() throws {
        let values: [Double?] = [50, 52, 51, 53, 52, 50, 51, 52, 51, 53, 52, 51, 52]
        // mean = 670/13 ≈ 51.54, moving ranges average 16/12 ⇒ limits ≈ 51.54 ± 3.55.
        func assurance(_ target: Double, _ direction: ImprovementDirection) throws -> AssuranceIcon? {
            try SPCEngine(options: SPCOptions(improvement: direction, target: target)).analyse(values).assurance
        }
        #expect(try assurance(60, .increase) == .consistentFail)
        #expect(try assurance(40, .increase) == .consistentPass)
        #expect(try assurance(51, .increase) == .inconsistent)
        #expect(try assurance(60, .decrease) == .consistentPass)
        #expect(try assurance(40, .decrease) == .consistentFail)
        #expect(try assurance(60, .neutral) == nil)
        #expect(try SPCEngine().analyse(values).assurance == nil)
    }

    @Test func aConstantSeriesHasNoLimitsAndOnlyCommonCause() throws {
        let chart = try SPCEngine().analyse(Array(repeating: 4.0, count: 15))
        #expect(chart.latestPhase?.upperLimit == nil)
        #expect(chart.latestPhase?.mean == 4)
        #expect(chart.points.allSatisfy { $0.pointType == .commonCause })
    }

    @Test func gapsAreSkippedNeitherBreakingNorCountingARun() throws {
        // Seven points above the mean either side of a gap are still a run of seven.
        let values: [Double?] = [1, 2, 1, 2, 1, 2, 1, 5, 6, 5, nil, 6, 5, 6, 5]
        let gapped = try SPCEngine().analyse(values)
        let compact = try SPCEngine().analyse(values.compactMap { $0 })
        #expect(gapped.points.count == 15)
        #expect(gapped.points[10].value == nil)
        #expect(gapped.points[10].pointType == .commonCause)
        #expect(gapped.points[10].rule == nil)
        let observed = gapped.points.filter { $0.value != nil }
        #expect(observed.map(\.rule) == compact.points.map(\.rule))
        #expect(gapped.latestPhase?.mean == compact.latestPhase?.mean)
        #expect(gapped.latestPhase?.observed == 14)
        #expect(gapped.latestPhase?.count == 15)
    }

    @Test func theMakingDataCount2023RuleCountsPointsBeyondTheLimits() throws {
        // Without screening: mean 134.8/13 = 10.3692; moving ranges 0.2 ×9, 1.8, 0.7, 0.8 average 5.1/12 = 0.425:
        // upper limit 11.4997, upper near limit 11.1229. 12 is beyond the limit, 11.3 beyond the near limit,
        // 10.5 on the same side but not beyond it.
        let values: [Double?] = [10, 10.2, 10, 10.2, 10, 10.2, 10, 10.2, 10, 10.2, 12, 11.3, 10.5]
        let reference = try SPCEngine(options: SPCOptions(screenOutliers: false)).analyse(values)
        let mdc = try SPCEngine(options: .makingDataCountExcel(improvement: .increase)).analyse(values)
        #expect(near(mdc.latestPhase?.upperLimit, 134.8 / 13 + 2.66 * 5.1 / 12))
        #expect(near(mdc.latestPhase?.upperNearLimit, 134.8 / 13 + 2 * (2.66 / 3) * 5.1 / 12))
        #expect(mdc.points[10].rule == .aboveUpperLimit)
        #expect(mdc.points[11].rule == .twoInThree(above: true))
        #expect(mdc.points[12].rule == nil)
        // The reference counts only points between the near limits and the limits: one is not two.
        #expect(reference.points[10].rule == .aboveUpperLimit)
        #expect(reference.points[11].rule == nil)
        // The ten points before the spike are all below the mean: a shift under both rules.
        #expect(mdc.points[0..<10].allSatisfy { $0.rule == .shift(above: false, length: 7) })
    }

    @Test func analysesAnObservationSeriesRebasingAtAPeriod() throws {
        let periods = try (1...12).map { try ReportingPeriod.month($0, of: 2025) }
        let series = ObservationSeries(
            measure: "m",
            scope: .partnership,
            points: periods.enumerated().map {
                SeriesPoint(period: $1, value: Double($0 < 6 ? 10 + $0 % 2 : 20 + $0 % 2))
            }
        )
        let chart = try SPCEngine().analyse(series, rebaseAt: [periods[6]])
        #expect(chart.phases.map(\.start) == [0, 6])
    }
}
