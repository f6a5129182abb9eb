public import Domain
import Foundation

/// Good practice: an audit reported in the last year whose cases were judged good or better, or
/// that found strengths.
public struct StrongAuditRule: AssuranceRule {
    /// The months an audit is reported as good practice for.
    public var months: Int
    /// The scale the partnership's audit tool grades on.
    public var scale: RatingScale

    /// Creates the rule, for audits graded on a scale.
    public init(months: Int = 12, scale: RatingScale = .fourPoint) {
        self.months = months
        self.scale = scale
    }

    /// `audit.good-practice`.
    public var id: RuleID { .auditGoodPractice }
    /// The rule's title.
    public var title: String { "Audit found good practice" }
    /// What the rule checks.
    public var summary: String {
        "An audit reported in the last \(months) months whose moderated judgement is "
            + "\((scale.leastGreen?.label ?? "green").inSentence) or better, or that "
            + "recorded strengths."
    }
    /// The framework: reports highlight what is working well.
    public var source: ObligationSource {
        .framework(
            .qualityAssuranceDeliveryGroup,
            "audits report what works well as well as what does not"
        )
    }
    /// The window good practice is reported for.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("window", "\(months) months", setting: "goodPracticeMonths")]
    }

    /// One good-practice finding for each such audit, with its grades and strengths as evidence.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let analysis = state.analysis()
        let since = day.adding(months: -months)
        return state.audits.compactMap { audit in
            guard let reported = audit.reached(.reported), reported > since, reported <= day else { return nil }
            let judgement = analysis.judgements[audit.id].flatMap { analysis.scale.level($0) }
            let strengths = audit.findings.filter { $0.kind == .strength }
            let good = judgement.map { $0.rag == .green } ?? false
            guard good || !strengths.isEmpty else { return nil }
            var parts: [String] = []
            if let judgement, good { parts.append("its cases were judged \(judgement.label.inSentence) overall") }
            if !strengths.isEmpty {
                parts.append(
                    "it found strengths: "
                        + strengths.map { $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
                        .joined(separator: "; ")
                )
            }
            return FindingDraft(
                key: audit.id.rawValue,
                subject: audit.reference,
                severity: .goodPractice,
                level: .practiceDevelopmentGroup,
                message: "\(audit.title), reported on \(reported): " + parts.joined(separator: "; ") + ".",
                themes: audit.themes,
                evidence: [EvidenceReference(.record, title: audit.title, record: audit.reference)]
            )
        }
    }
}

/// Good practice: a challenge session in the last year found an audit's learning embedded in practice.
public struct LearningEmbeddedRule: AssuranceRule {
    /// The months a challenge session's finding is reported as good practice for.
    public var months: Int

    /// Creates the rule.
    public init(months: Int = 12) {
        self.months = months
    }

    /// `audit.learning-embedded`.
    public var id: RuleID { .auditLearningEmbedded }
    /// Yes: it finds a change in practice or outcomes.
    public var showsImpact: Bool { true }
    /// The rule's title.
    public var title: String { "Challenge session found learning embedded" }
    /// What the rule checks.
    public var summary: String {
        "A challenge session in the last \(months) months judged a recommendation's change embedded in practice."
    }
    /// The framework: challenge sessions assess the impact of review activity.
    public var source: ObligationSource {
        .framework(
            .qualityAssuranceDeliveryGroup,
            "a challenge session's finding that practice changed is recorded as impact"
        )
    }
    /// The window good practice is reported for.
    public var localDefaults: [LocalDefault] { [LocalDefault("window", "\(months) months", setting: "embeddedMonths")] }

    /// One good-practice finding for each embedded recommendation, with the session as evidence.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await AuditState.load(view)
        let titles = state.audits.keyed(by: \.id, value: \.title)
        let since = day.adding(months: -months)
        return state.sessions.filter { $0.heldOn > since && $0.heldOn <= day }.flatMap { session in
            session.outcomes.filter { $0.judgement == .embedded }.map { outcome in
                let title = titles[session.audit] ?? session.audit.rawValue
                return FindingDraft(
                    key: "\(session.id)|\(outcome.recommendation)",
                    subject: session.reference,
                    severity: .goodPractice,
                    level: .practiceDevelopmentGroup,
                    message: "The challenge session of \(title) on \(session.heldOn) found the change embedded: "
                        + outcome.evidence,
                    evidence: [
                        EvidenceReference(
                            .record,
                            title: "Challenge session of \(session.heldOn)",
                            record: session.reference
                        )
                    ]
                )
            }
        }
    }
}
