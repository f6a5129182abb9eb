import AssuranceTesting
import Domain
import Foundation
import Testing

@testable import Measures

/// The reference implementation's own rule vectors (NHSRplotthedots 0.2.2,
/// `tests/testthat/test-ptd_calculate_point_type.R`), run against our implementation of each helper.
struct SPCReferenceVectorTests {
    struct Vector: Decodable {
        var function: String
        var args: [String: [Double]]
        var expected: [Double]
        var testReference: String

        enum CodingKeys: String, CodingKey {
            case function, args, expected
            case testReference = "test_ref"
        }
    }

    struct Example: Decodable {
        var y: [Double]
        var relativeToMean: [Int8]
        var closeToLimits: [Int]
        var outsideLimits: [Int]
        var expectedSpecialCauseType: [String]
        var note: String

        enum CodingKeys: String, CodingKey {
            case y, note
            case relativeToMean = "relative_to_mean"
            case closeToLimits = "close_to_limits"
            case outsideLimits = "outside_limits"
            case expectedSpecialCauseType = "expected_special_cause_type"
        }
    }

    struct File: Decodable {
        var source: String
        var vectors: [Vector]
        var specialCauseTypeExamples: [Example]

        enum CodingKeys: String, CodingKey {
            case source, vectors
            case specialCauseTypeExamples = "special_cause_type_examples"
        }
    }

    static let file: File = {
        let url = Bundle.module.url(forResource: "Fixtures/spc-rule-vectors", withExtension: "json")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    @Test func theFixtureNamesItsSource() {
        #expect(Self.file.source.contains("NHSRplotthedots @ 050b07d"))
        #expect(Self.file.vectors.count == 32)
    }

    @Test(arguments: 0..<32)
    func helperReproducesTheReference(_ index: Int) throws {
        let vector = Self.file.vectors[index]
        let result: [Int8]
        switch vector.function {
        case "ptd_seven_point_one_side_mean":
            result = MakingDataCountRules.runEnds(ofSide: vector.args["v"]!.map { Int8($0) }, length: 7)
        case "ptd_part_of_seven_trend":
            result = MakingDataCountRules.partOfRun(vector.args["v"]!.map { Int8($0) }, length: 7)
        case "ptd_seven_point_trend":
            result = MakingDataCountRules.trendEnds(vector.args["y"]!, length: 7)
        case "ptd_two_in_three":
            let v = vector.args["v"]!.map { Int8($0) }
            var rtm = vector.args["rtm"]!.map { Int8($0) }
            // R recycles a shorter vector.
            if rtm.count < v.count { rtm = (0..<v.count).map { rtm[$0 % rtm.count] } }
            result = MakingDataCountRules.twoInThreeWindows(v, side: rtm)
        case "ptd_part_of_two_in_three":
            result = MakingDataCountRules.partOfTwoInThree(
                vector.args["v"]!.map { Int8($0) },
                flagged: vector.args["x"]!.map { Int8($0) }
            )
        default:
            Issue.record("unknown function \(vector.function)")
            return
        }
        #expect(result.map(Double.init) == vector.expected, "\(vector.function) \(vector.args)")
    }

    @Test(arguments: 0..<2)
    func specialCauseTypesReproduceTheReference(_ index: Int) {
        let example = Self.file.specialCauseTypeExamples[index]
        let labels = MakingDataCountRules.labels(
            y: example.y,
            side: example.relativeToMean,
            close: example.closeToLimits.map { $0 == 1 },
            outside: example.outsideLimits.map { $0 == 1 }
        )
        #expect(labels.map { $0?.label ?? "Common Cause" } == example.expectedSpecialCauseType, "\(example.note)")
    }
}

/// The engine's fused passes agree with the reference's composition of helpers.
///
/// They must agree on every point of every series, with ties, points on the mean and points on the limits.
struct SPCEngineMatchesTheReferenceComposition {
    @Test(arguments: 0..<8)
    func onRandomSeries(_ seed: Int) throws {
        var random = RepeatableRandom(seed: UInt64(seed) &* 7919 &+ 1)
        for _ in 0..<500 {
            let count = 1 + random.below(40)
            // Small integer values make ties, runs and points on the mean common.
            let values: [Double?] = (0..<count).map { _ in
                random.below(12) == 0 ? nil : Double(random.below(6) + (random.below(8) == 0 ? random.below(20) : 0))
            }
            let options = SPCOptions(
                improvement: [.increase, .decrease, .neutral][random.below(3)],
                screenOutliers: random.below(2) == 0,
                shiftLength: 6 + random.below(3),
                trendLength: 6 + random.below(3),
                twoInThree: random.below(2) == 0 ? .reference : .mdc2023
            )
            let chart = try SPCEngine(options: options).analyse(values)
            let phase = try #require(chart.phases.first)
            let observed = values.compactMap { $0 }
            guard let mean = phase.mean else { continue }
            let side: [Int8] = observed.map { $0 > mean ? 1 : ($0 < mean ? -1 : 0) }
            var outside = [Bool](repeating: false, count: observed.count)
            var close = [Bool](repeating: false, count: observed.count)
            if let upper = phase.upperLimit, let lower = phase.lowerLimit, let nearUpper = phase.upperNearLimit,
                let nearLower = phase.lowerNearLimit
            {
                for (index, value) in observed.enumerated() {
                    outside[index] = value > upper || value < lower
                    close[index] = !outside[index] && (value < nearLower || value > nearUpper)
                }
            }
            let expected = MakingDataCountRules.labels(
                y: observed,
                side: side,
                close: close,
                outside: outside,
                shiftLength: options.shiftLength,
                trendLength: options.trendLength,
                twoInThree: options.twoInThree
            )
            let actual = chart.points.filter { $0.value != nil }.map(\.rule)
            #expect(actual == expected, "\(values) \(options)")
        }
    }
}

/// The engine's driver: phases, gaps and its two entry points.
struct SPCEnginePhasesAndTables {
    @Test func kindTableMatchesThePrecedence() {
        // spc-rules.md: beyond a limit, then a trend, then two in three, then a shift.
        for bits in 0..<16 {
            let outside = bits & 1 != 0
            let trend = bits & 2 != 0
            let shift = bits & 4 != 0
            let pair = bits & 8 != 0
            let expected = outside ? 1 : trend ? 2 : pair ? 3 : shift ? 4 : 0
            #expect(Int((SPCEngine.kindByRuleBits >> UInt64(bits * 4)) & 0xF) == expected, "rule bits \(bits)")
        }
    }

    /// A rebased chart is its phases charted one by one: nothing carries over a rebase.
    @Test(arguments: 0..<4)
    func aRebasedChartIsItsPhasesChartedAlone(_ seed: Int) throws {
        var random = RepeatableRandom(seed: UInt64(seed) &* 104_729 &+ 3)
        for _ in 0..<300 {
            let count = 1 + random.below(60)
            let values: [Double?] = (0..<count).map { _ in
                random.below(10) == 0 ? nil : Double(random.below(7) + (random.below(9) == 0 ? random.below(25) : 0))
            }
            let rebase = (0..<count).map { $0 > 0 && random.below(15) == 0 }
            let engine = try SPCEngine(
                options: SPCOptions(
                    improvement: [.increase, .decrease, .neutral][random.below(3)],
                    screenOutliers: random.below(2) == 0,
                    target: random.below(2) == 0 ? Double(random.below(8)) : nil
                )
            )
            let chart = engine.analyse(values, rebase: rebase)
            let starts = [0] + (1..<count).filter { rebase[$0] }
            #expect(chart.points.count == count)
            #expect(chart.phases.count == starts.count)
            for (phaseIndex, start) in starts.enumerated() {
                let end = phaseIndex + 1 < starts.count ? starts[phaseIndex + 1] : count
                let alone = engine.analyse(Array(values[start..<end]))
                var phase = try #require(alone.phases.first)
                phase.start = start
                #expect(chart.phases[phaseIndex] == phase, "\(values) \(rebase)")
                for (offset, point) in alone.points.enumerated() {
                    let rebased = chart.points[start + offset]
                    #expect(rebased.phase == phaseIndex)
                    #expect(
                        rebased.value == point.value && rebased.pointType == point.pointType
                            && rebased.rule == point.rule,
                        "row \(start + offset) of \(values)"
                    )
                }
            }
        }
    }

    /// The observation series entry point charts exactly what the values entry point does.
    @Test func aSeriesIsChartedAsItsValues() throws {
        var random = RepeatableRandom(seed: 42)
        let engine = try SPCEngine(options: .reference)
        for _ in 0..<200 {
            let count = random.below(50)
            let values: [Double?] = (0..<count).map { _ in random.below(8) == 0 ? nil : Double(random.below(9)) }
            let periods = try (0..<count).map { try ReportingPeriod.month(1 + $0 % 12, of: 2020 + $0 / 12) }
            let series = ObservationSeries(
                measure: MeasureID("m"),
                scope: .partnership,
                points: zip(periods, values).map {
                    SeriesPoint(period: $0, value: $1, status: $1 == nil ? .symbol(.c) : .actual)
                }
            )
            let rebaseAt: Set<ReportingPeriod> = count > 20 ? [periods[13]] : []
            let rebase = periods.map { rebaseAt.contains($0) }
            #expect(engine.analyse(series, rebaseAt: rebaseAt) == engine.analyse(values, rebase: rebase))
        }
    }
}
