/// A priority of the year with nothing working on it, or nothing showing whether it is achieved.
///
/// A priority has activity when a group or a work stream names it, or a work stream works on one of
/// its themes (an audit reaches it through its recommendations' themes); it has a measure when one
/// of its measures has a value in the year. Both are judged once a quarter of the year has passed.
public struct PriorityWithoutActivityRule: AssuranceRule, Hashable {
    /// The months of the year that pass before a priority is judged.
    public var graceMonths: Int

    /// Creates the rule.
    public init(graceMonths: Int = 3) {
        self.graceMonths = graceMonths
    }

    /// `partnership.priority-without-activity`.
    public var id: RuleID { .partnershipPriorityWithoutActivity }
    /// The rule's title.
    public var title: String { "Priority without activity or a measure" }
    /// What the rule checks.
    public var summary: String {
        "A priority of the year, \(graceMonths) months in, that no group or work stream works on, or whose "
            + "measures have no value in the year; the year just ended is judged until the next year is."
    }
    /// The framework's basis in the partnership's priorities.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "the partnership's priorities are carried by its groups, work streams, audits or measures"
        )
    }
    /// The time a year runs before a priority is judged.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time into the year before judging", "\(graceMonths) months", setting: "priorityGraceMonths")]
    }

    /// Whether a year's priorities are judged on a day: the year's own once its first months of
    /// grace are over, and the year just ended's through the next year's months of grace, so that a
    /// priority left without activity or a measure at the year's end stays found until the next year
    /// is judged.
    static func judges(_ year: ReportingPeriod, on day: Day, graceMonths: Int) -> Bool {
        if year.contains(day) { return day > year.firstDay.adding(months: graceMonths) }
        return day > year.lastDay && day <= year.lastDay.adding(days: 1).adding(months: graceMonths)
    }

    /// One finding for a priority with no activity, and one for a priority with no measure.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let priorities = try await view.all(Priority.self).filter {
            Self.judges($0.year, on: day, graceMonths: graceMonths)
        }
        guard !priorities.isEmpty else { return [] }
        let groups = try await view.all(Group.self)
        let streams = try await view.all(WorkStream.self)
        let series = try await view.observationSeries()
        var drafts: [FindingDraft] = []
        for priority in priorities {
            let themes = Set(priority.themes)
            // A year just ended is judged by the groups that were working at its end.
            let working = groups.filter { $0.isActive(on: min(day, priority.year.lastDay)) }
            let active =
                working.contains { $0.priorities?.contains(priority.id) == true }
                || streams.contains { $0.priorities?.contains(priority.id) == true || themes.contains($0.theme) }
            if !active {
                drafts.append(
                    FindingDraft(
                        key: "activity|\(priority.id)",
                        subject: priority.reference,
                        severity: .emergingRisk,
                        level: .practiceDevelopmentGroup,
                        message: "The priority \"\(priority.title)\" for \(priority.year.label) has no group or "
                            + "work stream working on it.",
                        themes: priority.themes
                    )
                )
            }
            let measured = series.contains { held in
                priority.measures.contains(held.measure)
                    && held.points.contains { $0.value != nil && priority.year.contains($0.period.lastDay) }
            }
            if !measured {
                drafts.append(
                    FindingDraft(
                        key: "measure|\(priority.id)",
                        subject: priority.reference,
                        severity: .areaForImprovement,
                        level: .practiceDevelopmentGroup,
                        message: priority.measures.isEmpty
                            ? "The priority \"\(priority.title)\" for \(priority.year.label) names no measure to show "
                                + "whether it is achieved."
                            : "No measure of the priority \"\(priority.title)\" has a value in \(priority.year.label).",
                        themes: priority.themes
                    )
                )
            }
        }
        return drafts
    }
}
