public import Domain

/// An assessment returned for rework and not resubmitted within a number of working days.
public struct ReworkNotResubmittedRule: AssuranceRule {
    /// `section11.rework-not-resubmitted`.
    public var id: RuleID { .section11ReworkNotResubmitted }
    /// The rule's title.
    public var title: String { "Returned assessment not resubmitted" }
    /// The working days allowed.
    public var workingDays: Int

    /// Creates the rule, with the working days allowed to resubmit after rework.
    public init(workingDays: Int = 10) {
        self.workingDays = workingDays
    }
    /// What the rule checks.
    public var summary: String {
        "An assessment returned for rework has not been resubmitted within \(workingDays) working days."
    }
    /// The framework's Section 11 process.
    public var source: ObligationSource {
        .framework(.agencyContribution, "a return sent back for more work is resubmitted")
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("resubmission window", "\(workingDays) working days", setting: "reworkWorkingDays")]
    }

    /// One finding per assessment.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            entry.assessments.compactMap { assessment -> FindingDraft? in
                guard
                    assessment.status == .returned
                        || (assessment.status == .inProgress && assessment.returnedOn != nil),
                    let returned = assessment.returnedOn
                else { return nil }
                let due = view.calendar.adding(workingDays: workingDays, to: returned)
                guard day > due else { return nil }
                return FindingDraft(
                    key: "\(assessment.id)|\(returned)",
                    subject: assessment.reference,
                    agency: assessment.agency,
                    severity: .areaForImprovement,
                    level: .agency,
                    message:
                        "\(state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue)'s \(entry.cycle.name) "
                        + "assessment was returned for rework on \(returned) and has not been resubmitted; it was due by \(due).",
                    dueOn: due
                )
            }
        }
    }
}
