extension AssuranceFramework {
    /// A fresh read-only view of the records, as the cycle reads them (``Principal/system``).
    ///
    /// A report's view comes from ``view(for:as:)``, which checks who asks.
    public func makeView() -> AssuranceView {
        AssuranceView(
            store: environment.store,
            calendar: environment.calendar,
            timeZone: environment.timeZone,
            moduleNames: moduleNames,
            decodedRecords: environment.decodedRecords,
            document: document,
            measures: measureDescriptions
        )
    }

    /// Runs the assurance cycle for a day.
    ///
    /// Publishes each module's signals, evaluates every rule, raises findings that are new, keeps
    /// those that still hold, resolves those whose condition has cleared, escalates those unresolved
    /// too long, notifies each finding once per level, and reminds whoever owes each deadline that
    /// falls due soon, once for each due day (``ReminderPolicy``). Signals, rules and reminders read
    /// one view, so each analysis a module memoizes on it (every series' SPC) is made once; the
    /// rules see the signals the cycle has just published. Every change is written in one
    /// transaction, or none is, and recorded in the change log as made by ``Principal/system``.
    /// Running it twice for the same day changes nothing and notifies nothing.
    ///
    /// - Parameters:
    ///   - day: The day to judge.
    ///   - principal: Who runs the cycle; they must be allowed to administer.
    /// - Returns: What the cycle raised, kept, resolved and escalated.
    /// - Throws: ``DomainError/Code/accessDenied`` when the principal may not administer;
    ///   ``DomainError/Code/schemaTooNew`` when the store holds newer data; a store or rule error,
    ///   and then nothing is written.
    public func runCycle(on day: Day, by principal: Principal) async throws -> CycleOutcome {
        try environment.access.check(
            principal,
            .administer,
            AccessScope(.finding),
            record: RecordReference(type: Finding.recordType, id: "cycle")
        )
        try await checkSchema()
        var outcome = CycleOutcome(day: day)
        let view = makeView()
        var batch = RecordBatch()
        let signals = try await stageSignals(on: day, in: view, into: &batch, outcome: &outcome)
        view.stage(signals)
        var notifications: [AssuranceNotification] = []
        try await judge(on: day, in: view, into: &batch, notifications: &notifications, outcome: &outcome)
        try await remind(on: day, in: view, into: &batch, notifications: &notifications, outcome: &outcome)
        if let notifier {
            try await notifier.enqueue(notifications, into: &batch, store: environment.store)
        }
        try await environment.records.commit(batch, by: .system)
        if let notifier {
            outcome.delivery = try await notifier.deliverPending()
        }
        return outcome
    }

    /// Evaluates every rule and stages what changes in the findings: raised, kept, escalated, resolved.
    private func judge(
        on day: Day,
        in view: AssuranceView,
        into batch: inout RecordBatch,
        notifications: inout [AssuranceNotification],
        outcome: inout CycleOutcome
    ) async throws {
        let held = try await view.versioned(Finding.self).filter { $0.value.status == .open }
        var open = held.keyed(by: \.value.key)
        var evaluatedRules = Set<RuleID>()
        var reported = Set<String>()
        for module in modules {
            for rule in module.rules {
                evaluatedRules.insert(rule.id)
                for draft in try await rule.evaluate(in: view, on: day) {
                    let key = "\(rule.id)|\(draft.key)"
                    guard reported.insert(key).inserted else { continue }
                    if let existing = open[key] {
                        open[key] = try keep(
                            existing,
                            draft,
                            rule: rule,
                            on: day,
                            into: &batch,
                            &notifications,
                            &outcome
                        )
                    } else {
                        let finding = raise(draft, key: key, rule: rule, on: day)
                        try batch.save(finding, version: 0)
                        outcome.raised.append(finding)
                        notifications.append(notification(for: finding, rule: rule, on: day))
                    }
                }
            }
        }
        for (key, existing) in open.sorted(by: { $0.key < $1.key })
        where evaluatedRules.contains(existing.value.rule) && !reported.contains(key) {
            var finding = existing.value
            finding.status = .resolved
            finding.resolvedOn = day
            try batch.save(finding, version: existing.version)
            outcome.resolved.append(finding)
        }
    }

    /// A finding a rule reports again: brought up to date, raised to the draft's level and escalated
    /// as the policy says, and staged if anything changed.
    private func keep(
        _ existing: Versioned<Finding>,
        _ draft: FindingDraft,
        rule: any AssuranceRule,
        on day: Day,
        into batch: inout RecordBatch,
        _ notifications: inout [AssuranceNotification],
        _ outcome: inout CycleOutcome
    ) throws -> Versioned<Finding> {
        var finding = existing.value
        _ = finding.apply(draft)
        let drafted = escalation.levelOnRoute(draft.level)
        if drafted > finding.level {
            finding.level = drafted
            finding.levelHistory.append(Finding.LevelChange(level: drafted, on: day))
        }
        let changes = escalation.escalations(of: finding, through: day, calendar: environment.calendar)
        if let last = changes.last {
            finding.levelHistory.append(contentsOf: changes)
            finding.level = last.level
            outcome.escalated.append(finding)
            notifications.append(notification(for: finding, rule: rule, on: day, escalated: true))
        }
        outcome.kept.append(finding)
        guard finding != existing.value else { return existing }
        try batch.save(finding, version: existing.version)
        return Versioned(finding, version: existing.version + 1)
    }

    private func raise(_ draft: FindingDraft, key: String, rule: any AssuranceRule, on day: Day) -> Finding {
        Finding(
            id: environment.ids.make(),
            rule: rule.id,
            key: key,
            subject: draft.subject,
            agency: draft.agency,
            group: draft.group,
            severity: draft.severity,
            level: escalation.levelOnRoute(draft.level),
            message: draft.message,
            themes: draft.themes,
            evidence: draft.evidence,
            raisedOn: day,
            dueOn: draft.dueOn
        )
    }

    /// The notification of a finding raised, or escalated to its level: keyed by the finding and the
    /// level, so that each is delivered once.
    private func notification(
        for finding: Finding,
        rule: any AssuranceRule,
        on day: Day,
        escalated: Bool = false
    ) -> AssuranceNotification {
        AssuranceNotification(
            key: "finding:\(finding.id):\(finding.level.rawValue)",
            subject: escalated
                ? "Escalated to the \(document.name(of: finding.level)): \(document.words(rule.title))"
                : "\(document.words(rule.title)) (\(finding.severity.description.lowercased()))",
            body: escalated
                ? "\(finding.message) Unresolved since \(finding.raisedOn). Source: \(rule.sourceLine(citing: document))."
                : "\(finding.message) Source: \(rule.sourceLine(citing: document)).",
            level: finding.level,
            severity: finding.severity,
            agency: finding.agency,
            group: finding.group,
            about: finding.reference,
            rule: rule.id,
            raisedOn: day
        )
    }
}
