public import Domain

private let framework = "Devon SCP QA Framework, Individual Agency Contribution and Section 11"

/// An invited agency that has not returned its assessment by the deadline.
public struct ReturnOverdueRule: AssuranceRule {
    /// `section11.return-overdue`.
    public var id: RuleID { "section11.return-overdue" }
    /// The rule's title.
    public var title: String { "Self-assessment return overdue" }
    /// What the rule checks.
    public var summary: String {
        "An open cycle's return deadline has passed and an invited agency has not returned its assessment."
    }
    /// Section 11 of the Children Act 2004 and the framework's Section 11 process.
    public var source: ObligationSource {
        ObligationSource(
            .statute,
            "Children Act 2004 s11; \(framework): agencies measure themselves against a standard relevant to their contribution"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per late agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.filter { $0.cycle.status == .open && day > $0.cycle.returnDeadline }.flatMap { entry in
            entry.assessments.filter { !$0.status.isReturned && $0.status != .returned }.map { assessment in
                FindingDraft(
                    key: "\(entry.cycle.id)|\(assessment.agency)",
                    subject: assessment.reference,
                    agency: assessment.agency,
                    severity: .areaForImprovement,
                    level: .agency,
                    message:
                        "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue) has not returned its "
                        + "\(entry.cycle.name) self-assessment, due on \(entry.cycle.returnDeadline).",
                    dueOn: entry.cycle.returnDeadline
                )
            }
        }
    }
}

/// An assessment returned for rework and not resubmitted within a number of working days.
public struct ReworkNotResubmittedRule: AssuranceRule {
    /// `section11.rework-not-resubmitted`.
    public var id: RuleID { "section11.rework-not-resubmitted" }
    /// The rule's title.
    public var title: String { "Returned assessment not resubmitted" }
    /// The working days allowed.
    public var workingDays: Int
    /// What the rule checks.
    public var summary: String {
        "An assessment returned for rework has not been resubmitted within \(workingDays) working days."
    }
    /// The framework's Section 11 process.
    public var source: ObligationSource { .framework("\(framework): scrutiny and challenge of returns") }

    /// One finding per assessment.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            entry.assessments.compactMap { assessment -> FindingDraft? in
                guard
                    assessment.status == .returned
                        || (assessment.status == .inProgress && assessment.returnedOn != nil),
                    let returned = assessment.returnedOn
                else { return nil }
                let due = view.calendar.adding(workingDays: workingDays, to: returned)
                guard day > due else { return nil }
                return FindingDraft(
                    key: "\(assessment.id)|\(returned)",
                    subject: assessment.reference,
                    agency: assessment.agency,
                    severity: .areaForImprovement,
                    level: .agency,
                    message:
                        "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue)'s \(entry.cycle.name) "
                        + "assessment was returned for rework on \(returned) and has not been resubmitted; it was due by \(due).",
                    dueOn: due
                )
            }
        }
    }
}

/// A standing red rating with no open action to address it.
public struct RedWithoutActionRule: AssuranceRule {
    /// `section11.red-without-action`.
    public var id: RuleID { "section11.red-without-action" }
    /// The rule's title.
    public var title: String { "Red rating without an action" }
    /// What the rule checks.
    public var summary: String {
        "A returned assessment has a criterion rated red (after moderation) with no open action."
    }
    /// The framework: gaps are highlighted and action identified.
    public var source: ObligationSource {
        .framework(
            "\(framework): where there are common themes and gaps arising, these are highlighted, and action identified"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per criterion.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            let levels = Dictionary(
                entry.set.scale.levels.map { ($0.code, $0.rag) },
                uniquingKeysWith: { first, _ in first }
            )
            return entry.assessments.filter { $0.status.isReturned }.flatMap { assessment in
                assessment.responses.compactMap { response -> FindingDraft? in
                    guard let rating = response.standingRating, levels[rating] == .red,
                        !(response.actions ?? []).contains(where: { $0.completedOn == nil })
                    else { return nil }
                    return FindingDraft(
                        key: "\(assessment.id)|\(response.criterion)",
                        subject: assessment.reference,
                        agency: assessment.agency,
                        severity: .emergingRisk,
                        level: .agency,
                        message:
                            "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue) is rated red on criterion "
                            + "\(response.criterion) of \(entry.cycle.name) and has no open action to address it."
                    )
                }
            }
        }
    }
}

/// An agency's Section 11 action past its due day.
public struct AssessmentActionOverdueRule: AssuranceRule {
    /// `section11.action-overdue`.
    public var id: RuleID { "section11.action-overdue" }
    /// The rule's title.
    public var title: String { "Section 11 action overdue" }
    /// What the rule checks.
    public var summary: String { "An open action of an agency's assessment is past its due day." }
    /// The framework: the PDG requests annual updates and evidence of progress.
    public var source: ObligationSource {
        .framework("\(framework): the Practice Development Group requests annual updates and evidence of progress")
    }
    /// Creates the rule.
    public init() {}

    /// One finding per overdue action.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            entry.assessments.filter { $0.status.isReturned }.flatMap { assessment in
                assessment.actions.filter { $0.action.isOverdue(on: day) }.map { item in
                    FindingDraft(
                        key: "\(assessment.id)|\(item.criterion)|\(item.action.id)",
                        subject: assessment.reference,
                        agency: assessment.agency,
                        severity: .areaForImprovement,
                        level: .agency,
                        message:
                            "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue)'s action on criterion "
                            + "\(item.criterion), \"\(item.action.text)\", was due on \(item.action.dueOn).",
                        dueOn: item.action.dueOn
                    )
                }
            }
        }
    }
}

/// A standard rated red by more than a share of agencies: a gap across the system, for the PDG.
public struct SystemWideGapRule: AssuranceRule {
    /// `section11.system-wide-gap`.
    public var id: RuleID { "section11.system-wide-gap" }
    /// The rule's title.
    public var title: String { "System-wide gap" }
    /// The share of agencies beyond which a red standard is system-wide.
    public var share: Double
    /// What the rule checks.
    public var summary: String {
        "More than \(Int((share * 100).rounded()))% of the agencies that rated a standard rated one of its criteria red."
    }
    /// The framework: common themes and gaps.
    public var source: ObligationSource {
        .framework(
            "\(framework): where there are common themes and gaps arising, these are highlighted, and action identified"
        )
    }

    /// One finding per standard.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            Section11Analysis(set: entry.set, assessments: [], agencies: [:], on: day)
                .redStandards(share: share, assessments: entry.assessments).map { gap in
                    FindingDraft(
                        key: "\(entry.cycle.id)|\(gap.standard.code)",
                        subject: entry.cycle.reference,
                        severity: .recurringConcern,
                        level: .practiceDevelopmentGroup,
                        message: "\(gap.red) of \(gap.rated) agencies rated standard \(gap.standard.code) "
                            + "(\(gap.standard.title)) red in \(entry.cycle.name)."
                    )
                }
        }
    }
}

/// An agency rating a standard green while its data says otherwise.
public struct RatingContradictedByDataRule: AssuranceRule {
    /// `section11.rating-contradicted-by-data`.
    public var id: RuleID { "section11.rating-contradicted-by-data" }
    /// The rule's title.
    public var title: String { "Self-rating contradicted by data" }
    /// The checks.
    public var checks: [ContributionCheck]
    /// What the rule checks.
    public var summary: String {
        "A standard rated green while the agency's own data (\(checks.map(\.description).joined(separator: "; ")); "
            + "attendance at partnership meetings) falls short."
    }
    /// The framework's triangulation of agency contribution.
    public var source: ObligationSource {
        .framework(
            "\(framework): our approach triangulates a number of interrelated areas which offer a more rounded and accurate picture"
        )
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
                checks: checks
            ).flatMap { profile in
                profile.contradictions.map { contradiction in
                    FindingDraft(
                        key: "\(entry.cycle.id)|\(profile.agency)|\(contradiction.standard)|\(contradiction.source)",
                        subject: RecordReference(type: Agency.recordType, id: profile.agency.retyped()),
                        agency: profile.agency,
                        severity: .emergingRisk,
                        level: .subGroup,
                        message: "\(state.agencies[profile.agency]?.name ?? profile.agency.rawValue) rated standard "
                            + "\(contradiction.standard) green in \(entry.cycle.name), but \(contradiction.evidence)."
                    )
                }
            }
        }
    }
}
