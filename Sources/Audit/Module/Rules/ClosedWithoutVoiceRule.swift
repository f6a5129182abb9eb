public import Domain

/// An audit closed with no views of children or families and no reason why.
public struct ClosedWithoutVoiceRule: AssuranceRule {
    /// `audit.closed-without-voice`.
    public var id: RuleID { .auditClosedWithoutVoice }
    /// The rule's title.
    public var title: String { "Audit closed without the voice of children and families" }
    /// What the rule checks.
    public var summary: String {
        "A closed audit records no views of children or families and no reason they were not sought."
    }
    /// All audits seek the views of children and families.
    public var source: ObligationSource {
        .framework(
            .voices,
            "audits seek the views of children and families, or record why they could not"
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
