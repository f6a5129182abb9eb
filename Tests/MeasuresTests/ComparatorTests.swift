import Domain
import Foundation
import Measures
import Testing

struct ComparatorTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "csv")))
    }

    /// The Department rounds half away from zero at the published precision.
    @Test func medianRoundsHalfAwayFromZeroInDecimal() throws {
        // 15.15 is 15.149999… in binary; the Department publishes 15.2.
        #expect((15.1 + 15.2) / 2 < 15.15)
        let values = [PublishedNumber("15.1")!, PublishedNumber("15.2")!]
        #expect(PublishedNumber.median(values, places: 1)?.description == "15.2")
        #expect(
            PublishedNumber.median([PublishedNumber("-2.2")!, PublishedNumber("-2.3")!], places: 1)?.description
                == "-2.3"
        )
        #expect(
            PublishedNumber.median([PublishedNumber("3")!, PublishedNumber("1")!, PublishedNumber("2")!], places: 0)?
                .description == "2"
        )
        #expect(
            PublishedNumber.median([PublishedNumber("10")!, PublishedNumber("11")!], places: 1)?.description == "10.5"
        )
        #expect(PublishedNumber.median([], places: 1) == nil)
        #expect(PublishedNumber("12.345")!.rounded(to: 2).description == "12.35")
        #expect(PublishedNumber("0.05")!.rounded(to: 1).description == "0.1")
    }

    @Test(arguments: ["1,234", "1e3", "NaN", "", "-", ".", "1.", "12 "])
    func publishedNumbersAreStrict(_ text: String) {
        #expect(PublishedNumber(text) == nil)
    }

    /// Devon (878) in 2025, from the real published files: its ten neighbours' values of children in
    /// need at 31 March sorted are 2177 (Dorset), 3412 (Somerset), 3517 (East Sussex), 3638
    /// (Worcestershire), 4070 (Suffolk), 4643 (Norfolk), 5431 (Derbyshire), 5526 (West Sussex), 5862
    /// (Essex) and 11247 (Kent): the median is (4070 + 4643) / 2 = 4356.5, which the Department
    /// publishes, rounded half away from zero to whole children, as 4357.
    @Test func devonBesideItsNeighboursIn2025() throws {
        let statistics = try PublishedStatistics(
            data: Self.fixture("b1_children_in_need_2013_to_2025"),
            source: "b1.csv",
            indicator: "At31_episodes"
        )
        let model = try StatisticalNeighbourModel(data: Self.fixture("sn_model_2025_wide"), source: "sn.csv")
        #expect(
            model.entries["878"]?.neighbours == ["845", "838", "926", "886", "933", "935", "938", "830", "881", "885"]
        )
        #expect(model.entries["301"]?.closeness.first == "Close")
        let rows = Comparators.compare(statistics, neighbours: model)
        let devon = try #require(rows.first { $0.code == "878" && $0.timePeriod == "2025" })
        #expect(devon.name == "Devon")
        #expect(devon.value.description == "3836")
        #expect(devon.neighbourMedian?.description == "4357")
        #expect(devon.neighbourCount == 10)
        #expect(devon.national?.description == "402400")
        #expect(devon.regional?.description == "33770")
        // 153 authorities have a value in 2025; Devon's is the 131st lowest: the top quarter.
        #expect(devon.rank == 131)
        #expect(devon.quartile == 4)
        #expect(rows.filter { $0.timePeriod == "2025" }.count == 153)
    }

    @Test func suppressedValuesAreKeptAsSymbolsAndLeftOutOfMedians() throws {
        let csv = """
            time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,new_la_code,la_name,rate
            2025,Reporting year,National,E92000001,,,,,50.0
            2025,Reporting year,Regional,E92000001,R1,,,,48.5
            2025,Reporting year,Local authority,E92000001,R1,100,E1,Alpha,40.1
            2025,Reporting year,Local authority,E92000001,R1,200,E2,Beta,c
            2025,Reporting year,Local authority,E92000001,R1,300,E3,Gamma,41.2
            2025,Reporting year,Local authority,E92000001,R1,400,E4,Delta,43.0
            """
        let model = """
            old_la_code,la_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P
            100,Alpha,200,Close ,300,Close,400,Somewhat close
            """
        let statistics = try PublishedStatistics(data: Data(csv.utf8), source: "rate.csv", indicator: "rate")
        let rows = Comparators.compare(
            statistics,
            neighbours: try StatisticalNeighbourModel(data: Data(model.utf8), source: "sn.csv")
        )
        let alpha = try #require(rows.first { $0.code == "100" })
        // Beta is suppressed: the median of 41.2 and 43.0 is 42.1.
        #expect(alpha.neighbourMedian?.description == "42.1")
        #expect(alpha.neighbourCount == 2)
        #expect(rows.first { $0.code == "200" }?.value == .symbol(.c))
        #expect(rows.first { $0.code == "200" }?.rank == nil)
        #expect(alpha.rank == 1)
        #expect(alpha.quartile == 1)
        #expect(rows.first { $0.code == "400" }?.quartile == 4)
    }

    @Test func badPublishedFilesAreRefusedWithLineAndColumn() throws {
        let missingIndicator =
            "time_period,geographic_level,region_code,old_la_code,la_name,other\n2025,National,,,,1\n"
        #expect(
            throws: DomainError(
                .invalidInput,
                "x.csv:1: the header has no column \"rate\"; found time_period,geographic_level,region_code,old_la_code,la_name,other"
            )
        ) {
            try PublishedStatistics(data: Data(missingIndicator.utf8), source: "x.csv", indicator: "rate")
        }
        let badValue = "time_period,geographic_level,region_code,old_la_code,la_name,rate\n2025,National,,,,\"1,204\"\n"
        #expect(
            throws: DomainError(
                .invalidInput,
                "x.csv:2: column rate: \"1,204\" is not a published value; expected a number or one of c, x, z, u, low"
            )
        ) {
            try PublishedStatistics(data: Data(badValue.utf8), source: "x.csv", indicator: "rate")
        }
        let breakdown = """
            time_period,geographic_level,region_code,old_la_code,la_name,category,rate
            2025,Local authority,R1,100,Alpha,Total,5
            2025,Local authority,R1,100,Alpha,Boys,3
            """
        #expect(
            throws: DomainError(
                .invalidInput,
                "x.csv:3: Alpha in 2025 appears again (first on line 2); the file breaks rows down by a filter column: choose one value with a filter such as category=Total"
            )
        ) {
            try PublishedStatistics(data: Data(breakdown.utf8), source: "x.csv", indicator: "rate")
        }
        let filtered = try PublishedStatistics(
            data: Data(breakdown.utf8),
            source: "x.csv",
            indicator: "rate",
            filters: ["category": "Boys"]
        )
        #expect(filtered.rows.map(\.value.description) == ["3"])
        #expect(
            throws: DomainError(
                .invalidInput,
                "sn.csv:1: the header has no column \"SN_1\"; expected SN_1 … SN_10 neighbour columns"
            )
        ) {
            try StatisticalNeighbourModel(data: Data("old_la_code,la_name\n100,A\n".utf8), source: "sn.csv")
        }
    }
}
