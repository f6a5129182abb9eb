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
    /// The scale the programme's cases are graded on: that of the audit tool most audits used (the
    /// starter tool's four-point scale when none is stored).
    public var scale: RatingScale = .fourPoint
    /// Every audit tool stored, by id, with the starter tool when none replaces it.
    public var templates: [AuditTemplate.ID: AuditTemplate] = [:]

    /// The state of the records a view sees, loaded once per view and shared by every rule and section.
    public static func load(_ view: AssuranceView) async throws -> AuditState {
        try await view.memoized("audit.state") {
            var state = AuditState(
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
            let templates = try await view.all(AuditTemplate.self)
            state.scale = scale(of: state.audits, templates: templates)
            state.templates = templates.keyed(by: \.id)
            if state.templates[AuditTemplate.standard.id] == nil {
                state.templates[AuditTemplate.standard.id] = .standard
            }
            return state
        }
    }

    /// The scale of the tool the most audits used, the most recent tool on a tie; with no audit
    /// graded, the scale of the latest stored tool.
    static func scale(of audits: [Audit], templates: [AuditTemplate]) -> RatingScale {
        let byID = templates.keyed(by: \.id)
        let uses = Dictionary(grouping: audits.compactMap(\.template), by: { $0 }).mapValues(\.count)
        let chosen = uses.filter { byID[$0.key] != nil }.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        return chosen.flatMap { byID[$0]?.scale }
            ?? templates.max { ($0.version, $0.id) < ($1.version, $1.id) }?.scale ?? .fourPoint
    }

    /// The grades across the programme's audits.
    public func analysis() -> AuditAnalysis {
        AuditAnalysis(audits: audits, cases: cases, returns: returns, scale: scale)
    }

    /// The tool an audit used: the one it names, or the starter tool.
    public func template(of audit: Audit?) -> AuditTemplate {
        audit?.template.flatMap { templates[$0] } ?? .standard
    }

    /// An agency's name, or its id when it has none.
    public func name(_ agency: Agency.ID) -> String { agencies[agency]?.name ?? agency.rawValue }
}
