public import Domain

/// An audit whose returns are all in but whose moderation meeting has not been held.
public struct ModerationNotHeldRule: AssuranceRule {
    /// `audit.moderation-not-held`.
    public var id: RuleID { .auditModerationNotHeld }
    /// The rule's title.
    public var title: String { "Moderation not held" }
    /// Working days allowed after the last return.
    public var workingDays: Int

    /// Creates the rule, with the working days from the last return to moderation.
    public init(workingDays: Int = 15) {
        self.workingDays = workingDays
    }
    /// What the rule checks.
    public var summary: String {
        "A case audit's returns have all been in for \(workingDays) working days and its cases are not moderated."
    }
    /// The QADG analyses, questions and challenges audit findings.
    public var source: ObligationSource {
        .framework(
            .qualityAssuranceDeliveryGroup,
            "audit findings are moderated before they are reported"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [
            LocalDefault(
                "time from the last return to moderation",
                "\(workingDays) working days",
                setting: "moderationWorkingDays"
            )
        ]
    }

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let returnsByAudit = Dictionary(grouping: state.returns, by: \.audit)
        let casesByAudit = Dictionary(grouping: state.cases, by: \.audit)
        return state.audits.compactMap { audit in
            guard audit.isModerated, [.fieldwork, .moderation].contains(audit.stage),
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
