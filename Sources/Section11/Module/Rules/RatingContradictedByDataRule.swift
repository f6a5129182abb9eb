public import Domain

/// An agency rating a standard green while its data says otherwise.
public struct RatingContradictedByDataRule: AssuranceRule {
    /// `section11.rating-contradicted-by-data`.
    public var id: RuleID { .section11RatingContradictedByData }
    /// The Quality Assurance Delivery Group, which tests what agencies say against the data.
    public var actingGroup: GroupKind? { .qualityAssuranceDeliveryGroup }
    /// The rule's title.
    public var title: String { "Self-rating contradicted by data" }
    /// The checks.
    public var checks: [ContributionCheck]

    /// Creates the rule, with the checks of ratings against agencies' contributions and the share of
    /// partnership meetings an agency rating the attendance standard green is expected to attend.
    public init(
        checks: [ContributionCheck] = ContributionCheck.classic,
        attendanceStandard: StandardCode? = "7",
        attendanceShare: Double = 0.75
    ) {
        self.checks = checks
        self.attendanceStandard = attendanceStandard
        self.attendanceShare = attendanceShare
    }

    /// The standard that attendance at partnership meetings evidences; `nil` for none.
    public var attendanceStandard: StandardCode?
    /// The share of the partnership meetings it was invited to that an agency is expected to attend.
    public var attendanceShare: Double
    /// What the rule checks.
    public var summary: String {
        "A standard rated green while the agency's own data (\(checks.map(\.description).joined(separator: "; ")); "
            + "attendance at partnership meetings) falls short."
    }
    /// The framework's triangulation of agency contribution.
    public var source: ObligationSource {
        .framework(
            .agencyContribution,
            "an agency's self-assessment is tested against the partnership's data"
        )
    }
    /// The checks' thresholds: the framework names the data, not the figures.
    public var localDefaults: [LocalDefault] {
        checks.map { check in
            LocalDefault(
                check.description,
                "\(check.higherIsBetter ? "at least" : "at most") \(check.text(check.threshold))",
                setting: "contributionChecks"
            )
        }
            + (attendanceStandard == nil
                ? []
                : [
                    LocalDefault(
                        "attendance at partnership meetings",
                        "at least \(Int((attendanceShare * 100).rounded()))%",
                        setting: "attendanceShare"
                    )
                ])
    }

    /// One finding per agency, standard and contradiction.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        let series = try await view.observationSeries().filter { $0.scope.agency != nil }
        let meetings = try await view.all(Meeting.self)
        let year = ReportingPeriod.containing(day.adding(days: -1), kind: .year, basis: .financial)
        return state.cycles.flatMap { entry in
            AgencyContribution.profiles(
                set: entry.set,
                assessments: entry.assessments,
                series: series,
                meetings: meetings,
                period: year,
                checks: checks,
                attendanceStandard: attendanceStandard,
                attendanceThreshold: attendanceShare
            ).flatMap { profile in
                profile.contradictions.map { contradiction in
                    FindingDraft(
                        key: "\(entry.cycle.id)|\(profile.agency)|\(contradiction.standard)|\(contradiction.source)",
                        subject: RecordReference(type: Agency.recordType, id: profile.agency.retyped()),
                        agency: profile.agency,
                        severity: .emergingRisk,
                        level: .subGroup,
                        message: "\(state.agencies[profile.agency]?.name ?? profile.agency.rawValue) rated standard "
                            + "\(contradiction.standard) \(entry.set.scale.words(for: .green)) in \(entry.cycle.name), but \(contradiction.evidence)."
                    )
                }
            }
        }
    }
}
