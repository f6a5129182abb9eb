public import Domain

/// The Section 11 module of the framework: its record types, its rules and its report sections.
public struct Section11Module: AssuranceModule {
    /// `section11`: the module's stable id.
    public var id: ModuleID { "section11" }
    /// `Section 11`.
    public var name: String { "Section 11" }
    /// Working days an assessment returned for rework may stay unresubmitted.
    public var reworkWorkingDays: Int
    /// The share of agencies rating a standard red that makes a system-wide gap.
    public var systemWideRedShare: Double
    /// The share of agencies rating a criterion below green that makes it a theme or gap in reports.
    public var gapShare: Double
    /// The checks of ratings against agencies' data: which measure evidences which standard.
    public var contributionChecks: [ContributionCheck]
    /// The standard that attendance at partnership meetings evidences; `nil` for none.
    public var attendanceStandard: StandardCode?
    /// The share of partnership meetings an agency rating the attendance standard green is expected to attend.
    public var attendanceShare: Double = 0.75
    /// Months in which standards moved to green are reported as good practice.
    public var movedToGreenMonths: Int = 12
    /// The standard sets the partnership uses: the starter sets unless its profile gives its own.
    public var standardSets: [StandardSet] = [.section11Classic, .schoolsSection175]

    /// Creates the module.
    public init(
        reworkWorkingDays: Int = 10,
        systemWideRedShare: Double = 0.2,
        gapShare: Double = 0.25,
        contributionChecks: [ContributionCheck] = ContributionCheck.classic,
        attendanceStandard: StandardCode? = "7"
    ) {
        self.reworkWorkingDays = reworkWorkingDays
        self.systemWideRedShare = systemWideRedShare
        self.gapShare = gapShare
        self.contributionChecks = contributionChecks
        self.attendanceStandard = attendanceStandard
    }

    /// Standard sets, cycles, assessments, workforce judgements and walkabouts.
    public var recordTypes: [any StorableRecord.Type] {
        [StandardSet.self, AssessmentCycle.self, SelfAssessment.self, WorkforceJudgement.self, Walkabout.self]
    }

    /// The module's rules.
    public var rules: [any AssuranceRule] {
        [
            ReturnOverdueRule(), ReworkNotResubmittedRule(workingDays: reworkWorkingDays), RedWithoutActionRule(),
            AssessmentActionOverdueRule(), SystemWideGapRule(share: systemWideRedShare),
            RatingContradictedByDataRule(
                checks: contributionChecks,
                attendanceStandard: attendanceStandard,
                attendanceShare: attendanceShare
            ),
            StandardMovedToGreenRule(months: movedToGreenMonths), NextCycleOverdueRule(), WorkforceJudgedRedRule(),
        ]
    }

    /// The Practice Development Group's and the yearly reports, and an agency's feedback.
    public var reportContributions: [ReportContribution] {
        [
            ReportContribution(.practiceDevelopmentAssurance), ReportContribution(.yearly),
            ReportContribution(.agencyFeedback),
        ]
    }

    /// Completion, ratings by standard, themes and gaps, movement, actions and agency contribution;
    /// for an agency's feedback, its own ratings, challenges, gaps against the partnership, workforce
    /// judgement and walkabouts.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        guard contributes(to: request.kind) else { return [] }
        if request.kind == .agencyFeedback {
            guard let agency = request.agency else { return [] }
            return try await Section11Sections(module: self).feedback(for: agency, request: request, in: view)
        }
        return try await Section11Sections(module: self).sections(for: request, in: view)
    }
}
