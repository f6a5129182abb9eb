public import Domain

/// A measure rated red against its target for a run of periods: an emerging risk, and a decision for
/// the Executive once the run is twice as long.
public struct MeasureOffTargetRule: AssuranceRule {
    /// `measures.off-target`.
    public var id: RuleID { .measuresOffTarget }
    /// The rule's title.
    public var title: String { "Measure off target" }
    let module: MeasuresModule

    /// Creates the rule, with the settings and catalogue of a measures module.
    public init(module: MeasuresModule = MeasuresModule()) {
        self.module = module
    }

    /// What the rule checks.
    public var summary: String {
        "A series rated red against its target (outside the tolerance band) for \(module.offTargetPeriods) or more "
            + "periods in a row; \(module.periodsBeforeDecision) or more needs a decision of the {executive}."
    }
    /// The framework's data measures and the PDG's role.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "a measure off target for a run of periods is escalated"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [
            LocalDefault("periods red before a finding", "\(module.offTargetPeriods)", setting: "offTargetPeriods"),
            LocalDefault(
                "periods red before a decision of the {executive}",
                "\(module.periodsBeforeDecision)",
                setting: "decisionPeriods"
            ),
        ]
    }

    /// A recovery plan, a deep dive into the cause, or a target reviewed.
    public var decisionOptions: DecisionOptions {
        DecisionOptions(
            options: [
                "Direct the agency or service concerned to a recovery plan, with an owner and a due date, that the "
                    + "{practice-development-group} tracks each month",
                "Commission a deep dive or spot audit into the cause, to report to the {practice-development-group} within two months",
                "Accept the performance for now, review the target, and record why",
            ],
            recommended: 0,
            ifUndecided:
                "The measure stays red at the {executive} and its run lengthens; the finding comes back to every "
                + "meeting until a decision is recorded."
        )
    }

    /// Findings for each series off target.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: day)
        return analysis.entries.compactMap { entry in
            guard entry.redRun.count >= module.offTargetPeriods,
                let latest = entry.series.points.last(where: { $0.value != nil }),
                let value = latest.value, let target = entry.definition.target(for: latest.period)
            else { return nil }
            let decision = entry.redRun.count >= module.periodsBeforeDecision
            let unit = entry.definition.unit
            return FindingDraft(
                key: entry.series.key.description,
                subject: RecordReference(type: .observationSeries, id: entry.series.changeLogID),
                agency: entry.series.scope.agency,
                severity: decision ? .decisionRequired : .emergingRisk,
                level: decision ? .executive : .practiceDevelopmentGroup,
                message:
                    "\(analysis.title(entry)) has been red against its target of "
                    + "\(MeasureAnalysis.format(target, unit)) for \(entry.redRun.count) periods; it was "
                    + "\(MeasureAnalysis.format(value, unit)) in \(latest.period.label).",
                themes: entry.definition.themes
            )
        }
    }
}
