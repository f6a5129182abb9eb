import AssuranceTesting
import Audit
import Domain
import Foundation
import Testing

/// Case returns read themselves from the store's parsed payload (`RecordPayloadDecodable`); they must
/// read exactly what their synthesized `init(from:)` reads, and leave to Foundation what it refuses.
struct CaseReturnPayloadDecodingTests {
    func caseReturn(_ number: Int) -> CaseReturn {
        var made = CaseReturn(
            id: CaseReturn.ID(rawValue: "r-\(number)")!,
            audit: "audit-1",
            auditCase: AuditCase.ID(rawValue: "case-\(number)")!,
            agency: "police",
            dueOn: .fixture("2025-05-30")
        )
        if number % 2 == 1 {
            made.status = .submitted
            made.submittedOn = .fixture("2025-05-20")
            made.answers = ["q1": .yes, "q2": .no, "q3 \"quoted\"": .notApplicable]
            made.grades = [
                "overall": Grade(level: "good", rationale: "Clear plan.\nSeen by the child."),
                "voice": Grade(level: "requires-improvement", rationale: "é — not recorded"),
            ]
            made.recommendations = ["Record the child's words", ""]
        }
        if number % 3 == 0 { made.goodPractice = "Timely strategy meeting" }
        if number % 4 == 1 { made.areasForDevelopment = "Supervision notes" }
        return made
    }

    @Test func readingTheNodesGivesWhatDecodableGives() throws {
        for number in 0..<12 {
            let original = caseReturn(number)
            try PayloadDecodingCheck.readsWhatDecodableReads(original)
        }
    }

    @Test func whatTheReaderRefusesFoundationDecides() throws {
        let text = String(decoding: try RecordJSONEncoder().encode(caseReturn(1)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""q1":"yes""#, with: #""q1":"maybe""#),
            text.replacingOccurrences(of: #""q1":"yes""#, with: #""q1":true"#),
            text.replacingOccurrences(of: #""level":"good""#, with: #""level":1"#),
            text.replacingOccurrences(of: #""recommendations":["#, with: #""recommendations":[1,"#),
            text.replacingOccurrences(of: #""rationale":"Clear plan.\nSeen by the child.""#, with: #""reason":"x""#),
        ]
        for payload in broken {
            #expect(payload != text)
            try PayloadDecodingCheck.refusesAsFoundationDoes(CaseReturn.self, payload: Data(payload.utf8))
        }
    }
}
