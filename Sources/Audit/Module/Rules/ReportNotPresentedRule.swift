public import Domain

/// An audit not reported to the Practice Development Group within some weeks of fieldwork.
public struct ReportNotPresentedRule: AssuranceRule {
    /// `audit.report-not-presented`.
    public var id: RuleID { .auditReportNotPresented }
    /// The rule's title.
    public var title: String { "Audit report not presented" }
    /// Weeks allowed after fieldwork.
    public var weeks: Int

    /// Creates the rule, with the weeks from the end of fieldwork to the report.
    public init(weeks: Int = 8) {
        self.weeks = weeks
    }
    /// What the rule checks.
    public var summary: String {
        "An audit of any type whose fieldwork ended (or was due to end, with its planned window) \(weeks) weeks ago "
            + "has not been reported to the {practice-development-group}."
    }
    /// The QADG refers findings to the PDG.
    public var source: ObligationSource {
        .framework(.qualityAssuranceDeliveryGroup, "each audit is reported once its fieldwork ends")
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time from the end of fieldwork to the report", "\(weeks) weeks", setting: "reportWeeks")]
    }

    /// One finding per audit.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        try await AuditState.load(view).audits.compactMap { audit in
            // A case audit's fieldwork ends when moderation begins; a spot audit, an appreciative inquiry
            // or a survey may have no moderation, so its fieldwork is due to end with its planned window.
            let ended: Day
            switch audit.stage {
            case .moderation:
                guard let moderated = audit.reached(.moderation) else { return nil }
                ended = moderated
            case .fieldwork:
                ended = audit.plannedUntil
            default:
                return nil
            }
            let due = ended.adding(days: weeks * 7)
            guard day > due else { return nil }
            let when =
                audit.stage == .moderation ? "fieldwork ended on \(ended)" : "fieldwork was due to end on \(ended)"
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message:
                    "\(audit.title) (\(audit.type.name)): \(when) and the report was due at the "
                    + "\(view.document.name(of: .practiceDevelopmentGroup)) by \(due).",
                themes: audit.themes,
                dueOn: due
            )
        }
    }
}
