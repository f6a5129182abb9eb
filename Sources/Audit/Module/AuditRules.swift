public import Domain

private let qadg = "Devon SCP QA Framework, The Role of the Quality Assurance Delivery Group"

/// An audit still under way after its planned window.
public struct AuditPastWindowRule: AssuranceRule {
    /// `audit.past-planned-window`.
    public var id: RuleID { "audit.past-planned-window" }
    /// The rule's title.
    public var title: String { "Audit past its planned window" }
    /// What the rule checks.
    public var summary: String {
        "An audit not yet reported, closed or cancelled is past the end of its planned window."
    }
    /// The QADG manages the agreed audit cycle.
    public var source: ObligationSource {
        .framework("\(qadg): develops an audit forward plan and manages the agreed audit cycle")
    }
    /// Creates the rule.
    public init() {}

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await AuditState.load(view).audits.compactMap { audit in
            guard [.planned, .scoping, .fieldwork, .moderation].contains(audit.stage), day > audit.plannedUntil else {
                return nil
            }
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "\(audit.title) (\(audit.type)) is at \(audit.stage), past its planned window, which ended on \(audit.plannedUntil).",
                themes: audit.themes,
                dueOn: audit.plannedUntil
            )
        }
    }
}

/// An agency's case return past its due day.
public struct CaseReturnOverdueRule: AssuranceRule {
    /// `audit.return-overdue`.
    public var id: RuleID { "audit.return-overdue" }
    /// The rule's title.
    public var title: String { "Audit return overdue" }
    /// What the rule checks.
    public var summary: String { "An agency has not returned its audit of a case by the due day." }
    /// The QADG uses a consistent standard and framework for auditing.
    public var source: ObligationSource {
        .framework("\(qadg): manages the agreed audit cycle, using a consistent standard and framework for auditing")
    }
    /// Creates the rule.
    public init() {}

    /// One finding per agency and audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let active = Set(state.audits.filter(\.isActive).map(\.id))
        let late = state.returns.filter { $0.status == .requested && day > $0.dueOn && active.contains($0.audit) }
        let titles = Dictionary(state.audits.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(grouping: late) { "\($0.audit)|\($0.agency)" }.sorted { $0.key < $1.key }.map { _, returns in
            let first = returns[0]
            return FindingDraft(
                key: "\(first.audit)|\(first.agency)",
                subject: first.reference,
                agency: first.agency,
                severity: .areaForImprovement,
                level: .agency,
                message:
                    "\(state.name(first.agency)) has \(returns.count) case return\(returns.count == 1 ? "" : "s") outstanding "
                    + "for \(titles[first.audit] ?? first.audit.rawValue), due on \(returns.map(\.dueOn).min()!).",
                dueOn: returns.map(\.dueOn).min()
            )
        }
    }
}

/// An audit whose returns are all in but whose moderation meeting has not been held.
public struct ModerationNotHeldRule: AssuranceRule {
    /// `audit.moderation-not-held`.
    public var id: RuleID { "audit.moderation-not-held" }
    /// The rule's title.
    public var title: String { "Moderation not held" }
    /// Working days allowed after the last return.
    public var workingDays: Int
    /// What the rule checks.
    public var summary: String {
        "A case audit's returns have all been in for \(workingDays) working days and its cases are not moderated."
    }
    /// The QADG analyses, questions and challenges audit findings.
    public var source: ObligationSource {
        .framework("\(qadg): analyses, questions and challenges the findings of multi-agency audit reviews")
    }

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let returnsByAudit = Dictionary(grouping: state.returns, by: \.audit)
        let casesByAudit = Dictionary(grouping: state.cases, by: \.audit)
        return state.audits.compactMap { audit in
            guard audit.type.usesModeration, [.fieldwork, .moderation].contains(audit.stage),
                let returns = returnsByAudit[audit.id], !returns.isEmpty,
                returns.allSatisfy({ $0.status == .submitted }),
                (casesByAudit[audit.id] ?? []).contains(where: { !$0.isModerated }),
                let last = returns.compactMap(\.submittedOn).max()
            else { return nil }
            let due = view.calendar.adding(workingDays: workingDays, to: last)
            guard day > due else { return nil }
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "\(audit.title): every return was in by \(last); moderation was due by \(due) and has not been held.",
                themes: audit.themes,
                dueOn: due
            )
        }
    }
}

/// An audit not reported to the Practice Development Group within some weeks of fieldwork.
public struct ReportNotPresentedRule: AssuranceRule {
    /// `audit.report-not-presented`.
    public var id: RuleID { "audit.report-not-presented" }
    /// The rule's title.
    public var title: String { "Audit report not presented" }
    /// Weeks allowed after fieldwork.
    public var weeks: Int
    /// What the rule checks.
    public var summary: String {
        "An audit whose fieldwork ended \(weeks) weeks ago has not been reported to the Practice Development Group."
    }
    /// The QADG refers findings to the PDG.
    public var source: ObligationSource {
        .framework("\(qadg): refers findings from audit to the Practice Development Group")
    }

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await AuditState.load(view).audits.compactMap { audit in
            guard audit.stage == .moderation, let ended = audit.reached(.moderation) else { return nil }
            let due = ended.adding(days: weeks * 7)
            guard day > due else { return nil }
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message:
                    "\(audit.title): fieldwork ended on \(ended) and the report was due at the Practice Development Group by \(due).",
                themes: audit.themes,
                dueOn: due
            )
        }
    }
}

/// An audit reported some months ago whose challenge session has not been held.
public struct ChallengeOverdueRule: AssuranceRule {
    /// `audit.challenge-overdue`.
    public var id: RuleID { "audit.challenge-overdue" }
    /// The rule's title.
    public var title: String { "Challenge session overdue" }
    /// Months after the report.
    public var months: Int
    /// What the rule checks.
    public var summary: String { "An audit reported \(months) months ago has had no challenge session." }
    /// The QADG's rolling plan of challenge sessions.
    public var source: ObligationSource {
        .framework(
            "\(qadg): a rolling plan of challenge sessions to assess the impact of review activity, findings and recommendations"
        )
    }

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await AuditState.load(view).audits.compactMap { audit in
            guard audit.stage == .reported, let reported = audit.reached(.reported) else { return nil }
            let due = reported.adding(months: months)
            guard day > due else { return nil }
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: "\(audit.title) was reported on \(reported); its challenge session was due by \(due).",
                themes: audit.themes,
                dueOn: due
            )
        }
    }
}

/// An audit closed with no views of children or families and no reason why.
public struct ClosedWithoutVoiceRule: AssuranceRule {
    /// `audit.closed-without-voice`.
    public var id: RuleID { "audit.closed-without-voice" }
    /// The rule's title.
    public var title: String { "Audit closed without the voice of children and families" }
    /// What the rule checks.
    public var summary: String {
        "A closed audit records no views of children or families and no reason they were not sought."
    }
    /// All audits seek the views of children and families.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, The Voices of Devon's Children and Families: all audits seek the views and experience of children and their families where possible"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        return state.audits.filter {
            $0.stage == .closed && $0.voiceNotSoughtReason == nil && !state.voices.contains($0.id.retyped())
        }.map {
            FindingDraft(
                key: $0.id.rawValue,
                subject: $0.reference,
                severity: .recurringConcern,
                level: .practiceDevelopmentGroup,
                message:
                    "\($0.title) was closed with no views of children or families and no reason they were not sought.",
                themes: [.voiceOfTheChild]
            )
        }
    }
}

/// A signal that has stood unanswered for some periods: propose a spot audit.
public struct ProposedSpotAuditRule: AssuranceRule {
    /// `audit.proposed-spot-audit`.
    public var id: RuleID { "audit.proposed-spot-audit" }
    /// The rule's title.
    public var title: String { "Spot audit proposed" }
    /// Periods a signal must stand.
    public var periods: Int
    /// What the rule checks.
    public var summary: String {
        "A signal has stood for \(periods) or more periods with no explanation, no linked audit and no declined proposal: "
            + "a QA lead should accept a spot audit or decline it with a reason."
    }
    /// Spot audits help understand anomalies in the data.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, 'Spot' Audits: case audits designed to help understand in more detail any anomalies or odd trends in the data"
        )
    }

    /// One proposal per signal.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let declined = Set(try await view.all(SpotAuditDecline.self).map(\.signal))
        return try await view.all(Signal.self).compactMap { signal in
            guard signal.status == .active, signal.kind != .staleData, signal.periodsStanding >= periods,
                !signal.isAnswered,
                !declined.contains(signal.id)
            else { return nil }
            return FindingDraft(
                key: signal.key,
                subject: signal.reference,
                agency: signal.scope.agency,
                severity: .emergingRisk,
                level: .subGroup,
                message:
                    "Propose a spot audit: \(signal.summary) It has stood for \(signal.periodsStanding) periods unanswered."
            )
        }
    }
}

/// A theme judged below good in more than one audit in twelve months: a recurring concern.
public struct RecurringAuditThemeRule: AssuranceRule {
    /// `audit.recurring-theme`.
    public var id: RuleID { "audit.recurring-theme" }
    /// The rule's title.
    public var title: String { "Recurring audit theme" }
    /// What the rule checks.
    public var summary: String {
        "A theme judged Requires improvement or Inadequate in more than one audit reported in the last 12 months."
    }
    /// The framework: highlight commonly recurring themes.
    public var source: ObligationSource {
        .framework(
            "Devon SCP QA Framework, Introduction: highlight commonly recurring themes that require further investigation"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per theme.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let titles = Dictionary(state.audits.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return state.analysis().recurringThemes(on: day).map { recurring in
            FindingDraft(
                key: recurring.theme.rawValue,
                subject: RecordReference(type: Audit.recordType, id: recurring.audits.last!.retyped()),
                severity: .recurringConcern,
                level: .practiceDevelopmentGroup,
                message:
                    "\(recurring.theme.label) was judged below good in \(recurring.audits.count) audits in 12 months: "
                    + recurring.audits.map { titles[$0] ?? $0.rawValue }.joined(separator: "; ") + ".",
                themes: [recurring.theme],
                evidence: recurring.audits.map {
                    EvidenceReference(
                        .record,
                        title: titles[$0] ?? $0.rawValue,
                        record: RecordReference(type: Audit.recordType, id: $0.retyped())
                    )
                }
            )
        }
    }
}
