import AssuranceTesting
import Audit
import Domain
import Foundation
import Testing

/// Audits read themselves from the store's parsed payload (`RecordPayloadDecodable`); they must read
/// exactly what their synthesized `init(from:)` reads, and leave to Foundation what it refuses.
struct AuditPayloadDecodingTests {
    func audit(_ number: Int) -> Audit {
        var made = Audit(
            id: Audit.ID(rawValue: "audit-\(number)")!,
            title: "Neglect \"in\" older children — \(number)",
            type: AuditType.allCases[number % AuditType.allCases.count],
            themes: Array([Theme.neglect, .domesticAbuse, .exploitation].prefix(number % 4)),
            rationale: ThemeRationale.allCases[number % ThemeRationale.allCases.count],
            lead: "QA lead",
            agencies: Array(["police", "council", "school"].prefix(number % 4)),
            template: number % 2 == 0 ? "template-1" : nil,
            plannedFrom: .fixture("2025-04-01"),
            plannedUntil: .fixture("2025-06-30"),
            plannedOn: .fixture("2025-03-01"),
            plannedBy: "qa"
        )
        if number % 3 == 1 {
            made.stage = .reported
            made.steps.append(.init(stage: .fieldwork, on: .fixture("2025-04-02"), by: "qa"))
            made.steps.append(
                .init(stage: .reported, on: .fixture("2025-07-10"), by: "chair", reason: "Late: \n sickness")
            )
            made.findings = [
                AuditFinding(kind: .strength, text: "Good multi-agency work."),
                AuditFinding(kind: .gap, text: "Voice not recorded.", themes: [.voiceOfTheChild]),
            ]
            made.recommendations = ["rec-1", "rec-2"]
        }
        if number % 4 == 2 {
            made.signal = "signal-7"
            made.voiceNotSoughtReason = "Families declined."
            made.priorities = ["priority-1"]
        }
        if number % 5 == 3 {
            made.inquiryStages = [
                InquiryStage(name: "Define", heldOn: .fixture("2025-04-03"), participants: ["a", "b"], outputs: ["c"]),
                InquiryStage(name: "Discover"),
            ]
            made.priorities = []
        }
        return made
    }

    @Test func readingTheNodesGivesWhatDecodableGives() throws {
        for number in 0..<15 { try PayloadDecodingCheck.readsWhatDecodableReads(audit(number)) }
    }

    @Test func whatTheReaderRefusesFoundationDecides() throws {
        let text = String(decoding: try RecordJSONEncoder().encode(audit(7)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""stage":"reported""#, with: #""stage":"published""#),
            text.replacingOccurrences(of: #""kind":"gap""#, with: #""kind":"worry""#),
            text.replacingOccurrences(of: #""on":"2025-04-02""#, with: #""on":"2025-13-02""#),
            text.replacingOccurrences(of: #""agencies":["police""#, with: #""agencies":[""#),
            text.replacingOccurrences(of: #""title":"#, with: #""name":"#),
        ]
        for payload in broken {
            #expect(payload != text)
            try PayloadDecodingCheck.refusesAsFoundationDoes(Audit.self, payload: Data(payload.utf8))
        }
    }
}
