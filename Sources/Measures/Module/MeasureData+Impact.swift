public import Domain
import Foundation

extension MeasureData {
    /// Records a measure's sustained improvement as evidence of impact on a recommendation, in the one
    /// action tracker, with the series as its source.
    ///
    /// Improvement is sustained when the series' latest observed point is special-cause improvement
    /// by a run of points, not by one point beyond a limit: a shift of points on the better side of
    /// the mean shows the process has moved, and is judged `embedded`; a trend of points moving the
    /// better way is judged `progressing`. Making Data Count's rules, as the package's SPC engine
    /// applies them, decide both.
    ///
    /// - Parameters:
    ///   - recommendation: The recommendation the improvement bears on.
    ///   - measure: The measure.
    ///   - scope: The series' scope.
    ///   - actions: The recommendation's actions the improvement bears on.
    ///   - principal: Who records it.
    /// - Returns: The impact record.
    /// - Throws: `DomainError.Code.invalidInput` when the series' latest point is not special-cause
    ///   improvement by a shift or a trend; `DomainError.Code.notFound` for an unknown measure,
    ///   series or recommendation.
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
        let judgement: ImpactRecord.Judgement
        switch (point.pointType, point.rule) {
        case (.improvement, .shift?): judgement = .embedded
        case (.improvement, .trend?): judgement = .progressing
        default:
            let shows = point.rule.map { "\($0.label), \(point.pointType.rawValue)" } ?? point.pointType.rawValue
            throw DomainError(
                .invalidInput,
                "\(measure) for \(scope) at \(period) shows \(shows); sustained improvement needs special-cause improvement by a shift or a trend"
            )
        }
        let reference = RecordReference(type: .observationSeries, id: series.changeLogID)
        let value = point.value.map(NumberText.shortest) ?? ""
        let summary =
            "\(measure) for \(scope): special-cause improvement (\(point.rule?.label ?? "")) holding at \(period), latest value \(value)."
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
