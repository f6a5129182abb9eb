public import Domain

/// An audit still under way after its planned window.
public struct AuditPastWindowRule: AssuranceRule {
    /// `audit.past-planned-window`.
    public var id: RuleID { .auditPastPlannedWindow }
    /// The rule's title.
    public var title: String { "Audit past its planned window" }
    /// What the rule checks.
    public var summary: String {
        "An audit not yet reported, closed or cancelled is past the end of its planned window."
    }
    /// The QADG manages the agreed audit cycle.
    public var source: ObligationSource {
        .framework(.qualityAssuranceDeliveryGroup, "audits run within the window the audit plan gives them")
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
                    "\(audit.title) (\(audit.type.name)) is at \(audit.stage), past its planned window, which ended on \(audit.plannedUntil).",
                themes: audit.themes,
                dueOn: audit.plannedUntil
            )
        }
    }
}
