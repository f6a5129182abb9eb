public import Domain

/// A standard rated red by more than a share of agencies: a gap across the system, for the PDG.
public struct SystemWideGapRule: AssuranceRule {
    /// `section11.system-wide-gap`.
    public var id: RuleID { .section11SystemWideGap }
    /// The rule's title.
    public var title: String { "System-wide gap" }
    /// The share of agencies beyond which a red standard is system-wide.
    public var share: Double

    /// Creates the rule, with the share of agencies rating a standard red that makes a gap system-wide.
    public init(share: Double = 0.2) {
        self.share = share
    }
    /// What the rule checks.
    public var summary: String {
        "More than \(Int((share * 100).rounded()))% of the agencies that rated a standard rated one of its criteria red."
    }
    /// The framework: common themes and gaps.
    public var source: ObligationSource {
        .framework(
            .agencyContribution,
            "a gap common to many agencies is addressed across the partnership"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [
            LocalDefault(
                "share of agencies rating a criterion red",
                "\(Int((share * 100).rounded()))%",
                setting: "systemWideRedShare"
            )
        ]
    }

    /// One finding per standard.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        return state.cycles.flatMap { entry in
            Section11Analysis(set: entry.set, assessments: [], agencies: [:], on: day)
                .redStandards(share: share, assessments: entry.assessments).map { gap in
                    FindingDraft(
                        key: "\(entry.cycle.id)|\(gap.standard.code)",
                        subject: entry.cycle.reference,
                        severity: .recurringConcern,
                        level: .practiceDevelopmentGroup,
                        message: "\(gap.red) of \(gap.rated) agencies rated standard \(gap.standard.code) "
                            + "(\(gap.standard.title)) \(entry.set.scale.words(for: .red)) in \(entry.cycle.name)."
                    )
                }
        }
    }
}
