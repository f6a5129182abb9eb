import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

/// A small set for tests: two standards, four criteria, one standard only for schools.
let testSet: StandardSet = try! StandardSet(
    id: "test-set-v1",
    family: "test-set",
    version: 1,
    name: "Test set",
    duty: .section11,
    standards: [
        Standard(
            code: "1",
            title: "Leadership",
            criteria: [
                Criterion(code: "1.1", text: "A named lead."), Criterion(code: "1.2", text: "Staff know the lead."),
            ],
            themes: [.governance]
        ),
        Standard(
            code: "7",
            title: "Inter-agency working",
            criteria: [
                Criterion(code: "7.1", text: "Attends conferences.")
            ]
        ),
        Standard(
            code: "S",
            title: "Schools only",
            criteria: [Criterion(code: "S.1", text: "Governor visits.")],
            sectors: [.education]
        ),
    ]
)

struct Section11CycleTests {
    let qaLead = PartnershipScenario.qaLead
    let policeLead = PartnershipScenario.policeLead
    let schoolLead = PartnershipScenario.schoolLead
    let ids = IDGenerator.incrementing

    func environment(_ store: InMemoryStore, on day: Day) -> AssuranceEnvironment {
        AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
    }

    func setUp(_ store: InMemoryStore) async throws -> AssessmentCycle {
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-05-01")))
        try await service.save(testSet, by: qaLead)
        return try await service.openCycle(
            name: "Section 11 2025",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police, PartnershipScenario.school],
            by: qaLead
        )
    }

    @Test func eachAgencyGetsTheCriteriaOfItsSector() async throws {
        let store = InMemoryStore()
        let cycle = try await setUp(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-05-02")))
        let assessments = try await service.assessments(in: cycle.id, as: qaLead).map(\.value)
        #expect(assessments.map(\.agency) == [PartnershipScenario.police, PartnershipScenario.school])
        #expect(assessments[0].responses.map(\.criterion) == ["1.1", "1.2", "7.1"])
        #expect(assessments[1].responses.map(\.criterion) == ["1.1", "1.2", "7.1", "S.1"])
        #expect(assessments.allSatisfy { $0.status == .invited && $0.standardSet == testSet.id })
        // An agency lead sees only their own agency's assessment.
        #expect(
            try await service.assessments(in: cycle.id, as: policeLead).map(\.value.agency) == [
                PartnershipScenario.police
            ]
        )
    }

    @Test func aBulkAnswerWritesOneVersionOrNothing() async throws {
        let store = InMemoryStore()
        let cycle = try await setUp(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-10")))
        let held = try #require(try await service.assessments(in: cycle.id, as: policeLead).first)
        let answers = [
            CriterionResponse(criterion: "1.1", selfRating: "green", narrative: "A named lead"),
            CriterionResponse(criterion: "1.2", selfRating: "amber", narrative: "Awareness is patchy"),
            CriterionResponse(criterion: "7.1", selfRating: "green"),
        ]
        // A rating off the scale, or a criterion answered twice, refuses the whole answer.
        await #expect(
            throws: DomainError(
                .invalidInput,
                "criterion 7.1: rating \"purple\" is not on the RAG scale; expected one of red, amber, green"
            )
        ) {
            try await service.respond(
                [answers[0], CriterionResponse(criterion: "7.1", selfRating: "purple")],
                to: held.value.id,
                by: policeLead
            )
        }
        await #expect(
            throws: DomainError(.invalidInput, "criterion \"1.1\" is answered twice; answer each criterion once")
        ) {
            try await service.respond(answers + [answers[0]], to: held.value.id, by: policeLead)
        }
        #expect(try await store.changeLog(for: held.value.reference).count == 1, "nothing was written")
        // A host finds which answer failed, and why, as values.
        do {
            _ = try await service.respond(
                [answers[0], answers[1], CriterionResponse(criterion: "7.1", selfRating: "plum")],
                to: held.value.id,
                by: policeLead
            )
        } catch let error as DomainError {
            #expect(error.context.index == 2 && error.context.field == "rating" && error.context.value == "plum")
            #expect(error.context.record == held.value.reference)
        }
        await #expect(throws: DomainError(.invalidInput, "no answers were given; give at least one")) {
            try await service.respond([], to: held.value.id, by: policeLead)
        }

        let answered = try await service.respond(answers, to: held.value.id, by: policeLead)
        #expect(answered.version == held.version + 1)
        #expect(answered.value.responses.map(\.selfRating) == ["green", "amber", "green"])
        #expect(answered.value.status == .inProgress)
        #expect(try await store.changeLog(for: held.value.reference).count == 2)
        // The same answers again change nothing, and spend no version.
        do {
            _ = try await service.respond(answers, to: held.value.id, by: policeLead)
            Issue.record("a write that changes nothing was made")
        } catch let error as DomainError {
            #expect(error.code == .unchanged)
        }
        #expect(try await store.changeLog(for: held.value.reference).count == 2)
    }

    @Test func aWholeCycleThroughEveryStep() async throws {
        let store = InMemoryStore()
        let cycle = try await setUp(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-10")))
        let police = try #require(try await service.assessments(in: cycle.id, as: policeLead).first).value

        // The police lead answers, but the school's lead may not touch the police's assessment.
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"school-lead\" (agency lead for school-north) may not read section11.assessment/\(police.id) (agency police)"
            )
        ) {
            try await service.respond(
                CriterionResponse(criterion: "1.1", selfRating: "green"),
                to: police.id,
                by: schoolLead
            )
        }
        try await service.respond(
            CriterionResponse(criterion: "1.1", selfRating: "green"),
            to: police.id,
            by: policeLead
        )
        try await service.respond(CriterionResponse(criterion: "7.1", selfRating: "red"), to: police.id, by: policeLead)

        // Submitting lists every unrated criterion and every red or amber rating without an action.
        await #expect(
            throws: DomainError(
                .invalidInput,
                "assessment \(police.id) cannot be submitted: criterion 1.2 not rated; 7.1 (red) rated below green with no action"
            )
        ) {
            try await service.submit(police.id, by: policeLead)
        }
        try await service.respond(
            CriterionResponse(
                criterion: "1.2",
                selfRating: "amber",
                actions: [
                    AssessmentAction(
                        id: "a1",
                        text: "Publicise the lead",
                        owner: "Head of safeguarding",
                        dueOn: .fixture("2025-09-30")
                    )
                ]
            ),
            to: police.id,
            by: policeLead
        )
        try await service.respond(
            CriterionResponse(criterion: "7.1", selfRating: "green"),
            to: police.id,
            by: policeLead
        )
        let submitted = try await service.submit(police.id, by: policeLead)
        #expect(submitted.value.status == .submitted)

        // An agency lead cannot moderate; the QA lead challenges, the scrutineer records challenge.
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"police-lead\" (agency lead for police) may not moderate section11.assessment/\(police.id) (agency police)"
            )
        ) {
            try await service.openChallenge(police.id, by: policeLead)
        }
        try await service.openChallenge(police.id, by: qaLead)
        try await service.challenge(
            "7.1",
            of: police.id,
            "Conference attendance was 60% this year.",
            by: PartnershipScenario.scrutineer
        )
        let moderated = try await service.moderate(police.id, ratings: ["7.1": "amber"], by: qaLead)
        #expect(moderated.value.response("7.1")?.selfRating == "green")
        #expect(moderated.value.response("7.1")?.moderatedRating == "amber")
        #expect(moderated.value.response("7.1")?.challenges?.first?.by == "scrutineer")
        let accepted = try await service.accept(police.id, by: qaLead)
        #expect(accepted.value.status == .accepted)
        #expect(
            accepted.value.steps.map(\.status) == [
                .invited, .inProgress, .submitted, .underChallenge, .moderated, .accepted,
            ]
        )

        // A step out of order is refused.
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "assessment \(police.id) is accepted; it can be returned for rework only once it is submitted and before it is accepted"
            )
        ) {
            try await service.returnForRework(police.id, reason: "Too late", by: qaLead)
        }
    }

    @Test func aReturnForReworkAndTheNextCyclesCarriedForwardDraft() async throws {
        let store = InMemoryStore()
        let cycle = try await setUp(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-10")))
        let school = try #require(try await service.assessments(in: cycle.id, as: schoolLead).first).value
        for criterion: CriterionCode in ["1.1", "1.2", "7.1", "S.1"] {
            try await service.respond(
                CriterionResponse(criterion: criterion, selfRating: "green", narrative: "Evidence for \(criterion)"),
                to: school.id,
                by: schoolLead
            )
        }
        try await service.submit(school.id, by: schoolLead)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "returning assessment \(school.id) for rework needs a reason the agency can act on"
            )
        ) {
            try await service.returnForRework(school.id, reason: " ", by: qaLead)
        }
        let returned = try await service.returnForRework(school.id, reason: "Evidence for S.1 is missing.", by: qaLead)
        #expect(returned.value.status == .returned)
        #expect(returned.value.steps.last?.reason == "Evidence for S.1 is missing.")
        try await service.respond(
            CriterionResponse(
                criterion: "S.1",
                selfRating: "green",
                evidence: [EvidenceReference(.document, title: "Visit notes")]
            ),
            to: school.id,
            by: schoolLead
        )
        try await service.submit(school.id, by: schoolLead)

        // The next cycle's set changes criterion 1.2's text: its answer is not carried forward.
        var next = testSet
        next = try StandardSet(
            id: "test-set-v2",
            family: "test-set",
            version: 2,
            name: "Test set",
            duty: .section11,
            standards: next.standards.map { standard in
                var standard = standard
                standard.criteria = standard.criteria.map {
                    $0.code == "1.2" ? Criterion(code: "1.2", text: "Staff know and use the lead.") : $0
                }
                return standard
            }
        )
        let later = SelfAssessments(environment: environment(store, on: .fixture("2026-05-01")))
        try await later.save(next, by: qaLead)
        let second = try await later.openCycle(
            name: "Section 11 2026",
            standardSet: next.id,
            cadence: .yearly,
            issuedOn: .fixture("2026-05-01"),
            returnDeadline: .fixture("2026-06-30"),
            invite: [PartnershipScenario.school],
            previous: cycle.id,
            by: qaLead
        )
        let draft = try #require(try await later.assessments(in: second.id, as: schoolLead).first).value
        #expect(draft.status == .invited)
        #expect(draft.response("1.1")?.selfRating == "green")
        #expect(draft.response("1.1")?.carriedForward == true)
        #expect(draft.response("1.1")?.narrative == "Evidence for 1.1")
        #expect(draft.response("S.1")?.evidence?.first?.title == "Visit notes")
        #expect(draft.response("1.2")?.selfRating == nil)
        #expect(draft.response("1.2")?.carriedForward == nil)
    }

    @Test func anAgencysActionsJoinTheOneTrackerAndCarryForwardWithTheirHistory() async throws {
        let store = InMemoryStore()
        let cycle = try await setUp(store)
        let service = SelfAssessments(environment: environment(store, on: .fixture("2025-06-10")))
        let police = try #require(try await service.assessments(in: cycle.id, as: policeLead).first).value
        try await service.respond(
            CriterionResponse(criterion: "1.1", selfRating: "green"),
            to: police.id,
            by: policeLead
        )
        try await service.respond(
            CriterionResponse(
                criterion: "1.2",
                selfRating: "red",
                actions: [
                    AssessmentAction(
                        id: "a1",
                        text: "Training for all staff",
                        owner: "Training lead",
                        dueOn: .fixture("2025-12-31")
                    )
                ]
            ),
            to: police.id,
            by: policeLead
        )
        try await service.respond(
            CriterionResponse(criterion: "7.1", selfRating: "green"),
            to: police.id,
            by: policeLead
        )
        try await service.submit(police.id, by: policeLead)

        // The action is in the one tracker, serving the agency's own recommendation on the criterion,
        // which carries the criterion's themes into their work stream; the response refers to it.
        let records = Records(store: store)
        let recommendationID = try Recommendation.ID(validating: "s11-\(police.id)-1-2")
        let recommendation = try #require(try await records.load(Recommendation.self, id: recommendationID, as: qaLead))
        #expect(recommendation.value.themes == [.governance])
        #expect(recommendation.value.ownerAgency == PartnershipScenario.police)
        let stream = try #require(try await records.load(WorkStream.self, id: "ws-governance", as: qaLead))
        #expect(stream.value.recommendations == [recommendationID])
        let submitted = try #require(try await records.load(SelfAssessment.self, id: police.id, as: qaLead)).value
        let trackedID = try #require(submitted.response("1.2")?.actions?.first?.tracked)
        let tracked = try #require(try await records.load(TrackedAction.self, id: trackedID, as: qaLead)).value
        #expect(tracked.recommendation == recommendationID)
        #expect(tracked.workStream == "ws-governance")
        #expect(tracked.origin == TrackedAction.Origin(record: police.reference, detail: "1.2"))
        #expect(tracked.dueOn == .fixture("2025-12-31"))

        // Progress is recorded in the tracker, not in a second list in the assessment.
        try await service.recordProgress(
            on: "a1",
            of: "1.2",
            in: police.id,
            "Half of staff trained.",
            evidence: [EvidenceReference(.note, title: "Register")],
            by: policeLead
        )
        let progressed = try #require(try await records.load(TrackedAction.self, id: trackedID, as: qaLead)).value
        #expect(progressed.updates.map(\.text) == ["Half of staff trained."])
        #expect(progressed.status == .onTrack)
        #expect(try await records.load(SelfAssessment.self, id: police.id, as: qaLead)?.value == submitted)
        await #expect(throws: DomainError(.notFound, "assessment \(police.id) has no action a9 on criterion 1.2")) {
            try await service.recordProgress(on: "a9", of: "1.2", in: police.id, "x", by: policeLead)
        }

        // The next cycle carries the action forward: the same tracked action, with its history.
        try await service.closeCycle(cycle.id, by: qaLead)
        let next = try await service.openCycle(
            name: "Section 11 2026",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2026-05-01"),
            returnDeadline: .fixture("2026-06-30"),
            invite: [PartnershipScenario.police],
            previous: cycle.id,
            by: qaLead
        )
        let again = try #require(try await service.assessments(in: next.id, as: policeLead).first).value
        #expect(again.response("1.2")?.actions?.first?.tracked == trackedID)
        for criterion: CriterionCode in ["1.1", "1.2", "7.1"] where again.response(criterion)?.selfRating == nil {
            try await service.respond(
                CriterionResponse(criterion: criterion, selfRating: "green"),
                to: again.id,
                by: policeLead
            )
        }
        try await service.submit(again.id, by: policeLead)
        let actions = try await records.all(TrackedAction.self, as: qaLead).map(\.value)
        #expect(actions.map(\.id) == [trackedID], "no second action for the same plan")
        #expect(actions.first?.updates.count == 1)
    }
}
