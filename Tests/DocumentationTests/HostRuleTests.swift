import AssuranceTesting
import Domain
import Learning
import Testing

/// A partnership's own rule: an action with no owning agency ten working days after it starts.
///
/// The guide "Writing a rule" quotes this file.
struct ActionWithoutOwnerRule: AssuranceRule {
    var id: RuleID { "local.action-without-owner" }
    var title: String { "Action without an owning agency" }
    var summary: String { "A tracked action with no owning agency 10 working days after it started." }
    var source: ObligationSource { .framework("Our framework, the one action tracker: every action has an owner") }

    func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let learning = try await LearningState.load(view)
        return learning.actions.filter { action in
            action.ownerAgency == nil && !action.status.isComplete
                && day > view.calendar.adding(workingDays: 10, to: action.startOn)
        }.map { action in
            FindingDraft(
                key: action.id.rawValue,
                subject: action.reference,
                severity: .areaForImprovement,
                level: .subGroup,
                message: "Action \(action.id) has no owning agency; it started on \(action.startOn)."
            )
        }
    }
}

struct HostRuleTests {
    /// The day before the tenth working day after the start, the day, and the day after; and the
    /// finding clears when the action gets an owner.
    @Test func theRuleFiresTheDayAfterTenWorkingDaysAndClearsWhenTheActionIsOwned() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-01-01")).save(into: Records(store: store))
        let today = AdvancingDay(.fixture("2025-06-13"))
        let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
        let framework = try AssuranceFramework(
            modules: [PartnershipModule(), LearningModule()],
            rules: [ActionWithoutOwnerRule()],
            environment: environment
        )
        let qaLead = PartnershipScenario.qaLead
        let recommendation = Recommendation(
            id: "r1",
            source: Recommendation.Source(.review, title: "Rapid review 2025-04"),
            text: "Share plans with schools before conferences",
            raisedOn: .fixture("2025-05-20")
        )
        let action = TrackedAction(
            id: "a1",
            recommendation: "r1",
            text: "Write the school-sharing protocol",
            lead: "Head of service",
            startOn: .fixture("2025-06-02"),
            dueOn: .fixture("2025-09-30")
        )
        var batch = RecordBatch()
        try batch.save(recommendation, version: 0)
        try batch.save(action, version: 0)
        try await environment.records.commit(batch, by: qaLead)

        func found() async throws -> [Finding] {
            try await framework.runCycle(on: today.day, by: qaLead).open.filter {
                $0.rule == "local.action-without-owner"
            }
        }
        // Ten working days after Monday 2 June is Monday 16 June.
        #expect(try await found().isEmpty)  // Friday 13 June
        today.set(.fixture("2025-06-16"))
        #expect(try await found().isEmpty)  // the tenth working day itself
        today.advance()
        let finding = try #require(try await found().first)
        #expect(finding.message == "Action a1 has no owning agency; it started on 2025-06-02.")
        #expect(framework.ruleCatalogue.last?.module == "Local rules")

        try await environment.records.modify(TrackedAction.self, id: "a1", by: qaLead) {
            $0.ownerAgency = PartnershipScenario.council
        }
        today.advance()
        #expect(try await found().isEmpty)
    }
}
