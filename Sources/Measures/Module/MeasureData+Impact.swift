public import Domain
import Foundation

extension MeasureData {
    /// Records a measure's sustained improvement as evidence of impact on a recommendation, in the one
    /// action tracker, with the series as its source.
    ///
    /// Improvement is sustained when the series' latest observed points are special-cause improvement
    /// for a run at least as long as a shift (`spc.shiftLength`, seven in the reference's rules):
    /// the process has moved, and the change is judged `embedded`. A shorter run whose latest point is
    /// part of a trend moving the better way is judged `progressing`. One point beyond a limit, or a
    /// run shorter than a shift and not a trend, is not sustained.
    ///
    /// - Parameters:
    ///   - recommendation: The recommendation the improvement bears on.
    ///   - measure: The measure.
    ///   - scope: The series' scope.
    ///   - actions: The recommendation's actions the improvement bears on.
    ///   - principal: Who records it.
    /// - Returns: The impact record.
    /// - Throws: `DomainError.Code.invalidInput` when the series' latest points are not sustained
    ///   special-cause improvement; `DomainError.Code.notFound` for an unknown measure, series or
    ///   recommendation.
    @discardableResult
    public func recordSustainedImprovement(
        of recommendation: Recommendation.ID,
        measure: MeasureID,
        scope: SeriesScope,
        actions: [TrackedAction.ID] = [],
        by principal: Principal
    ) async throws -> ImpactRecord {
        let chart = try await chart(measure, scope: scope, as: principal)
        guard
            let series = try await series(ObservationQuery(measures: [measure], scopes: [scope]), as: principal).first,
            let index = chart.points.lastIndex(where: { $0.value != nil }), index < series.points.count
        else {
            throw DomainError(.notFound, "there is no data for \(measure) for \(scope)")
        }
        let point = chart.points[index]
        let period = series.points[index].period
        // The run of special-cause improvement the latest observed point ends, gaps skipped.
        var run = 0
        for candidate in chart.points[...index].reversed() where candidate.value != nil {
            guard candidate.pointType == .improvement else { break }
            run += 1
        }
        let judgement: ImpactRecord.Judgement
        if run >= spc.shiftLength {
            judgement = .embedded
        } else if run > 0, case .trend? = point.rule {
            judgement = .progressing
        } else {
            let shows = point.rule.map { "\($0.label), \(point.pointType.rawValue)" } ?? point.pointType.rawValue
            throw DomainError(
                .invalidInput,
                "\(measure) for \(scope) at \(period.label) shows \(shows), a run of \(run) improving; sustained improvement needs a run of \(spc.shiftLength) or a trend"
            )
        }
        let reference = RecordReference(type: .observationSeries, id: series.changeLogID)
        let value = point.value.map(NumberText.shortest) ?? ""
        let summary =
            "\(measure) for \(scope): special-cause improvement for \(run) periods to \(period.label), latest value \(value)."
        return try await ActionTracker(environment: environment).recordImpact(
            of: recommendation,
            judgement: judgement,
            evidence: [ImpactRecord.Evidence(kind: .sustainedImprovement, summary: summary, reference: reference)],
            source: reference,
            actions: actions,
            by: principal
        )
    }
}
