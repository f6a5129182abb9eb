import AssuranceTesting
import Domain
import Testing

/// Fact: the Practice Development Group's report to the Executive is balanced, in the order
/// "decisions needed now, emerging risks and issues, unresolved or recurring concerns, areas for
/// improvement, good practice" (devon-qa-framework.txt, The Role of the Practice Development Group).
struct FindingOrderTests {
    static func finding(
        _ key: String,
        _ severity: Severity,
        _ level: EscalationLevel,
        since: String = "2025-01-01"
    ) -> Finding {
        Finding(
            id: Finding.ID(unchecked: key),
            rule: "r",
            key: key,
            subject: RecordReference(type: "x", id: "y"),
            severity: severity,
            level: level,
            message: key,
            raisedOn: .fixture(since)
        )
    }

    @Test func theBalancedReportsPartsComeFirstThenTheLevelThenTheOldest() {
        let findings = [
            Self.finding("good", .goodPractice, .executive),
            Self.finding("recurring-agency", .recurringConcern, .agency),
            Self.finding("emerging-agency", .emergingRisk, .agency),
            Self.finding("recurring-executive", .recurringConcern, .executive),
            Self.finding("decision", .decisionRequired, .subGroup),
            Self.finding("improve-new", .areaForImprovement, .subGroup, since: "2025-03-01"),
            Self.finding("improve-old", .areaForImprovement, .subGroup, since: "2025-02-01"),
            Self.finding("improve-old-b", .areaForImprovement, .subGroup, since: "2025-02-01"),
        ]
        #expect(
            findings.sorted(by: Finding.inFrameworkOrder).map(\.key) == [
                "decision", "emerging-agency", "recurring-executive", "recurring-agency", "improve-old",
                "improve-old-b", "improve-new", "good",
            ]
        )
        // Gravity is another order: a recurring concern is graver than an emerging risk.
        #expect(Severity.recurringConcern > .emergingRisk)
        #expect(Severity.balancedOrder.map(\.balancedPosition) == [0, 1, 2, 3, 4])
    }

    /// A finding arose the day after what it is about fell due when that came before the cycle
    /// raised it, and otherwise on the day it was raised.
    @Test func aFindingAroseWhenItsSubjectFellDueOrWhenItWasRaised() {
        func finding(dueOn: String?) -> Finding {
            Finding(
                id: "f",
                rule: "r",
                key: "k",
                subject: RecordReference(type: "x", id: "y"),
                severity: .areaForImprovement,
                level: .subGroup,
                message: "m",
                raisedOn: .fixture("2026-04-30"),
                dueOn: dueOn.map { .fixture($0) }
            )
        }
        #expect(finding(dueOn: "2025-11-22").aroseOn == .fixture("2025-11-23"))
        #expect(finding(dueOn: "2026-04-29").aroseOn == .fixture("2026-04-30"))
        #expect(finding(dueOn: "2026-06-01").aroseOn == .fixture("2026-04-30"))
        #expect(finding(dueOn: nil).aroseOn == .fixture("2026-04-30"))
        let item = FindingsBlock.Item(
            severity: .areaForImprovement,
            level: .subGroup,
            since: .fixture("2026-04-30"),
            message: "m",
            source: "s",
            arose: finding(dueOn: "2025-11-22").aroseOn
        )
        #expect(item.arose == .fixture("2025-11-23"))
    }
}
