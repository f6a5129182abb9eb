public import Domain

/// A series whose latest point is special-cause improvement: good practice to report.
public struct SpecialCauseImprovementRule: AssuranceRule {
    /// `measures.special-cause-improvement`.
    public var id: RuleID { .measuresSpecialCauseImprovement }
    /// The rule's title.
    public var title: String { "Special-cause improvement" }
    let module: MeasuresModule

    /// Creates the rule, with the settings and catalogue of a measures module.
    public init(module: MeasuresModule = MeasuresModule()) {
        self.module = module
    }
    /// What the rule checks.
    public var summary: String { "A series whose latest point shows special-cause improvement." }
    /// The PDG's duty to report good practice and strengths.
    public var source: ObligationSource {
        .framework(
            .practiceDevelopmentGroup,
            "sustained improvement in the data is recognised"
        )
    }

    /// Good-practice findings for each improving series.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: day)
        return analysis.entries.compactMap { entry in
            guard entry.latestType == .improvement, let rule = entry.latestRule else { return nil }
            return FindingDraft(
                key: entry.series.key.description,
                subject: RecordReference(type: .observationSeries, id: entry.series.changeLogID),
                agency: entry.series.scope.agency,
                severity: .goodPractice,
                level: .practiceDevelopmentGroup,
                message:
                    "\(analysis.title(entry)) shows special-cause improvement "
                    + "(\(rule.words)).",
                themes: entry.definition.themes
            )
        }
    }
}
