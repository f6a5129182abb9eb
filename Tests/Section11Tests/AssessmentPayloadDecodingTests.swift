import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

/// Assessments read themselves from the store's parsed payload (`RecordPayloadDecodable`); they must
/// read exactly what their synthesized `init(from:)` reads, and leave to Foundation what it refuses.
struct AssessmentPayloadDecodingTests {
    func evidence(_ random: inout RepeatableRandom) -> [EvidenceReference]? {
        guard random.chance(2) else { return nil }
        return (0..<random.below(3)).map { index in
            EvidenceReference(
                EvidenceReference.Kind.allCases[random.below(4)],
                title: "Evidence \(index) — “quoted”\n\\ é",
                location: random.chance(2) ? "https://example.org/a/\(index)" : nil,
                record: random.chance(3)
                    ? RecordReference(type: "learning.review", id: Identifier(rawValue: "r-\(index)")!) : nil,
                addedOn: random.chance(2) ? .fixture("2025-03-0\(1 + index)") : nil
            )
        }
    }

    func assessment(_ random: inout RepeatableRandom, number: Int) -> SelfAssessment {
        let responses = (0..<random.below(8)).map { index -> CriterionResponse in
            var response = CriterionResponse(
                criterion: CriterionCode("\(1 + index / 3).\(1 + index % 3)"),
                selfRating: random.chance(4) ? nil : ["green", "amber", "red"][random.below(3)],
                evidence: evidence(&random),
                narrative: random.chance(2) ? "Narrative \(index)\twith a tab" : nil,
                areasForImprovement: random.chance(3) ? "Areas" : nil,
                actions: random.chance(2)
                    ? (0..<random.below(3)).map { action in
                        var made = AssessmentAction(
                            id: "a\(action)",
                            text: "Do \(action)",
                            owner: "Lead",
                            dueOn: .fixture("2025-09-30"),
                            completedOn: random.chance(2) ? .fixture("2025-08-01") : nil,
                            progress: random.chance(2)
                                ? [.init(on: .fixture("2025-07-01"), text: "Begun", evidence: evidence(&random))] : nil
                        )
                        if random.chance(2) { made.tracked = TrackedAction.ID(rawValue: "t-\(number)-\(action)")! }
                        return made
                    } : nil
            )
            if random.chance(3) { response.moderatedRating = "amber" }
            if random.chance(3) {
                response.challenges = [.init(by: "scrutineer", on: .fixture("2025-07-10"), text: "Why?")]
            }
            if random.chance(3) { response.carriedForward = random.chance(2) }
            return response
        }
        var assessment = SelfAssessment(
            id: SelfAssessment.ID(rawValue: "s-\(number)")!,
            cycle: "cycle-2025",
            agency: Agency.ID(rawValue: "agency-\(number)")!,
            standardSet: "section11",
            responses: responses,
            invitedOn: .fixture("2025-04-01"),
            invitedBy: "qa"
        )
        if random.chance(2) {
            assessment.status = SelfAssessment.Status.allCases[random.below(SelfAssessment.Status.allCases.count)]
            let reason = random.chance(2) ? "r" : nil
            assessment.steps.append(
                SelfAssessment.Step(status: assessment.status, on: .fixture("2025-06-30"), by: "lead", reason: reason)
            )
        }
        return assessment
    }

    @Test(arguments: 0..<4)
    func readingTheNodesGivesWhatDecodableGives(_ seed: Int) throws {
        var random = RepeatableRandom(seed: UInt64(seed) &+ 11)
        for number in 0..<100 {
            let original = assessment(&random, number: number)
            try PayloadDecodingCheck.readsWhatDecodableReads(original)
        }
    }

    /// Assessments, their responses, actions, progress, challenges and evidence write their own payloads
    /// (`RecordPayloadEncodable`); the bytes must be `Encodable`'s.
    @Test(arguments: 0..<4)
    func writingItselfGivesWhatEncodableGives(_ seed: Int) throws {
        var random = RepeatableRandom(seed: UInt64(seed) &+ 11)
        for number in 0..<100 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(assessment(&random, number: number))
        }
    }

    /// Keys in any order, explicit nulls for optionals and keys the type does not know, as an older
    /// or hand-edited payload may have them.
    @Test func nullsUnknownKeysAndAnyKeyOrderReadAsDecodableReadsThem() throws {
        let json = #"""
            {"status":"submitted","steps":[{"status":"invited","on":"2025-04-01","by":"qa","reason":null}],
             "responses":[{"selfRating":"green","criterion":"1.1","narrative":null,"evidence":null,"later":{"x":[1,2]},
                           "carriedForward":true,"actions":[{"text":"t","owner":"o","id":"a","dueOn":"2025-09-30",
                           "progress":null,"completedOn":null}]}],
             "id":"s-1","agency":"police","cycle":"c","standardSet":"section11","unknown":"kept out"}
            """#
        let data = Data(json.utf8)
        let read = try RecordJSONDecoder().decodeWithoutFallback(SelfAssessment.self, from: data)
        #expect(read == (try JSONDecoder().decode(SelfAssessment.self, from: data)))
        #expect(read.responses.first?.carriedForward == true)
        #expect(read.responses.first?.actions?.first?.completedOn == nil)
    }

    /// What the nodes' reader refuses, Foundation's decoder decides, with its own error.
    @Test func whatTheReaderRefusesFoundationDecides() throws {
        let good = try RecordJSONEncoder().encode(
            SelfAssessment(
                id: "s-1",
                cycle: "c",
                agency: "police",
                standardSet: "section11",
                responses: [CriterionResponse(criterion: "1.1", selfRating: "green")],
                invitedOn: .fixture("2025-04-01"),
                invitedBy: "qa"
            )
        )
        let text = String(decoding: good, as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""status":"invited""#, with: #""status":"lost""#),
            text.replacingOccurrences(of: #""agency":"police""#, with: #""agency":"no spaces allowed""#),
            text.replacingOccurrences(of: #""on":"2025-04-01""#, with: #""on":"2025-02-30""#),
            text.replacingOccurrences(of: #""selfRating":"green""#, with: #""selfRating":7"#),
            text.replacingOccurrences(of: #""cycle":"c","#, with: ""),
        ]
        for payload in broken {
            #expect(payload != text)
            try PayloadDecodingCheck.refusesAsFoundationDoes(SelfAssessment.self, payload: Data(payload.utf8))
        }
    }
}
