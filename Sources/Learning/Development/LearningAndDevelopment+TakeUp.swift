public import Domain

extension LearningAndDevelopment {
    /// The id the starter catalogue gives the measure the programme's attendance computes, the share
    /// of places committed to that were attended: a partnership's catalogue may give it another,
    /// found by its role (`MeasureRole.trainingTakeUp`).
    public static let takeUpMeasure: MeasureID = "training-take-up"

    /// The take-up of the partnership's multi-agency places (every offer but single-agency courses),
    /// by financial quarter: attended over committed, as a percentage with its numerator and
    /// denominator, for the partnership and for each agency, from the sessions held whose attendance
    /// is recorded.
    public static func takeUp(
        courses: [Course],
        sessions: [CourseSession],
        attendance: [Attendance],
        as measure: MeasureID = takeUpMeasure
    ) -> [ObservationSeries] {
        let multiAgency = Set(courses.filter { $0.kind != .singleAgencyCourse }.map(\.id))
        let held = Set(sessions.filter { !$0.isCancelled && multiAgency.contains($0.course) }.map(\.id))
        var totals: [SeriesScope: [ReportingPeriod: (attended: Int, committed: Int)]] = [:]
        for record in attendance where held.contains(record.session) {
            guard let attended = record.attended else { continue }
            let quarter = ReportingPeriod.containing(record.day, kind: .quarter, basis: .financial)
            for scope in [SeriesScope.partnership, .agency(record.agency)] {
                let sum = totals[scope, default: [:]][quarter, default: (0, 0)]
                totals[scope, default: [:]][quarter] = (sum.attended + attended, sum.committed + record.committed)
            }
        }
        return totals.keys.sorted().map { scope in
            let quarters = totals[scope] ?? [:]
            return ObservationSeries(
                measure: measure,
                scope: scope,
                points: quarters.keys.sorted().map { quarter in
                    let sum = quarters[quarter]!
                    return SeriesPoint(
                        period: quarter,
                        value: sum.committed == 0 ? nil : Double(sum.attended) / Double(sum.committed) * 100,
                        numerator: Double(sum.attended),
                        denominator: Double(sum.committed)
                    )
                }
            )
        }
    }

    /// Writes the take-up measure from the attendance recorded, replacing the values of the
    /// quarters it covers: the measure is computed, not entered by hand.
    ///
    /// The measure is the one the partnership's catalogue gives the role
    /// `MeasureRole.trainingTakeUp`:
    ///
    /// ```swift
    /// if let measure = framework.measures(playing: .trainingTakeUp).first {
    ///     try await development.publishTakeUp(as: measure, by: lead)
    /// }
    /// ```
    ///
    /// - Returns: The series written.
    /// - Throws: `DomainError.Code.accessDenied` unless the principal may write measure data.
    @discardableResult
    public func publishTakeUp(
        as measure: MeasureID = takeUpMeasure,
        by principal: Principal
    ) async throws -> [ObservationSeries] {
        let series = Self.takeUp(
            courses: try await records.all(Course.self, as: .system).map(\.value),
            sessions: try await records.all(CourseSession.self, as: .system).map(\.value),
            attendance: try await records.all(Attendance.self, as: .system).map(\.value),
            as: measure
        )
        guard !series.isEmpty else { return [] }
        try await records.append(series, mode: .replaceExisting, by: principal)
        return series
    }
}
