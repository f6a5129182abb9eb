import AssuranceTesting
import Domain
import Foundation
import Measures
import Testing

struct MeasuresModuleTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    /// A conversion rate steady around 40% for 18 months, then a fall to 25–27% for 7 months
    /// (April 2024 to October 2025 steady; from November 2025 low).
    func conversion(fallFrom: Int = 19, months: Int = 25) -> ObservationSeries {
        let steady: [Double] = [40, 41, 39, 40, 42, 40, 39, 41, 40, 40, 41, 39, 40, 42, 40, 39, 41, 40]
        let low: [Double] = [26, 25, 27, 26, 25, 26, 27]
        let values = Array((steady + low).prefix(months))
        return ObservationSeries(
            measure: "mash-contact-conversion",
            scope: .locality("north"),
            points: values.enumerated().map {
                SeriesPoint(period: try! ReportingPeriod.month(1, of: 2024).advanced(by: $0), value: $1)
            }
        )
    }

    func setUp(_ store: InMemoryStore, series: [ObservationSeries], day: Day) async throws -> AssuranceFramework {
        let scenario = PartnershipScenario.small(from: .fixture("2023-04-01"), months: 1)
        try await scenario.save(into: Records(store: store))
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        try await MeasureData(environment: environment).append(series, by: qaLead)
        return try AssuranceFramework(modules: [MeasuresModule()], environment: environment, escalation: .never)
    }

    @Test func aPlantedFallRaisesASignalAndAnUnexplainedFinding() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2026-02-21")
        let framework = try await setUp(store, series: [conversion()], day: day)
        let outcome = try await framework.runCycle(on: day, by: qaLead)
        let signal = try #require(outcome.signalsRaised.first { $0.kind == .specialCauseConcern })
        #expect(signal.measure == "mash-contact-conversion")
        #expect(signal.scope == .locality("north"))
        // The seven low months (July 2025 – January 2026) are a shift below the mean: concern.
        #expect(signal.firstPeriod.description == "2025-07")
        #expect(signal.latestPeriod.description == "2026-01")
        #expect(signal.periodsStanding == 7)
        let unexplained = try #require(outcome.raised.first { $0.rule == "measures.unexplained-special-cause" })
        #expect(unexplained.level == .subGroup)
        #expect(unexplained.message.hasSuffix("No explanation is recorded."))
    }

    @Test func anExplanationAnswersTheSignalAndTheFindingResolves() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2026-02-21")
        let framework = try await setUp(store, series: [conversion()], day: day)
        let first = try await framework.runCycle(on: day, by: qaLead)
        let signal = try #require(first.signalsRaised.first { $0.kind == .specialCauseConcern })
        let measures = MeasureData(environment: framework.environment)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "the explanation of signal \(signal.id) is empty; say what lies behind the data"
            )
        ) {
            try await measures.explain(signal.id, "  ", by: qaLead)
        }
        try await measures.explain(signal.id, "A new MASH screening tool diverts contacts to early help.", by: qaLead)
        let second = try await framework.runCycle(on: day, by: qaLead)
        #expect(second.resolved.map(\.rule) == ["measures.unexplained-special-cause"])
    }

    @Test func dataNotSubmittedFiresAtTheDueDayAndClearsWhenItArrives() async throws {
        let store = InMemoryStore()
        // Data to December 2025; January's is due on 20 February 2026.
        let series = conversion(months: 24)
        let framework = try await setUp(store, series: [series], day: .fixture("2026-02-20"))
        let before = try await framework.runCycle(on: .fixture("2026-02-20"), by: qaLead)
        #expect(!before.raised.contains { $0.rule == "measures.data-not-submitted" })
        let late = try await framework.runCycle(on: .fixture("2026-02-21"), by: qaLead)
        let finding = try #require(late.raised.first { $0.rule == "measures.data-not-submitted" })
        #expect(
            finding.message
                == "Contacts converted to referrals — North for Jan 2026 was due by 2026-02-20 and has not been submitted; the latest is Dec 2025."
        )
        #expect(finding.level == .subGroup)
        #expect(late.signalsRaised.contains { $0.kind == .staleData })
        try await MeasureData(environment: framework.environment).append(
            [
                ObservationSeries(
                    measure: series.measure,
                    scope: series.scope,
                    points: [SeriesPoint(period: try ReportingPeriod(parsing: "2026-01"), value: 27)]
                )
            ],
            by: qaLead
        )
        let after = try await framework.runCycle(on: .fixture("2026-02-21"), by: qaLead)
        #expect(after.resolved.contains { $0.rule == "measures.data-not-submitted" })
        #expect(after.signalsCleared.contains { $0.kind == .staleData })
    }

    @Test func offTargetForThreePeriodsIsAnEmergingRiskAndForSixADecision() async throws {
        var catalogue = MeasureCatalogue.starter.definitions
        let index = try #require(catalogue.firstIndex { $0.id == "re-referrals-12m" })
        catalogue[index].targets = [TargetStep(from: try ReportingPeriod(parsing: "2025-01"), value: 20)]
        let values: [Double] = [19, 20, 18, 19, 25, 26, 24, 25, 26, 27]
        let series = ObservationSeries(
            measure: "re-referrals-12m",
            scope: .partnership,
            points: values.enumerated().map {
                SeriesPoint(period: try! ReportingPeriod.month(1, of: 2025).advanced(by: $0), value: $1)
            }
        )
        let store = InMemoryStore()
        let day = Day.fixture("2025-11-21")
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        try await PartnershipScenario.small(from: .fixture("2023-04-01"), months: 1).save(into: environment.records)
        let data = MeasureData(environment: environment)
        try await data.saveCatalogue(try MeasureCatalogue(catalogue), by: qaLead)
        try await data.append([series], by: qaLead)
        let framework = try AssuranceFramework(
            modules: [MeasuresModule()],
            environment: environment,
            escalation: .never
        )
        let outcome = try await framework.runCycle(on: day, by: qaLead)
        // 25, 26, 24, 25, 26, 27 are all above 22 (20 + 10%): six red periods in a row.
        let finding = try #require(outcome.raised.first { $0.rule == "measures.off-target" })
        #expect(finding.severity == .decisionRequired)
        #expect(finding.level == .executive)
        #expect(
            finding.message
                == "Re-referrals within 12 months has been red against its target of 20% for 6 periods; it was 27% in Oct 2025."
        )
        #expect(outcome.signalsRaised.contains { $0.kind == .redRun && $0.periodsStanding == 6 })
    }

    @Test func betterOffMeasuresWithoutDataAreAnAreaForImprovement() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2026-02-21")
        let framework = try await setUp(store, series: [conversion()], day: day)
        let outcome = try await framework.runCycle(on: day, by: qaLead)
        let missing = outcome.raised.filter { $0.rule == "measures.better-off-without-data" }.map(\.key).sorted()
        #expect(missing.count == MeasureCatalogue.starter.definitions.filter { $0.question == .betterOff }.count)
        #expect(missing.contains("measures.better-off-without-data|children-feel-safer"))
    }

    @Test func specialCauseImprovementIsGoodPractice() async throws {
        let improving = ObservationSeries(
            measure: "assessments-within-45wd",
            scope: .partnership,
            points: [70, 71, 69, 70, 72, 70, 71, 78, 79, 80, 81, 82, 83, 84].enumerated().map {
                SeriesPoint(period: try! ReportingPeriod.month(1, of: 2025).advanced(by: $0), value: $1)
            }
        )
        let store = InMemoryStore()
        let day = Day.fixture("2026-03-21")
        let framework = try await setUp(store, series: [improving], day: day)
        let outcome = try await framework.runCycle(on: day, by: qaLead)
        let good = try #require(outcome.raised.first { $0.rule == "measures.special-cause-improvement" })
        #expect(good.severity == .goodPractice)
    }

    @Test func anAgencyLeadMayImportOnlyTheirOwnAgencysData() async throws {
        let store = InMemoryStore()
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-06-30")), ids: ids)
        try await PartnershipScenario.small(from: .fixture("2025-01-01"), months: 1).save(into: environment.records)
        let data = MeasureData(environment: environment)
        let csv = "measure,scope,period,value\nmash-contacts,police,2025-04,20\nmash-contacts,school-north,2025-04,9\n"
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"police-lead\" (agency lead for police) may not create domain.observation-series/mash-contacts:agency:school-north (agency school-north)"
            )
        ) {
            try await data.importObservations(csv: Data(csv.utf8), source: "m.csv", by: PartnershipScenario.policeLead)
        }
        #expect(try await store.observationSeries(matching: .all).isEmpty)
        let own = "measure,scope,period,value\nmash-contacts,police,2025-04,20\n"
        let summary = try await data.importObservations(
            csv: Data(own.utf8),
            source: "m.csv",
            by: PartnershipScenario.policeLead
        )
        #expect(summary.inserted == 1)
        // Importing it again is refused, and replacing is explicit.
        await #expect(
            throws: DomainError(
                .duplicate,
                "observation of mash-contacts for agency:police in 2025-04 is already held; append with replaceExisting to replace it"
            )
        ) {
            try await data.importObservations(csv: Data(own.utf8), source: "m.csv", by: PartnershipScenario.policeLead)
        }
        let replaced = try await data.importObservations(
            csv: Data(own.utf8),
            source: "m.csv",
            mode: .replaceExisting,
            by: PartnershipScenario.policeLead
        )
        #expect(replaced.replaced == 1)
    }

    @Test func aRebaseStartsANewPhaseAndNeedsAReason() async throws {
        let store = InMemoryStore()
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2026-02-21")), ids: ids)
        try await PartnershipScenario.small(from: .fixture("2023-04-01"), months: 1).save(into: environment.records)
        let data = MeasureData(environment: environment)
        try await data.append([conversion()], by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "a rebase of mash-contact-conversion for locality:north needs a reason: the process change it marks"
            )
        ) {
            try await data.rebase(
                "mash-contact-conversion",
                scope: .locality("north"),
                at: try ReportingPeriod(parsing: "2025-07"),
                reason: "",
                by: qaLead
            )
        }
        try await data.rebase(
            "mash-contact-conversion",
            scope: .locality("north"),
            at: try ReportingPeriod(parsing: "2025-07"),
            reason: "New screening tool from July 2025",
            by: qaLead
        )
        let chart = try await data.chart("mash-contact-conversion", scope: .locality("north"), as: qaLead)
        #expect(chart.phases.count == 2)
        let lowMonths: [Double] = [26, 25, 27, 26, 25, 26, 27]
        let expectedMean = lowMonths.reduce(0, +) / 7
        #expect(chart.phases[1].mean == expectedMean)
    }

    @Test func reportSectionsIncludeTheScorecardAndChartsByLocality() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2026-02-21")
        let framework = try await setUp(store, series: [conversion()], day: day)
        let sections = try await framework.reportSections(
            for: ReportRequest(
                kind: .practiceDevelopmentAssurance,
                period: try ReportingPeriod(parsing: "FY2025-26-Q3"),
                audience: .internal,
                day: day
            ),
            in: framework.makeView()
        )
        let ids = sections.filter { $0.module == "Measures" }.map(\.id)
        #expect(ids == ["measures.scorecard", "measures.exceptions"])
        // The Executive reads exceptions first: the planted fall, charted with why it is there.
        let exceptions = try #require(sections.first { $0.id == "measures.exceptions" })
        let grids = exceptions.blocks.compactMap { block -> SmallMultiples? in
            if case .smallMultiples(let grid) = block { return grid }
            return nil
        }
        #expect(grids.flatMap(\.charts).map(\.title) == ["Contacts converted to referrals — North"])
        #expect(grids.first?.charts.first?.points.last?.pointType == .concern)
        let why = exceptions.blocks.compactMap { block -> TableBlock? in
            if case .table(let table) = block { return table }
            return nil
        }.first
        #expect(why?.rows.first?[1] == .text("special-cause concern (below the lower process limit)"))

        // The data pack charts every series, by locality.
        let pack = try await framework.reportSections(
            for: ReportRequest(
                kind: .dataPack,
                period: try ReportingPeriod(parsing: "FY2025-26-Q3"),
                audience: .internal,
                day: day
            ),
            in: framework.makeView()
        )
        let spc = try #require(pack.first { $0.id == "measures.spc" })
        guard case .smallMultiples(let grid) = spc.blocks.last else {
            Issue.record("expected small multiples")
            return
        }
        #expect(grid.title == "Contacts converted to referrals by locality")
        #expect(grid.charts.first?.title == "Contacts converted to referrals — North")
    }

    @Test func aShortSeriesIsARunChartAndLimitsStayWithinTheUnitsBounds() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2026-02-21")
        // Eleven months: too few for process limits.
        let short = ObservationSeries(
            measure: "mash-contact-conversion",
            scope: .locality("south"),
            points: [40, 41, 39, 40, 42, 40, 39, 41, 40, 40, 2].enumerated().map {
                SeriesPoint(period: try! ReportingPeriod.month(3, of: 2025).advanced(by: $0), value: $1)
            }
        )
        let framework = try await setUp(store, series: [conversion(), short], day: day)
        let sections = try await framework.reportSections(
            for: ReportRequest(
                kind: .dataPack,
                period: try ReportingPeriod(parsing: "FY2025-26-Q3"),
                audience: .internal,
                day: day
            ),
            in: framework.makeView()
        )
        let charts = sections.flatMap(\.blocks).flatMap { block -> [SPCChart] in
            if case .smallMultiples(let grid) = block { return grid.charts }
            return []
        }
        let run = try #require(charts.first { $0.title == "Contacts converted to referrals — South" })
        #expect(run.isRunChart)
        #expect(run.points.allSatisfy { $0.lowerLimit == nil && $0.upperLimit == nil && $0.pointType == .commonCause })
        #expect(run.variationIcon == nil && run.assuranceIcon == nil)
        let north = try #require(charts.first { $0.title == "Contacts converted to referrals — North" })
        #expect(!north.isRunChart)
        // A percentage's limits are clamped to 0–100; the SPC engine's own limits are not.
        #expect(north.points.allSatisfy { ($0.lowerLimit ?? 0) >= 0 && ($0.upperLimit ?? 100) <= 100 })
        #expect(MeasureUnit.percentage.bounds == 0...100)
        #expect(MeasureUnit.count.bounds.lowerBound == 0)
    }
}
