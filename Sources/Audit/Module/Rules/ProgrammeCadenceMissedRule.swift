public import Domain

/// A programme that holds an audit of a type at a cadence (a case file audit each quarter) and has
/// let the cadence pass without one starting its fieldwork.
public struct ProgrammeCadenceMissedRule: AssuranceRule {
    /// `audit.programme-cadence-missed`.
    public var id: RuleID { .auditProgrammeCadenceMissed }
    /// The rule's title.
    public var title: String { "Audit programme behind its cadence" }
    /// The programmes and their cadences.
    public var programmes: [AuditProgrammeCadence]
    /// The names of the partnership's audit types.
    public var labels: [AuditType: String]

    /// Creates the rule for a partnership's programmes, naming each type as its reports do.
    public init(programmes: [AuditProgrammeCadence], labels: [AuditType: String] = [:]) {
        self.programmes = programmes
        self.labels = labels
    }
    /// What the rule checks.
    public var summary: String {
        "No audit of a type the programme holds at a cadence has started its fieldwork within one cadence of the "
            + "last (or of the programme's start)."
    }
    /// The framework's audit programme.
    public var source: ObligationSource {
        .framework(.qualityAssuranceDeliveryGroup, "the audit programme holds its audits at the intervals it sets")
    }

    /// What a finding about a programme with no audit yet is about: the programme of the type.
    static func programme(_ type: AuditType) -> RecordReference {
        RecordReference(type: "audit.programme", id: Identifier(rawValue: type.rawValue) ?? "programme")
    }

    /// One finding per programme behind its cadence.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let audits = try await AuditState.load(view).audits.filter { $0.stage != .cancelled }
        return programmes.compactMap { programme in
            let ofType = audits.filter { $0.type == programme.type }
            let latest = ofType.compactMap { audit in audit.reached(.fieldwork).map { (audit, $0) } }
                .max { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
            guard let since = latest?.1 ?? programme.from else { return nil }
            let due = programme.every.after(since)
            guard day > due else { return nil }
            let name = (labels[programme.type] ?? programme.type.label).lowercased()
            let last =
                latest.map { "the last, \($0.0.title), started its fieldwork on \($0.1)" }
                ?? "the programme began on \(since) and none has started its fieldwork"
            return FindingDraft(
                key: "\(programme.type.rawValue)|\(due)",
                subject: latest?.0.reference ?? Self.programme(programme.type),
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "The programme holds a \(name) \(programme.every) and one was due to start by \(due): \(last).",
                dueOn: due
            )
        }
    }
}
