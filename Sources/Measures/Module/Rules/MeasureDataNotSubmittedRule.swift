public import Domain

/// A series whose latest due period has no data.
public struct MeasureDataNotSubmittedRule: AssuranceRule {
    /// `measures.data-not-submitted`.
    public var id: RuleID { .measuresDataNotSubmitted }
    /// The rule's title.
    public var title: String { "Data not submitted" }
    let module: MeasuresModule

    /// Creates the rule, with the settings and catalogue of a measures module.
    public init(module: MeasuresModule = MeasuresModule()) {
        self.module = module
    }
    /// What the rule checks.
    public var summary: String {
        "A series with data whose latest period is due (the period's end plus the measure's submission lag) "
            + "but has not arrived."
    }
    /// The framework's expectation that agencies supply the agreed data measures.
    public var source: ObligationSource {
        .framework(
            .quantitativeMeasures,
            "the agreed measures are submitted for each period"
        )
    }

    /// Findings for each late series, at its agency where it has one.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: day)
        return analysis.entries.compactMap { entry in
            guard !entry.row.isFresh, let latest = entry.series.points.last else { return nil }
            let due = entry.definition.dueDay(for: entry.row.expectedPeriod)
            return FindingDraft(
                key: "\(entry.series.key)|\(entry.row.expectedPeriod)",
                subject: RecordReference(type: .observationSeries, id: entry.series.changeLogID),
                agency: entry.series.scope.agency,
                severity: .areaForImprovement,
                level: entry.series.scope.agency == nil ? .subGroup : .agency,
                message:
                    "\(analysis.title(entry)) for \(entry.row.expectedPeriod.label) "
                    + "was due by \(due) and has not been submitted; the latest is \(latest.period.label).",
                dueOn: due
            )
        }
    }
}
