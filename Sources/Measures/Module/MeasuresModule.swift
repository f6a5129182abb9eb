public import Domain

/// The Measures module of the framework: signals from SPC, RAG runs, comparators and stale data;
/// the measures' assurance rules; and the scorecard, SPC charts, comparators and turn-the-curve pages.
///
/// ```swift
/// let framework = try AssuranceFramework(modules: [MeasuresModule()], environment: environment)
/// ```
public struct MeasuresModule: AssuranceModule {
    /// `measures`: the module's stable id.
    public var id: ModuleID { "measures" }
    /// `Measures`.
    public var name: String { "Measures" }
    /// The catalogue used until the partnership stores its own definitions.
    public var catalogue: MeasureCatalogue
    /// The base SPC options (the reference's by default); each measure sets its direction and target.
    public var spc: SPCOptions
    /// Periods red against target before a measure is off target.
    public var offTargetPeriods: Int
    /// Periods red against target that make a run of red a signal.
    public var redRunPeriods: Int
    /// The share by which a value may differ from its statistical neighbours' median, in the direction
    /// of concern, before it is a signal.
    public var comparatorGap: Double
    /// Months an "is anyone better off" measure may go without data.
    public var betterOffWindowMonths: Int
    /// Periods red against target before a measure off target needs a decision of the top level:
    /// twice ``offTargetPeriods`` unless set.
    public var decisionPeriods: Int? = nil

    /// The periods red before a decision, as set or twice the periods before a finding.
    public var periodsBeforeDecision: Int { decisionPeriods ?? offTargetPeriods * 2 }

    /// Creates the module.
    public init(
        catalogue: MeasureCatalogue = .starter,
        spc: SPCOptions = .reference,
        offTargetPeriods: Int = 3,
        redRunPeriods: Int = 3,
        comparatorGap: Double = 0.2,
        betterOffWindowMonths: Int = 12
    ) {
        self.catalogue = catalogue
        self.spc = spc
        self.offTargetPeriods = max(1, offTargetPeriods)
        self.redRunPeriods = max(1, redRunPeriods)
        self.comparatorGap = comparatorGap
        self.betterOffWindowMonths = betterOffWindowMonths
    }

    /// Definitions, population results, turn-the-curve plans and rebases.
    public var recordTypes: [any StorableRecord.Type] {
        [MeasureDefinition.self, PopulationResult.self, TurnTheCurve.self, SeriesRebase.self]
    }

    /// The measures' rules.
    public var rules: [any AssuranceRule] {
        [
            MeasureOffTargetRule(module: self), UnexplainedSpecialCauseRule(),
            MeasureDataNotSubmittedRule(module: self),
            BetterOffWithoutDataRule(module: self), SpecialCauseImprovementRule(module: self),
        ]
    }

    /// Special-cause concern, red runs, comparator gaps and stale data.
    public func signals(in view: AssuranceView, on day: Day) async throws -> [SignalDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: self, on: day)
        var drafts: [SignalDraft] = []
        let byKey = analysis.entries.keyed { $0.series.key }
        for entry in analysis.entries {
            let measure = entry.series.measure
            let scope = entry.series.scope
            let title = analysis.title(entry)
            if let first = entry.concernRun.first, let last = entry.concernRun.last {
                drafts.append(
                    SignalDraft(
                        key: "special-cause-concern|\(entry.series.key)",
                        kind: .specialCauseConcern,
                        measure: measure,
                        scope: scope,
                        firstPeriod: first.period,
                        latestPeriod: last.period,
                        periodsStanding: entry.concernRun.count,
                        summary: "\(title) shows special-cause concern (\(entry.latestRule?.words ?? "special cause")) "
                            + "since \(first.period.label)."
                    )
                )
            }
            if entry.redRun.count >= redRunPeriods, let first = entry.redRun.first, let last = entry.redRun.last {
                drafts.append(
                    SignalDraft(
                        key: "red-run|\(entry.series.key)",
                        kind: .redRun,
                        measure: measure,
                        scope: scope,
                        firstPeriod: first,
                        latestPeriod: last,
                        periodsStanding: entry.redRun.count,
                        summary: "\(title) has been red against its target for \(entry.redRun.count) periods."
                    )
                )
            }
            if !entry.row.isFresh, let latest = entry.series.points.last {
                drafts.append(
                    SignalDraft(
                        key: "stale-data|\(entry.series.key)",
                        kind: .staleData,
                        measure: measure,
                        scope: scope,
                        firstPeriod: latest.period.next,
                        latestPeriod: entry.row.expectedPeriod,
                        periodsStanding: 1,
                        summary:
                            "\(title) has no data for \(entry.row.expectedPeriod.label); the latest is \(latest.period.label)."
                    )
                )
            }
            if let gap = comparatorGapSignal(entry, byKey: byKey) { drafts.append(gap) }
        }
        return drafts
    }

    /// A comparator gap: the partnership's value beyond its neighbours' median in the direction of concern.
    private func comparatorGapSignal(
        _ entry: MeasureAnalysis.Entry,
        byKey: [SeriesKey: MeasureAnalysis.Entry]
    ) -> SignalDraft? {
        let measure = entry.series.measure
        guard entry.series.scope == .partnership, entry.definition.polarity != .neither,
            let comparator = byKey[SeriesKey(MeasureID.statisticalNeighbourMedian(of: measure), .partnership)],
            let own = entry.series.points.last(where: { $0.value != nil }),
            let median = comparator.series.points.first(where: { $0.period == own.period })?.value, median != 0,
            let value = own.value
        else { return nil }
        let gap = (value - median) / abs(median)
        let concerning = entry.definition.polarity == .higherIsBetter ? gap < -comparatorGap : gap > comparatorGap
        guard concerning else { return nil }
        return SignalDraft(
            key: "comparator-gap|\(measure)",
            kind: .comparatorGap,
            measure: measure,
            scope: .partnership,
            firstPeriod: own.period,
            latestPeriod: own.period,
            periodsStanding: 1,
            summary: "\(entry.definition.name) is \(MeasureAnalysis.format(value, entry.definition.unit)) in "
                + "\(own.period.label), \(Int((abs(gap) * 100).rounded()))% "
                + "\(gap < 0 ? "below" : "above") its statistical neighbours' median of "
                + "\(MeasureAnalysis.format(median, entry.definition.unit))."
        )
    }

    /// The Practice Development Group's and the yearly reports, and the MASH and conference chairs'
    /// quarterly summaries.
    public var reportContributions: [ReportContribution] {
        [
            ReportContribution(.practiceDevelopmentAssurance), ReportContribution(.yearly),
            ReportContribution(.mashQuarterly), ReportContribution(.conferenceChairsQuarterly),
            ReportContribution(.dataPack), ReportContribution(.agencyFeedback),
        ]
    }

    /// The catalogue's measures, with their names, units and roles.
    public var measureDescriptions: [MeasureDescription] {
        catalogue.definitions.map {
            MeasureDescription(id: $0.id, name: $0.name, unitSuffix: $0.unit.suffix, roles: $0.roles ?? [])
        }
    }

    /// The data pack: the scorecard and every measure's chart.
    public var reportDefinitions: [ReportDefinition] { [.dataPack] }

    /// The scorecard, SPC small multiples, comparators and turn-the-curve plans for a report.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        try await MeasuresSections(module: self).sections(for: request, in: view)
    }
}
