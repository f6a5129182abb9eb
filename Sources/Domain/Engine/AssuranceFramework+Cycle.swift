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
    /// Every notification goes into the outbox in the same transaction, with the messages that
    /// carry it to the people the ``contacts`` name (one digest a day each, or each at once, as
    /// they prefer; a decision asked of the top level at once). With a notifier and `delivering`,
    /// the cycle then delivers what is pending; otherwise it waits for ``Notifier/deliverPending(ignoringWaits:)``.
    ///
    /// - Parameters:
    ///   - day: The day to judge.
    ///   - principal: Who runs the cycle; they must be allowed to administer.
    ///   - delivering: Whether to deliver the outbox through the ``notifier`` once the cycle is written.
    /// - Returns: What the cycle raised, kept, resolved and escalated.
    /// - Throws: ``DomainError/Code/accessDenied`` when the principal may not administer;
    ///   ``DomainError/Code/schemaTooNew`` when the store holds newer data; a store or rule error,
    ///   and then nothing is written.
    public func runCycle(on day: Day, by principal: Principal, delivering: Bool = true) async throws -> CycleOutcome {
        // A notifier may claim a day's digest between the cycle's read and its write; the cycle's
        // write is then refused whole, and read again it finds the digest tried and starts another.
        for _ in 1..<3 {
            do {
                return try await judgeOnce(on: day, by: principal, delivering: delivering)
            } catch let error as DomainError where error.code == .staleWrite {
                continue
            }
        }
        return try await judgeOnce(on: day, by: principal, delivering: delivering)
    }

    private func judgeOnce(on day: Day, by principal: Principal, delivering: Bool) async throws -> CycleOutcome {
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
        outcome.messages = try await Outbox.stage(
            notifications,
            contacts: contacts,
            on: day,
            agencyNames: try await agencyNames(in: view),
            into: &batch,
            store: environment.store
        )
        try await environment.records.commit(batch, by: .system)
        if let notifier, delivering {
            outcome.delivery = try await notifier.deliverPending()
        }
        return outcome
    }

    /// Agencies' names by id, when a contact stands for each agency's own mailbox.
    private func agencyNames(in view: AssuranceView) async throws -> [Agency.ID: String] {
        guard contacts.contacts.contains(where: \.isPerAgency) else { return [:] }
        return Dictionary(try await view.all(Agency.self).map { ($0.id, $0.name) }) { first, _ in first }
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
        var rules: [RuleID: any AssuranceRule] = [:]
        var reported = Set<String>()
        let groups = try await view.all(Group.self).filter { $0.isActive(on: day) }
        for module in modules {
            for rule in module.rules {
                rules[rule.id] = rule
                for var draft in try await rule.evaluate(in: view, on: day) {
                    // A sub-group finding names the group that must act.
                    if draft.group == nil, draft.level == .subGroup, let kind = rule.actingGroup {
                        draft.group = groups.first { $0.kind == kind }?.id
                    }
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
        where rules[existing.value.rule] != nil && !reported.contains(key) {
            var finding = existing.value
            finding.status = .resolved
            finding.resolvedOn = day
            try batch.save(finding, version: existing.version)
            outcome.resolved.append(finding)
            if let rule = rules[finding.rule] {
                notifications.append(notification(resolving: finding, rule: rule, on: day))
            }
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

    /// The notification of a finding raised, or escalated to its level.
    ///
    /// Keyed by the finding and the level, so that each is delivered once. A finding at the top of
    /// the route, or one that says a decision is needed, asks that level for a decision.
    private func notification(
        for finding: Finding,
        rule: any AssuranceRule,
        on day: Day,
        escalated: Bool = false
    ) -> AssuranceNotification {
        let levelName = document.name(of: finding.level)
        let decision = finding.level == escalation.route.last || finding.severity == .decisionRequired
        let kind: NotificationKind =
            decision && finding.severity != .goodPractice
            ? .decisionAsked : escalated ? .findingEscalated : .findingRaised
        return AssuranceNotification(
            key: "finding:\(finding.id):\(finding.level.rawValue)",
            kind: kind,
            subject: escalated
                ? "Escalated to the \(levelName): \(document.words(rule.title))"
                : "\(document.words(rule.title)) (\(finding.severity.description.lowercased()))",
            body: escalated ? "\(finding.message) Unresolved since \(finding.raisedOn)." : finding.message,
            level: finding.level,
            levelName: levelName,
            severity: finding.severity,
            agency: finding.agency,
            group: finding.group,
            about: finding.reference,
            rule: rule.id,
            source: rule.sourceLine(citing: document),
            action: Self.action(kind, severity: finding.severity, levelName: levelName),
            raisedOn: day,
            dueOn: finding.dueOn
        )
    }

    /// The notification that a finding's condition has cleared.
    private func notification(resolving finding: Finding, rule: any AssuranceRule, on day: Day) -> AssuranceNotification
    {
        let levelName = document.name(of: finding.level)
        return AssuranceNotification(
            key: "finding:\(finding.id):resolved",
            kind: .findingResolved,
            subject: "Resolved: \(document.words(rule.title))",
            body: "\(finding.message) Raised on \(finding.raisedOn); its condition no longer holds on \(day).",
            level: finding.level,
            levelName: levelName,
            severity: finding.severity,
            agency: finding.agency,
            group: finding.group,
            about: finding.reference,
            rule: rule.id,
            source: rule.sourceLine(citing: document),
            action: Self.action(.findingResolved, severity: finding.severity, levelName: levelName),
            raisedOn: day
        )
    }

    /// What a notification asks of its reader, in words.
    static func action(_ kind: NotificationKind, severity: Severity, levelName: String) -> String {
        switch kind {
        case .decisionAsked:
            "The \(levelName) is asked to decide: direct an action with an owner and a due date, accept the risk "
                + "and say why, or ask for more evidence."
        case .findingEscalated:
            "The \(levelName) is asked to act: agree an action with an owner and a due date in the action tracker, "
                + "or record why none is needed."
        case .findingResolved:
            "Nothing more is asked. Record the evidence of impact if an action led to it."
        case _ where severity == .goodPractice:
            "Share it: include it in the next report to the \(levelName) and in the practitioners' briefing."
        default:
            "Consider it at the \(levelName)'s next meeting: agree an action with an owner and a due date in the "
                + "action tracker, or record why none is needed."
        }
    }
}
