public import Domain

/// A check that an agency's data bears out its rating of a standard: rated green, the measure's
/// latest value should meet the threshold.
public struct ContributionCheck: Hashable, Sendable, Codable {
    /// The standard's code.
    public var standard: StandardCode
    /// The agency-level measure that evidences it.
    public var measure: MeasureID
    /// The value the measure should reach (or not exceed, when lower is better).
    public var threshold: Double
    /// Whether higher values are better.
    public var higherIsBetter: Bool
    /// What the measure shows, for messages.
    public var description: String
    /// The unit the measure's values are in, written after a value (`%`, ` days`); `nil` for none.
    public var unit: String?

    /// Creates a check.
    public init(
        standard: StandardCode,
        measure: MeasureID,
        threshold: Double,
        higherIsBetter: Bool = true,
        description: String,
        unit: String? = nil
    ) {
        self.standard = standard
        self.measure = measure
        self.threshold = threshold
        self.higherIsBetter = higherIsBetter
        self.description = description
        self.unit = unit
    }

    /// A value of the measure with its unit, such as `60%`.
    public func text(_ value: Double) -> String { NumberText.shortest((value * 10).rounded() / 10) + (unit ?? "") }

    /// The checks the framework's triangulation suggests for the eight classic standards.
    public static let classic: [ContributionCheck] = [
        ContributionCheck(
            standard: "7",
            measure: "conference-attendance",
            threshold: 75,
            description: "attendance at child protection conferences",
            unit: "%"
        ),
        ContributionCheck(
            standard: "8",
            measure: "conference-reports-shared",
            threshold: 70,
            description: "reports shared before conferences",
            unit: "%"
        ),
        ContributionCheck(
            standard: "5",
            measure: "training-take-up",
            threshold: 70,
            description: "multi-agency training places taken up",
            unit: "%"
        ),
        ContributionCheck(
            standard: "5",
            measure: "supervision-in-timescale",
            threshold: 80,
            description: "practitioners supervised within timescale",
            unit: "%"
        ),
        ContributionCheck(
            standard: "6",
            measure: "lado-referrals-within-1wd",
            threshold: 80,
            description: "LADO referrals within 1 working day",
            unit: "%"
        ),
    ]
}

/// An agency's contribution side by side: its Section 11 ratings and the data about it, with the
/// places they disagree.
public struct AgencyContribution: Hashable, Sendable {
    /// A rating the data contradicts.
    public struct Contradiction: Hashable, Sendable {
        /// The standard rated green.
        public var standard: StandardCode
        /// What evidences it: a measure's id, or `meetings` for attendance at partnership meetings.
        public var source: String
        /// The evidence that disagrees.
        public var evidence: String
    }

    /// The agency.
    public var agency: Agency.ID
    /// Each standard's rating: the worst standing rating of its criteria.
    public var ratings: [StandardCode: RAG]
    /// The latest value of each measure about the agency.
    public var data: [MeasureID: SeriesPoint]
    /// Partnership meetings the agency was invited to in the period.
    public var meetingsInvited: Int
    /// Partnership meetings it attended.
    public var meetingsAttended: Int
    /// Where its ratings and its data disagree.
    public var contradictions: [Contradiction]

    /// Puts each agency's ratings beside its data and its attendance at partnership meetings.
    ///
    /// The data arrives as Domain values: observation series with agency scope, and meetings. A
    /// standard rated green contradicts a check whose measure misses its threshold, and the standard
    /// that attendance evidences (`attendanceStandard`: the classic set's inter-agency working
    /// standard, `7`, unless the partnership maps it elsewhere, or `nil` for none) rated green
    /// contradicts attendance below `attendanceThreshold` at the partnership's meetings in `period`.
    public static func profiles(
        set: StandardSet,
        assessments: [SelfAssessment],
        series: [ObservationSeries],
        meetings: [Meeting],
        period: ReportingPeriod,
        checks: [ContributionCheck] = ContributionCheck.classic,
        attendanceStandard: StandardCode? = "7",
        attendanceThreshold: Double = 0.75
    ) -> [AgencyContribution] {
        profiles(
            set: set,
            assessments: assessments,
            series: series,
            attendance: MeetingAttendance(meetings, in: period),
            period: period,
            checks: checks,
            attendanceStandard: attendanceStandard,
            attendanceThreshold: attendanceThreshold
        )
    }

    /// Each returned assessment's contribution, with attendance counted once beforehand: for
    /// analyses of many cycles over the same meetings, which need not count them again for each.
    public static func profiles(
        set: StandardSet,
        assessments: [SelfAssessment],
        series: [ObservationSeries],
        attendance: MeetingAttendance,
        period: ReportingPeriod,
        checks: [ContributionCheck] = ContributionCheck.classic,
        attendanceStandard: StandardCode? = "7",
        attendanceThreshold: Double = 0.75
    ) -> [AgencyContribution] {
        let positions = SetPositions(set)
        let levelRag = positions.levels.map(\.rag)
        var latest: [Agency.ID: [MeasureID: SeriesPoint]] = [:]
        for held in series {
            guard let agency = held.scope.agency,
                let point = held.points.last(where: { $0.value != nil && $0.period.lastDay <= period.lastDay })
            else { continue }
            latest[agency, default: [:]][held.measure] = point
        }
        let invited = attendance.invited
        let attended = attendance.attended
        return assessments.filter { $0.status.isReturned }.sorted { $0.agency < $1.agency }.map { assessment in
            // Each standard's worst rating, by position; a standard no response rated has none.
            var worst = [RAG?](repeating: nil, count: positions.standards.count)
            var previous = -1
            for response in assessment.responses {
                guard let rating = response.standingRating, let level = positions.level(rating),
                    let criterion = positions.criterion(response.criterion, after: previous)
                else { continue }
                previous = criterion
                let standard = positions.criterionStandard[criterion]
                worst[standard] = min(worst[standard] ?? .green, levelRag[level])
            }
            var ratings: [StandardCode: RAG] = [:]
            for (standard, rag) in worst.enumerated() {
                if let rag { ratings[positions.standards[standard]] = rag }
            }
            let data = latest[assessment.agency] ?? [:]
            var contradictions: [Contradiction] = []
            for check in checks where ratings[check.standard] == .green {
                guard let point = data[check.measure], let value = point.value else { continue }
                let misses = check.higherIsBetter ? value < check.threshold : value > check.threshold
                if misses {
                    contradictions.append(
                        Contradiction(
                            standard: check.standard,
                            source: check.measure.rawValue,
                            evidence: "\(check.description) was \(check.text(value)) in \(point.period.label), "
                                + "\(check.higherIsBetter ? "below" : "above") the \(check.text(check.threshold)) expected"
                        )
                    )
                }
            }
            let asked = invited[assessment.agency] ?? 0
            let came = attended[assessment.agency] ?? 0
            if let attendanceStandard, ratings[attendanceStandard] == .green, asked >= 3,
                Double(came) / Double(asked) < attendanceThreshold
            {
                contradictions.append(
                    Contradiction(
                        standard: attendanceStandard,
                        source: "meetings",
                        evidence:
                            "it attended \(came) of \(asked) partnership meetings it was invited to in \(period.label)"
                    )
                )
            }
            return AgencyContribution(
                agency: assessment.agency,
                ratings: ratings,
                data: data,
                meetingsInvited: asked,
                meetingsAttended: came,
                contradictions: contradictions
            )
        }
    }
}

/// How many partnership meetings in a period each agency was invited to and attended.
public struct MeetingAttendance: Hashable, Sendable {
    /// Meetings each agency was invited to.
    public var invited: [Agency.ID: Int]
    /// Meetings each agency attended.
    public var attended: [Agency.ID: Int]

    /// Counts the meetings held in a period.
    public init(_ meetings: [Meeting], in period: ReportingPeriod) {
        invited = [:]
        attended = [:]
        for meeting in meetings where period.contains(meeting.day) {
            for agency in meeting.invited { invited[agency, default: 0] += 1 }
            for agency in meeting.attended { attended[agency, default: 0] += 1 }
        }
    }
}
