public import Domain

/// An agency's chronology or summary for a review, past its due day and not received.
///
/// The partners must monitor the time a review takes (the Child Safeguarding Practice Review and
/// Relevant Agency (England) Regulations 2018, reg 14): an agency's late contribution holds the
/// review up, so it is raised with the agency.
public struct ContributionLateRule: AssuranceRule {
    /// Creates the rule.
    public init() {}

    /// `learning.contribution-late`.
    public var id: RuleID { .learningContributionLate }
    /// The rule's title.
    public var title: String { "Review contribution late" }
    /// What the rule checks.
    public var summary: String {
        "An agency taking part in an open review has not sent its chronology or its summary by the day it was due."
    }
    /// The regulation that asks the partners to monitor a review's time.
    public var source: ObligationSource {
        ObligationSource(
            .statute,
            "The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018, reg 14: the "
                + "safeguarding partners must monitor the time being taken to conduct a review",
            url: "https://www.legislation.gov.uk/uksi/2018/789/regulation/14/made"
        )
    }

    /// One finding for each contribution overdue, at the agency.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        var drafts: [FindingDraft] = []
        for review in state.reviews where review.status == .open || review.status == .reported {
            for participant in review.participants ?? [] {
                let owed: [(Review.Contribution, Day?, Day?)] = [
                    (.chronology, participant.chronologyDue, participant.chronologyReceived),
                    (.summary, participant.summaryDue, participant.summaryReceived),
                ]
                for (contribution, due, received) in owed {
                    guard let due, received == nil, day > due else { continue }
                    drafts.append(
                        FindingDraft(
                            key: "\(review.id)|\(participant.agency)|\(contribution)",
                            subject: review.reference,
                            agency: participant.agency,
                            severity: .areaForImprovement,
                            level: .agency,
                            message:
                                "\(Prose.possessive(state.name(participant.agency))) \(contribution) for \(review.title) was due "
                                + "on \(due) and has not been received.",
                            themes: review.themes,
                            dueOn: due
                        )
                    )
                }
            }
        }
        return drafts
    }
}

/// A child protection clock recorded for a case that ran past its due day without stopping.
public struct CaseClockOverdueRule: AssuranceRule {
    /// Creates the rule.
    public init() {}

    /// `learning.case-clock-overdue`.
    public var id: RuleID { .learningCaseClockOverdue }
    /// The rule's title.
    public var title: String { "Child protection clock overdue" }
    /// What the rule checks.
    public var summary: String {
        "A child protection clock recorded for a case (an initial conference, a core group, a review conference, "
            + "an assessment, a LADO referral) is past its due day and has not stopped."
    }
    /// Working Together, through each clock's own source.
    public var source: ObligationSource {
        ObligationSource(
            .statutoryGuidance,
            "Working Together to Safeguard Children: the child protection timescales of each clock (qaf clocks)"
        )
    }

    /// One finding for each overdue clock, at the agency that owes the event.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await LearningState.load(view)
        let names = state.clocks.keyed(by: \.id, value: \.name)
        return try await view.all(CaseClock.self).compactMap { clock in
            guard clock.stoppedOn == nil, day > clock.dueOn else { return nil }
            let name = names[clock.clock] ?? clock.clock.rawValue
            return FindingDraft(
                key: clock.id.rawValue,
                subject: clock.reference,
                agency: clock.agency,
                severity: .emergingRisk,
                level: clock.agency == nil ? .subGroup : .agency,
                message: "\(name) for case \(clock.caseReference), started on \(clock.startedOn), was due by "
                    + "\(clock.dueOn) and has not happened.",
                dueOn: clock.dueOn
            )
        }
    }
}
