/// Good practice: what children, young people or families told the partnership changed something.
public struct VoiceChangedPracticeRule: AssuranceRule, Hashable {
    /// The months a change is reported as good practice for.
    public var months: Int

    /// Creates the rule.
    public init(months: Int = 12) {
        self.months = months
    }

    /// `partnership.voice-changed-practice`.
    public var id: RuleID { .partnershipVoiceChangedPractice }
    /// Yes: it finds a change in practice or outcomes.
    public var showsImpact: Bool { true }
    /// The rule's title.
    public var title: String { "What children and families said changed practice" }
    /// What the rule checks.
    public var summary: String {
        "A record of what children, young people or families said, from the last \(months) months, with what "
            + "changed as a result."
    }
    /// The framework's commitment to the voice of children and families.
    public var source: ObligationSource {
        .framework(
            .voices,
            "what children and families say is recorded, with what changed as a result"
        )
    }
    /// The window good practice is reported for.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("window", "\(months) months", setting: "voiceWindowMonths")]
    }

    /// One good-practice finding for each such record.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let since = day.adding(months: -months)
        return try await view.all(VoiceRecord.self).compactMap { record in
            guard let changed = record.whatChanged, record.day > since, record.day <= day else { return nil }
            return FindingDraft(
                key: record.id.rawValue,
                subject: record.reference,
                agency: record.agency,
                severity: .goodPractice,
                level: .practiceDevelopmentGroup,
                message: "\(record.speaker.label) told us \"\(record.consentedSummary)\"; what changed: \(changed)",
                themes: record.themes,
                evidence: [EvidenceReference(.record, title: "Voice record of \(record.day)", record: record.reference)]
            )
        }
    }
}
