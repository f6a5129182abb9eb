public import Domain

private let frameworkData = "Devon SCP QA Framework, Quantitative Measures and 'Spot' Audits"

/// A measure rated red against its target for a run of periods: an emerging risk, and a decision for
/// the Executive once the run is twice as long.
public struct MeasureOffTargetRule: AssuranceRule {
    /// `measures.off-target`.
    public var id: RuleID { "measures.off-target" }
    /// The rule's title.
    public var title: String { "Measure off target" }
    let module: MeasuresModule

    /// What the rule checks.
    public var summary: String {
        "A series rated red against its target (outside the tolerance band) for \(module.offTargetPeriods) or more "
            + "periods in a row; \(module.offTargetPeriods * 2) or more needs an Executive decision."
    }
    /// The framework's data measures and the PDG's role.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, The Role of the Practice Development Group: alert the Executive to declining or poor performance"
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
            let decision = entry.redRun.count >= module.offTargetPeriods * 2
            let unit = entry.definition.unit
            return FindingDraft(
                key: "\(entry.series.measure)|\(entry.series.scope)",
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

/// A signal of special-cause concern with no explanation recorded against it.
public struct UnexplainedSpecialCauseRule: AssuranceRule {
    /// `measures.unexplained-special-cause`.
    public var id: RuleID { "measures.unexplained-special-cause" }
    /// The rule's title.
    public var title: String { "Special-cause concern not explained" }
    /// What the rule checks.
    public var summary: String {
        "An active signal of special-cause concern with no explanation recorded and no spot audit linked to it."
    }
    /// The QADG's role in questioning the data.
    public var source: ObligationSource {
        .framework(
            "\(frameworkData): review the data and identify and question possible anomalies or unexplained local data trends"
        )
    }

    /// Findings for each unanswered signal.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await view.all(Signal.self).compactMap { signal in
            guard signal.status == .active, signal.kind == .specialCauseConcern, !signal.isAnswered else { return nil }
            return FindingDraft(
                key: signal.key,
                subject: signal.reference,
                agency: signal.scope.agency,
                severity: .emergingRisk,
                level: .subGroup,
                message: "\(signal.summary) No explanation is recorded."
            )
        }
    }
}

/// A series whose latest due period has no data.
public struct MeasureDataNotSubmittedRule: AssuranceRule {
    /// `measures.data-not-submitted`.
    public var id: RuleID { "measures.data-not-submitted" }
    /// The rule's title.
    public var title: String { "Data not submitted" }
    let module: MeasuresModule
    /// What the rule checks.
    public var summary: String {
        "A series with data whose latest period is due (the period's end plus the measure's submission lag) "
            + "but has not arrived."
    }
    /// The framework's expectation that agencies supply the agreed data measures.
    public var source: ObligationSource {
        .framework("Devon SCP QA Framework, Quantitative Measures: the agreed Framework Data Measures (Appendix 2)")
    }

    /// Findings for each late series, at its agency where it has one.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: day)
        return analysis.entries.compactMap { entry in
            guard !entry.row.isFresh, let latest = entry.series.points.last else { return nil }
            let due = entry.definition.dueDay(for: entry.row.expectedPeriod)
            return FindingDraft(
                key: "\(entry.series.measure)|\(entry.series.scope)|\(entry.row.expectedPeriod)",
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

/// An "is anyone better off" measure with no data for a year.
public struct BetterOffWithoutDataRule: AssuranceRule {
    /// `measures.better-off-without-data`.
    public var id: RuleID { "measures.better-off-without-data" }
    /// The rule's title.
    public var title: String { "No evidence anyone is better off" }
    let module: MeasuresModule
    /// What the rule checks.
    public var summary: String {
        "An \"is anyone better off\" measure of the catalogue with no value in the last \(module.betterOffWindowMonths) months."
    }
    /// Outcomes-based accountability: the most important question.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, Partnership Approach: what difference did it make to outcomes for children and young people?"
        )
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

/// A series whose latest point is special-cause improvement: good practice to report.
public struct SpecialCauseImprovementRule: AssuranceRule {
    /// `measures.special-cause-improvement`.
    public var id: RuleID { "measures.special-cause-improvement" }
    /// The rule's title.
    public var title: String { "Special-cause improvement" }
    let module: MeasuresModule
    /// What the rule checks.
    public var summary: String { "A series whose latest point shows special-cause improvement." }
    /// The PDG's duty to report good practice and strengths.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, The Role of the Practice Development Group: examples of good practice and particular strengths"
        )
    }

    /// Good-practice findings for each improving series.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: day)
        return analysis.entries.compactMap { entry in
            guard entry.latestType == .improvement, let rule = entry.latestRule else { return nil }
            return FindingDraft(
                key: "\(entry.series.measure)|\(entry.series.scope)",
                subject: RecordReference(type: .observationSeries, id: entry.series.changeLogID),
                agency: entry.series.scope.agency,
                severity: .goodPractice,
                level: .practiceDevelopmentGroup,
                message:
                    "\(analysis.title(entry)) shows special-cause improvement "
                    + "(\(rule.label)).",
                themes: entry.definition.themes
            )
        }
    }
}
