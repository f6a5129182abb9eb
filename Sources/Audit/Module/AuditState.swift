public import Domain

/// Everything the Audit rules and sections read, loaded once per view: for a host's rule to read
/// the programme as the module's own rules do.
///
/// ```swift
/// let state = try await AuditState.load(view)
/// let stalled = state.audits.filter { $0.stage == .fieldwork && $0.plannedUntil < day }
/// ```
public struct AuditState: Sendable {
    /// Every audit.
    public var audits: [Audit]
    /// Every case sampled.
    public var cases: [AuditCase]
    /// Every agency's return on a case.
    public var returns: [CaseReturn]
    /// Every challenge session.
    public var sessions: [ChallengeSession]
    /// Every forward plan.
    public var plans: [AuditPlan]
    /// The audits that have a record of the views of children or families.
    public var voices: Set<Identifier<AnyRecordKind>>
    /// Every quarterly summary from the MASH and the conference chairs.
    public var summaries: [QuarterlySummary]
    /// Every agency, by id.
    public var agencies: [Agency.ID: Agency]

    /// The state of the records a view sees, loaded once per view and shared by every rule and section.
    public static func load(_ view: AssuranceView) async throws -> AuditState {
        try await view.memoized("audit.state") {
            AuditState(
                audits: try await view.all(Audit.self),
                cases: try await view.all(AuditCase.self),
                returns: try await view.all(CaseReturn.self),
                sessions: try await view.all(ChallengeSession.self),
                plans: try await view.all(AuditPlan.self),
                voices: Set(
                    try await view.all(VoiceRecord.self).compactMap {
                        $0.relatedTo?.type == Audit.recordType ? $0.relatedTo?.id : nil
                    }
                ),
                summaries: try await view.all(QuarterlySummary.self),
                agencies: try await view.byID(Agency.self)
            )
        }
    }

    /// The grades across the programme's audits.
    public func analysis() -> AuditAnalysis { AuditAnalysis(audits: audits, cases: cases, returns: returns) }

    /// An agency's name, or its id when it has none.
    public func name(_ agency: Agency.ID) -> String { agencies[agency]?.name ?? agency.rawValue }
}
