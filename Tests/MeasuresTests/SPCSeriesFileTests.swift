import Domain
import Foundation
import Measures
import Testing

/// The series file's output, written straight into bytes, is exactly what it was when it went
/// through strings and Foundation's JSON encoder.
struct SPCSeriesFileTests {
    static func fixture(_ name: String) throws -> Data {
        let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
        return try Data(contentsOf: url)
    }

    @Test func theCSVOutputIsTheRecordedOutputByteForByte() throws {
        let series = try SPCSeriesFile.read(try Self.fixture("spc-series.csv"), source: "spc-series.csv")
        let engine = try SPCEngine(options: .reference)
        #expect(SPCSeriesFile.csvData(series, engine: engine) == (try Self.fixture("spc-series.expected.csv")))
    }

    @Test func theJSONOutputIsTheRecordedOutputByteForByte() throws {
        let series = try SPCSeriesFile.read(try Self.fixture("spc-series.csv"), source: "spc-series.csv")
        var options = SPCOptions(improvement: .decrease, screenOutliers: false)
        options.target = 100
        let engine = try SPCEngine(options: options)
        #expect(SPCSeriesFile.jsonData(series, engine: engine) == (try Self.fixture("spc-series.expected.json")))
    }

    /// Names and numbers that test the writer's escaping and number forms against Foundation's encoder
    /// and the CSV text the package writes elsewhere.
    @Test func awkwardNamesAndNumbersAreWrittenAsFoundationAndCSVTextWriteThem() throws {
        let values: [Double?] = [-0.0, 1e-7, 0.1, 1e20, 123_456_789_012, -42.5, nil, 5e-324, 1.7976931348623157e308, 3]
        let series = [
            SPCSeries(
                name: "quote \" backslash \\ slash / tab \t newline \n bell \u{7} é 🧒, comma",
                periods: values.indices.map { "P\($0)/\"x\"" },
                values: values,
                rebase: values.indices.map { $0 == 5 }
            ),
            SPCSeries(name: "one", periods: ["2025-01"], values: [7], rebase: [false]),
        ]
        let engine = try SPCEngine(options: .reference)
        #expect(
            String(decoding: SPCSeriesFile.jsonData(series, engine: engine), as: UTF8.self)
                == SPCSeriesFile.jsonUsingFoundation(series, engine: engine)
        )
        var expected = SPCSeriesFile.csvHeader
        for held in series {
            let chart = engine.analyse(held.values, rebase: held.rebase)
            for (index, point) in chart.points.enumerated() {
                let phase = chart.phase(of: index)
                let numbers = [
                    point.value, phase.mean, phase.lowerLimit, phase.upperLimit, phase.lowerNearLimit,
                    phase.upperNearLimit,
                ]
                expected += CSVText.record(
                    [held.name, held.periods[index]] + numbers.map { $0.map(NumberText.shortest) ?? "" } + [
                        point.isSpecialCause ? "true" : "false", point.pointType.rawValue, point.rule?.label ?? "",
                    ]
                )
            }
        }
        #expect(SPCSeriesFile.csv(series, engine: engine) == expected)
    }

    /// Every point type, in each direction of improvement, is written as Foundation's encoder and the
    /// CSV text write it (the writer looks a point type's text up by position).
    @Test(arguments: ImprovementDirection.allCases)
    func everyPointTypeIsWrittenAsFoundationAndCSVTextWriteIt(improvement: ImprovementDirection) throws {
        let values: [Double?] = [10, 11, 9, 10, 12, 10, 9, 11, 10, 30, 10, 11, 9, 10, -12, 10, 11, 9, 10, 10]
        let series = [
            SPCSeries(
                name: "spikes",
                periods: values.indices.map { "2024-\($0)" },
                values: values,
                rebase: values.map { _ in false }
            )
        ]
        let engine = try SPCEngine(options: SPCOptions(improvement: improvement, screenOutliers: false))
        let types = Set(engine.analyse(values, rebase: values.map { _ in false }).points.map(\.pointType))
        #expect(types.count == 3, "common cause and a special cause each way: \(types)")
        #expect(
            String(decoding: SPCSeriesFile.jsonData(series, engine: engine), as: UTF8.self)
                == SPCSeriesFile.jsonUsingFoundation(series, engine: engine)
        )
        let csv = SPCSeriesFile.csv(series, engine: engine)
        for type in types { #expect(csv.contains(",\(type.rawValue),")) }
    }

    @Test func noSeriesIsAnEmptyListInEitherForm() throws {
        let engine = try SPCEngine(options: .reference)
        #expect(SPCSeriesFile.csv([], engine: engine) == SPCSeriesFile.csvHeader)
        #expect(SPCSeriesFile.json([], engine: engine) == SPCSeriesFile.jsonUsingFoundation([], engine: engine))
    }
}
