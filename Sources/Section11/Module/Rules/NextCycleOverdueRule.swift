public import Domain

/// A duty whose latest self-assessment cycle is older than its cadence, with no later cycle issued:
/// a partnership that assesses every two years finds out when the two years have passed.
public struct NextCycleOverdueRule: AssuranceRule {
    /// `section11.next-cycle-overdue`.
    public var id: RuleID { .section11NextCycleOverdue }
    /// The rule's title.
    public var title: String { "Next self-assessment cycle overdue" }
    /// What the rule checks.
    public var summary: String {
        "A duty's latest self-assessment cycle was issued longer ago than the cycle's own cadence and no later "
            + "cycle has been issued."
    }
    /// Section 11 of the Children Act 2004 and the framework's Section 11 process.
    public var source: ObligationSource {
        ObligationSource(.statute, "Children Act 2004 s11").also(
            .agencyContribution,
            "the partnership runs its self-assessment cycle at the interval it sets"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per duty whose next cycle is overdue.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        let latest = Dictionary(grouping: state.cycles.map(\.cycle), by: \.duty).compactMapValues {
            $0.max { ($0.issuedOn, $0.id) < ($1.issuedOn, $1.id) }
        }
        return latest.values.sorted { $0.id < $1.id }.compactMap { cycle in
            let due = cycle.cadence.after(cycle.issuedOn)
            guard day > due else { return nil }
            return FindingDraft(
                key: "\(cycle.duty.rawValue)|\(cycle.id)",
                subject: cycle.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message:
                    "The next \(cycle.duty) self-assessment was due by \(due): \(cycle.name), issued on "
                    + "\(cycle.issuedOn), runs \(cycle.cadence), and no later cycle has been issued.",
                dueOn: due
            )
        }
    }
}
