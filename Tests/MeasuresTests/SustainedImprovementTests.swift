import AssuranceTesting
import Domain
import Foundation
import Measures
import Testing

/// A measure's sustained improvement as evidence of impact in the one chain.
struct SustainedImprovementTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    /// Re-referrals (lower is better) monthly from January 2024: the values given.
    func reReferrals(_ values: [Double]) -> ObservationSeries {
        ObservationSeries(
            measure: "re-referrals-12m",
            scope: .partnership,
            points: values.enumerated().map {
                SeriesPoint(period: try! ReportingPeriod.month(1, of: 2024).advanced(by: $0), value: $1)
            }
        )
    }

    func setUp(_ store: InMemoryStore, _ values: [Double]) async throws -> (MeasureData, Recommendation) {
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-10-01")), ids: ids)
        let data = MeasureData(environment: environment)
        try await data.append([reReferrals(values)], by: qaLead)
        let recommendation = Recommendation(
            id: "rec-rereferrals",
            source: .init(.measure, title: "Signal: re-referrals"),
            text: "Step down only with a multi-agency plan.",
            themes: [.thresholds],
            raisedOn: .fixture("2024-12-01")
        )
        try await ActionTracker(environment: environment).raise(recommendation, by: qaLead)
        return (data, recommendation)
    }

    @Test func aShiftToTheBetterSideOfTheMeanIsImpactEmbedded() async throws {
        let store = InMemoryStore()
        // A year around 25%, then eight months around 18.5%: the last eight points below the mean.
        let (data, recommendation) = try await setUp(
            store,
            [24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 18, 19, 18, 19, 18, 19, 18, 19]
        )
        let chart = try await data.chart("re-referrals-12m", scope: .partnership, as: qaLead)
        // Every one of the last eight points is special-cause improvement, by whichever rule labels it.
        #expect(chart.points.suffix(8).allSatisfy { $0.pointType == .improvement })
        #expect(chart.points.dropLast(8).last?.pointType != .improvement)
        let impact = try await data.recordSustainedImprovement(
            of: recommendation.id,
            measure: "re-referrals-12m",
            scope: .partnership,
            by: qaLead
        )
        #expect(impact.judgement == .embedded)
        let series = RecordReference(type: .observationSeries, id: "re-referrals-12m:partnership")
        #expect(impact.source == series)
        #expect(
            impact.evidence == [
                ImpactRecord.Evidence(
                    kind: .sustainedImprovement,
                    summary:
                        "re-referrals-12m for partnership: special-cause improvement for 8 periods to Aug 2025, latest value 19.",
                    reference: series
                )
            ]
        )
        let closed = try await ActionTracker(environment: data.environment).closeRecommendation(
            recommendation.id,
            by: qaLead
        )
        #expect(closed.status == .closed)
    }

    @Test func aRunShorterThanAShiftIsNotYetSustained() async throws {
        let store = InMemoryStore()
        // Fourteen months around 25%, then three low ones: special cause, but not yet held.
        let (data, recommendation) = try await setUp(
            store,
            [24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 12, 12, 12]
        )
        let chart = try await data.chart("re-referrals-12m", scope: .partnership, as: qaLead)
        let run = chart.points.reversed().prefix { $0.pointType == .improvement }.count
        #expect(run == 3)
        await #expect(throws: DomainError.self) {
            try await data.recordSustainedImprovement(
                of: recommendation.id,
                measure: "re-referrals-12m",
                scope: .partnership,
                by: qaLead
            )
        }
    }

    @Test func commonCauseVariationIsNotSustainedImprovement() async throws {
        let store = InMemoryStore()
        let (data, recommendation) = try await setUp(store, [24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 24, 26])
        await #expect(
            throws: DomainError(
                .invalidInput,
                "re-referrals-12m for partnership at Dec 2024 shows common_cause, a run of 0 improving; sustained improvement needs a run of 7 or a trend"
            )
        ) {
            try await data.recordSustainedImprovement(
                of: recommendation.id,
                measure: "re-referrals-12m",
                scope: .partnership,
                by: qaLead
            )
        }
        await #expect(throws: DomainError(.notFound, "there is no data for re-referrals-12m for locality:north")) {
            try await data.recordSustainedImprovement(
                of: recommendation.id,
                measure: "re-referrals-12m",
                scope: .locality("north"),
                by: qaLead
            )
        }
        #expect(try await Records(store: store).all(ImpactRecord.self, as: qaLead).isEmpty)
    }
}
