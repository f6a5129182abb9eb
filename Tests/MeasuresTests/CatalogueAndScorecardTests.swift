import AssuranceTesting
import Domain
import Foundation
import Measures
import Testing

struct CatalogueTests {
    @Test func theStarterCatalogueLoadsAndRoundTripsAsJSON() throws {
        let starter = MeasureCatalogue.starter
        #expect(starter.definitions.count == 30)
        #expect(try MeasureCatalogue(starter.definitions) == starter)
        let copy = try MeasureCatalogue(json: starter.json(), source: "catalogue.json")
        #expect(copy == starter)
    }

    /// The DfE's definitions: re-referral within 12 months of a previous referral (C1); assessments
    /// within 45 working days (C2); second or subsequent plans (D3, low is good).
    @Test func theDepartmentsMeasuresCarryTheirPublishedDefinitions() throws {
        let catalogue = MeasureCatalogue.starter
        let reReferrals = try #require(catalogue["re-referrals-12m"])
        #expect(reReferrals.polarity == .lowerIsBetter)
        #expect(reReferrals.definition?.citation.contains("C1") == true)
        #expect(try #require(catalogue["assessments-within-45wd"]).polarity == .higherIsBetter)
        #expect(try #require(catalogue["cp-second-or-subsequent"]).question == .betterOff)
        // The better-off pair: a count and a percentage.
        #expect(catalogue["children-feel-safer"]?.pairedWith == "children-feel-safer-count")
        #expect(catalogue["children-feel-safer-count"]?.unit == .count)
    }

    @Test func aBadCatalogueFileNamesTheField() throws {
        let json = #"{"version":1,"measures":[{"id":"x","name":"X"}]}"#
        #expect {
            try MeasureCatalogue(json: Data(json.utf8), source: "mine.json")
        } throws: { error in
            (error as? DomainError)?.message.hasPrefix("mine.json: at measures[0].") == true
        }
        let duplicate = MeasureCatalogue.starter.definitions[0]
        #expect(throws: DomainError(.invalidInput, "the catalogue defines measure mash-contacts twice")) {
            try MeasureCatalogue([duplicate, duplicate])
        }
    }
}

struct ScorecardTests {
    func definition(polarity: Polarity = .higherIsBetter) -> MeasureDefinition {
        MeasureDefinition(
            id: "timely",
            name: "Timely",
            summary: "s",
            question: .howWell,
            unit: .percentage,
            polarity: polarity,
            targets: [
                TargetStep(from: try! ReportingPeriod(parsing: "2025-01"), value: 80),
                TargetStep(from: try! ReportingPeriod(parsing: "2025-05"), value: 85),
            ],
            tolerance: 0.1,
            source: "test",
            submissionLagDays: 20
        )
    }

    func series(_ values: [Double?]) -> ObservationSeries {
        ObservationSeries(
            measure: "timely",
            scope: .partnership,
            points: values.enumerated().map {
                SeriesPoint(period: try! ReportingPeriod.month($0 + 1, of: 2025), value: $1)
            }
        )
    }

    /// Values for January to April 2025 of 70, 74, 76 and 77.
    ///
    /// On 25 May the April data (due 20 May) is in.
    @Test func columnsAsClearImpactDefinesThem() throws {
        let catalogue = try MeasureCatalogue([definition()])
        let card = Scorecard(catalogue: catalogue, series: [series([70, 74, 76, 77])], on: .fixture("2025-05-25"))
        let row = try #require(card.rows.first)
        #expect(row.current?.value == 77)
        #expect(row.prior?.value == 76)
        #expect(row.target == 80)
        #expect(row.varianceFromTarget == -3)
        #expect(row.nextTarget == 85)
        // (77 − 70) / 70 = 10%.
        #expect(abs((row.baselinePercentChange ?? 0) - 10) < 1e-12)
        #expect(row.trend == .up)
        #expect(row.trendPeriods == 3)
        // Within 10% of 80 (72 and above) is amber.
        #expect(row.rag == .amber)
        #expect(row.expectedPeriod.description == "2025-04")
        #expect(row.isFresh)
    }

    @Test func ragBandsAndStaleness() throws {
        #expect(Scorecard.rag(value: 71.9, target: 80, polarity: .higherIsBetter, tolerance: 0.1) == .red)
        #expect(Scorecard.rag(value: 72, target: 80, polarity: .higherIsBetter, tolerance: 0.1) == .amber)
        #expect(Scorecard.rag(value: 80, target: 80, polarity: .higherIsBetter, tolerance: 0.1) == .green)
        #expect(Scorecard.rag(value: 22, target: 20, polarity: .lowerIsBetter, tolerance: 0.1) == .amber)
        #expect(Scorecard.rag(value: 22.1, target: 20, polarity: .lowerIsBetter, tolerance: 0.1) == .red)
        #expect(Scorecard.rag(value: 5, target: 20, polarity: .neither, tolerance: 0.1) == nil)
        // On 21 June the May data (due 20 June) has not arrived.
        let card = Scorecard(
            catalogue: try MeasureCatalogue([definition()]),
            series: [series([70, 74, 76, 77])],
            on: .fixture("2025-06-21")
        )
        #expect(card.rows.first?.isFresh == false)
        #expect(card.rows.first?.expectedPeriod.description == "2025-05")
    }

    @Test func aFlatStepEndsATrend() throws {
        let card = Scorecard(
            catalogue: try MeasureCatalogue([definition()]),
            series: [series([80, 75, 75, 70])],
            on: .fixture("2025-05-25")
        )
        #expect(card.rows.first?.trend == .down)
        #expect(card.rows.first?.trendPeriods == 1)
    }
}

struct ObservationImportTests {
    let agencies: Set<Agency.ID> = ["police", "school-north"]
    let localities: Set<Locality.ID> = ["north", "south"]

    func read(_ text: String) throws -> ObservationImport {
        try ObservationImport(
            csv: Data(text.utf8),
            source: "m.csv",
            catalogue: .starter,
            agencies: agencies,
            localities: localities,
            today: .fixture("2025-06-30")
        )
    }

    @Test func readsAGoodFile() throws {
        let parsed = try read(
            """
            measure,scope,period,value,numerator,denominator,status
            mash-contact-conversion,north,2025-05,40,160,400,
            mash-contact-conversion,north,2025-04,38.5,154,400,provisional
            mash-contacts,agency:police,2025-04,212,,,
            s47-rate,partnership,FY2024-25-Q4,,,,c
            """
        )
        #expect(parsed.rows == 4)
        #expect(
            parsed.series.map { "\($0.measure) \($0.scope)" } == [
                "mash-contact-conversion locality:north", "mash-contacts agency:police", "s47-rate partnership",
            ]
        )
        #expect(parsed.series[0].points.map(\.period.description) == ["2025-04", "2025-05"])
        #expect(parsed.series[0].points[0].status == .provisional)
        #expect(parsed.series[2].points[0].status == .symbol(.c))
        #expect(parsed.series[2].points[0].value == nil)
    }

    @Test(arguments: [
        (
            "measure,scope,period,value\nnot-a-measure,north,2025-04,1\n",
            "m.csv:2: column measure: \"not-a-measure\" is not a measure in the catalogue"
        ),
        (
            "measure,scope,period,value\nmash-contacts,east,2025-04,1\n",
            "m.csv:2: column scope: \"east\" is not partnership or a known agency or locality"
        ),
        (
            "measure,scope,period,value\nconference-attendance,partnership,2025-04,90\n",
            "m.csv:2: column scope: \"partnership\" is the partnership; measure conference-attendance is reported for agency"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-Q1,1\n",
            "m.csv:2: column period: \"2025-Q1\" does not match measure mash-contacts, which is reported each month"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-4,1\n",
            "m.csv:2: column period: \"2025-4\" is not a reporting period; expected a month (2025-04), a quarter (FY2025-26-Q1 or 2025-Q1) or a year"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2031-01,1\n",
            "m.csv:2: column period: \"2031-01\" has not begun on 2025-06-30; a future period cannot have data"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-04,-3\n",
            "m.csv:2: column value: \"-3\" is negative; measure mash-contacts cannot be"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-04,3.5\n",
            "m.csv:2: column value: \"3.5\" is not a whole number; measure mash-contacts is a count"
        ),
        (
            "measure,scope,period,value\nmash-contact-conversion,north,2025-04,101\n",
            "m.csv:2: column value: \"101\" is above 100; measure mash-contact-conversion is a percentage"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-04,\"1,204\"\n",
            "m.csv:2: column value: \"1,204\" is not a number; expected a plain decimal such as 12 or 45.5 (no thousands separators, NaN or infinity)"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-04,NaN\n",
            "m.csv:2: column value: \"NaN\" is not a number; expected a plain decimal such as 12 or 45.5 (no thousands separators, NaN or infinity)"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-04,\n",
            "m.csv:2: column value: \"\" is empty; expected a number, or a symbol in the status column"
        ),
        (
            "measure,scope,period,value,status\nmash-contacts,north,2025-04,4,c\n",
            "m.csv:2: column value: \"4\" is given with the symbol c; a symbol stands in place of the value"
        ),
        (
            "measure,scope,period,value,status\nmash-contacts,north,2025-04,4,final\n",
            "m.csv:2: column status: \"final\" is not a status; expected actual, provisional, c, x, z, u or low"
        ),
        (
            "measure,scope,period,value,numerator,denominator\nmash-contact-conversion,north,2025-04,45,12,30\n",
            "m.csv:2: column value: \"45\" does not agree with numerator / denominator (12 / 30 = 40%)"
        ),
        (
            "measure,scope,period,value,numerator,denominator\nmash-contact-conversion,north,2025-04,45,-1,30\n",
            "m.csv:2: column numerator: \"-1\" is negative; a count cannot be"
        ),
        (
            "measure,scope,period,value\nmash-contacts,north,2025-04,1\nmash-contacts,north,2025-04,2\n",
            "m.csv:3: mash-contacts for locality:north in 2025-04 is given twice (first on line 2)"
        ),
        (
            "measure,scope,period\nmash-contacts,north,2025-04\n",
            "m.csv:1: the header has no column \"value\"; found measure,scope,period"
        ),
        (
            "measure,scope,period,value,comment\nmash-contacts,north,2025-04,1,x\n",
            "m.csv:1: the header has an unknown column \"comment\"; expected measure, scope, period, value and optionally numerator, denominator, status"
        ),
        (
            "measure,scope,period,value\nmash-contacts,agency:nobody,2025-04,1\n",
            "m.csv:2: column scope: \"agency:nobody\" names an agency the partnership does not have"
        ),
    ])
    func badRowsAreRefusedNamingLineAndColumn(_ text: String, _ message: String) {
        #expect(throws: DomainError(.invalidInput, message)) { try read(text) }
    }
}
