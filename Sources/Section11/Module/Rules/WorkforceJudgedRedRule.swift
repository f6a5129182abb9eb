public import Domain

/// An agency whose latest workforce judgement rates any of its four areas red: recruitment and
/// retention, agency staff, training or supervision.
///
/// A workforce judgement is the partnership's view of an agency's workforce beside its Section 11
/// return; the finding stands until a later judgement rates none red.
public struct WorkforceJudgedRedRule: AssuranceRule {
    /// `section11.workforce-red`.
    public var id: RuleID { .section11WorkforceRed }
    /// The rule's title.
    public var title: String { "Workforce judged red" }
    /// What the rule checks.
    public var summary: String {
        "An agency's latest workforce judgement rates recruitment and retention, agency staff, training or "
            + "supervision red."
    }
    /// The framework's view of agency contribution.
    public var source: ObligationSource {
        .framework(
            .agencyContribution,
            "an agency's contribution includes a stable, trained and supervised workforce"
        )
    }

    /// Creates the rule.
    public init() {}

    /// One finding for each agency whose latest judgement, of a period ended by the day, has a red area.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let latest = Dictionary(
            grouping: try await view.all(WorkforceJudgement.self).filter { $0.period.lastDay <= day },
            by: \.agency
        ).compactMapValues { $0.max { ($0.period.lastDay, $0.id) < ($1.period.lastDay, $1.id) } }
        let names = try await view.byID(Agency.self)
        return latest.values.sorted { $0.agency < $1.agency }.compactMap { judgement in
            let red = judgement.areas.filter { $0.rag == .red }.map(\.name)
            guard !red.isEmpty else { return nil }
            let name = names[judgement.agency]?.name ?? judgement.agency.rawValue
            return FindingDraft(
                key: judgement.agency.rawValue,
                subject: judgement.reference,
                agency: judgement.agency,
                severity: .areaForImprovement,
                level: .agency,
                message:
                    "\(Prose.possessive(name)) workforce judgement for \(judgement.period.label) rates "
                    + "\(Prose.listed(red)) red.",
                themes: [.workforce],
                evidence: [
                    EvidenceReference(
                        .record,
                        title: "Workforce judgement for \(judgement.period.label): \(judgement.narrative)",
                        record: judgement.reference
                    )
                ]
            )
        }
    }
}

extension WorkforceJudgement {
    /// The four areas judged, each by name with its rating.
    public var areas: [(name: String, rag: RAG)] {
        [
            ("recruitment and retention", recruitmentAndRetention), ("agency staff", agencyStaff),
            ("training", training), ("supervision", supervision),
        ]
    }
}
