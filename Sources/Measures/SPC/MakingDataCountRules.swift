/// The Making Data Count rules as the reference implementation composes them, one O(n) pass each.
///
/// Each function mirrors a helper of NHSRplotthedots 0.2.2 (`R/ptd_calculate_point_type.R`), with the
/// run length as a parameter where the reference fixes it at 7, so that the reference's own rule
/// vectors test them directly.
package enum MakingDataCountRules {
    /// `ptd_seven_point_one_side_mean`: 1 at each point that ends a run of `length` equal, non-zero sides.
    package static func runEnds(ofSide side: [Int8], length: Int) -> [Int8] {
        var result = [Int8](repeating: 0, count: side.count)
        var run = 0
        for i in side.indices {
            run = (i > 0 && side[i] == side[i - 1]) ? run + 1 : 1
            if side[i] != 0 && run >= length { result[i] = 1 }
        }
        return result
    }

    /// `ptd_part_of_seven_trend`: 1 at each point at or before a flagged point, within `length` points.
    package static func partOfRun(_ flags: [Int8], length: Int) -> [Int8] {
        var result = [Int8](repeating: 0, count: flags.count)
        var reach = 0
        for i in flags.indices.reversed() {
            if flags[i] != 0 { reach = length }
            if reach > 0 {
                result[i] = 1
                reach -= 1
            }
        }
        return result
    }

    /// `ptd_seven_point_trend`: +1 (or -1) at each point that ends `length` points whose steps all rise (or fall).
    package static func trendEnds(_ y: [Double], length: Int) -> [Int8] {
        var result = [Int8](repeating: 0, count: y.count)
        guard y.count >= length else { return result }
        var run = 0
        var previous: Int8 = 0
        for i in 1..<y.count {
            let difference = y[i] - y[i - 1]
            let sign: Int8 = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
            run = (sign != 0 && sign == previous) ? run + 1 : (sign != 0 ? 1 : 0)
            previous = sign
            if run >= length - 1 { result[i] = sign }
        }
        return result
    }

    /// `ptd_two_in_three`: 1 at each point in a window of three consecutive points (windows padded
    /// with non-points at the ends) with at least two flagged and all three on the same side of the mean.
    package static func twoInThreeWindows(_ flagged: [Int8], side: [Int8]) -> [Int8] {
        let n = flagged.count
        var result = [Int8](repeating: 0, count: n)
        guard n >= 3 else { return result }
        // With the reference's padding, only windows wholly inside the series can have three points on one side.
        for start in 0...(n - 3) {
            let sum = Int(side[start]) + Int(side[start + 1]) + Int(side[start + 2])
            guard abs(sum) == 3 else { continue }
            let count = Int(flagged[start]) + Int(flagged[start + 1]) + Int(flagged[start + 2])
            if count >= 2 {
                result[start] = 1
                result[start + 1] = 1
                result[start + 2] = 1
            }
        }
        return result
    }

    /// `ptd_part_of_two_in_three`: the points of a qualifying window that are themselves flagged.
    package static func partOfTwoInThree(_ windows: [Int8], flagged: [Int8]) -> [Int8] {
        zip(windows, flagged).map { $0 == 1 && abs($1) == 1 ? 1 : 0 }
    }

    /// `ptd_special_cause_type`: the rule that labels each point, by precedence (limits, trend,
    /// two-in-three, shift), with a trend point's direction taken from its step to the next point when
    /// that point is also in a trend, else from its step from the previous point.
    package static func labels(
        y: [Double],
        side: [Int8],
        close: [Bool],
        outside: [Bool],
        shiftLength: Int = 7,
        trendLength: Int = 7,
        twoInThree: TwoInThreeRule = .reference
    ) -> [SpecialCauseRule?] {
        let n = y.count
        let trend = partOfRun(trendEnds(y, length: trendLength), length: trendLength)
        let counted: [Int8] = (0..<n).map { close[$0] || (twoInThree == .mdc2023 && outside[$0]) ? 1 : 0 }
        let pairs = partOfTwoInThree(twoInThreeWindows(counted, side: side), flagged: counted)
        let shift = partOfRun(runEnds(ofSide: side, length: shiftLength), length: shiftLength)
        var result = [SpecialCauseRule?](repeating: nil, count: n)
        for i in 0..<n {
            let above = side[i] > 0
            if outside[i] {
                result[i] = side[i] == 1 ? .aboveUpperLimit : .belowLowerLimit
            } else if trend[i] != 0 {
                let step: Double
                if i + 1 < n, trend[i + 1] != 0 {
                    step = y[i + 1] - y[i]
                } else {
                    step = i > 0 ? y[i] - y[i - 1] : 0
                }
                result[i] = .trend(increasing: step > 0, length: trendLength)
            } else if pairs[i] != 0 {
                result[i] = .twoInThree(above: above)
            } else if shift[i] != 0 {
                result[i] = .shift(above: above, length: shiftLength)
            }
        }
        return result
    }
}
