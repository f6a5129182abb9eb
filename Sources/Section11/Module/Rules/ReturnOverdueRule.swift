public import Domain

/// An invited agency that has not returned its assessment by the deadline.
public struct ReturnOverdueRule: AssuranceRule {
    /// `section11.return-overdue`.
    public var id: RuleID { .section11ReturnOverdue }
    /// The rule's title.
    public var title: String { "Self-assessment return overdue" }
    /// What the rule checks.
    public var summary: String {
        "An open cycle's return deadline has passed and an invited agency has not returned its assessment."
    }
    /// Section 11 of the Children Act 2004 and the framework's Section 11 process.
    public var source: ObligationSource {
        ObligationSource(.statute, "Children Act 2004 s11").also(
            .agencyContribution,
            "each agency assesses itself against the partnership's standards by the deadline"
        )
    }
    /// Creates the rule.
    public init() {}

    /// One finding per late agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.filter { $0.cycle.status == .open && day > $0.cycle.returnDeadline }.flatMap { entry in
            entry.assessments.filter { !$0.status.isReturned && $0.status != .returned }.map { assessment in
                FindingDraft(
                    key: "\(entry.cycle.id)|\(assessment.agency)",
                    subject: assessment.reference,
                    agency: assessment.agency,
                    severity: .areaForImprovement,
                    level: .agency,
                    message:
                        "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue) has not returned its "
                        + "\(entry.cycle.name) self-assessment, due on \(entry.cycle.returnDeadline).",
                    dueOn: entry.cycle.returnDeadline
                )
            }
        }
    }
}
