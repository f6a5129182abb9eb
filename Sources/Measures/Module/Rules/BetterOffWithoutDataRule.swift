public import Domain

/// An "is anyone better off" measure with no data for a year.
public struct BetterOffWithoutDataRule: AssuranceRule {
    /// `measures.better-off-without-data`.
    public var id: RuleID { .measuresBetterOffWithoutData }
    /// The rule's title.
    public var title: String { "No evidence anyone is better off" }
    let module: MeasuresModule

    /// Creates the rule, with the settings and catalogue of a measures module.
    public init(module: MeasuresModule = MeasuresModule()) {
        self.module = module
    }
    /// What the rule checks.
    public var summary: String {
        "An \"is anyone better off\" measure of the catalogue with no value in the last \(module.betterOffWindowMonths) months."
    }
    /// Outcomes-based accountability: the most important question.
    public var source: ObligationSource {
        .framework(
            .partnershipApproach,
            "each priority shows whether children are better off"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("window", "\(module.betterOffWindowMonths) months", setting: "betterOffWindowMonths")]
    }

    /// Findings for each better-off measure without recent data.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: day)
        let since = day.adding(months: -module.betterOffWindowMonths)
        let latest = Dictionary(grouping: analysis.entries, by: \.series.measure).mapValues { entries in
            entries.compactMap { $0.series.points.last(where: { $0.value != nil })?.period.lastDay }.max()
        }
        return analysis.catalogue.definitions.compactMap { definition in
            guard definition.question == .betterOff else { return nil }
            if let last = latest[definition.id] ?? nil, last >= since { return nil }
            let when = (latest[definition.id] ?? nil).map { "since \($0)" } ?? "at all"
            return FindingDraft(
                key: definition.id.rawValue,
                subject: RecordReference(type: MeasureDefinition.recordType, id: definition.id.retyped()),
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: "\(definition.name) answers \"is anyone better off?\" but has had no data \(when).",
                themes: definition.themes
            )
        }
    }
}
