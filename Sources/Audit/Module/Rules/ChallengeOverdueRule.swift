public import Domain

/// An audit reported some months ago whose challenge session has not been held.
public struct ChallengeOverdueRule: AssuranceRule {
    /// `audit.challenge-overdue`.
    public var id: RuleID { .auditChallengeOverdue }
    /// The rule's title.
    public var title: String { "Challenge session overdue" }
    /// Months after the report.
    public var months: Int

    /// Creates the rule, with the months from the report to the challenge session.
    public init(months: Int = 6) {
        self.months = months
    }
    /// What the rule checks.
    public var summary: String { "An audit reported \(months) months ago has had no challenge session." }
    /// The QADG's rolling plan of challenge sessions.
    public var source: ObligationSource {
        .framework(
            .qualityAssuranceDeliveryGroup,
            "an audit's recommendations are tested for impact at a challenge session"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("time from report to challenge session", "\(months) months", setting: "challengeMonths")]
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
