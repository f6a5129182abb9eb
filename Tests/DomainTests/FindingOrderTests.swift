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
}
