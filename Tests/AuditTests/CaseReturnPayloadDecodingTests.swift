import AssuranceTesting
import Audit
import Domain
import Foundation
import Testing

/// Case returns and audit cases read themselves from the store's parsed payload (`RecordPayloadDecodable`); they must
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

    /// Case returns, cases and grades write their own payloads (`RecordPayloadEncodable`); the bytes must
    /// be `Encodable`'s, dictionaries' members in the same order.
    @Test func writingItselfGivesWhatEncodableGives() throws {
        for number in 0..<20 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(caseReturn(number))
            try PayloadEncodingCheck.writesWhatEncodableWrites(auditCase(number))
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

    func auditCase(_ number: Int) -> AuditCase {
        var made = AuditCase(
            id: AuditCase.ID(rawValue: "case-\(number)")!,
            audit: "audit-1",
            caseReference: CaseReference(rawValue: "CASE-\(number)")!,
            selection: CaseSelection.allCases[number % 3],
            agencies: Array(["police", "council", "school"].prefix(number % 4))
        )
        if number % 2 == 1 { made.overall = Grade(level: "good", rationale: "Agreed at moderation.") }
        if number % 3 == 1 { made.sectionGrades = [:] }
        if number % 3 == 2 {
            made.sectionGrades = [
                "voice": Grade(level: "requires-improvement", rationale: "é — “not recorded”"),
                "recognition": Grade(level: "outstanding", rationale: "Seen.\nTwice."),
            ]
        }
        if number % 4 == 3 { made.moderationNotes = "Police grade lowered at moderation." }
        return made
    }

    @Test func casesReadWhatDecodableReads() throws {
        for number in 0..<12 { try PayloadDecodingCheck.readsWhatDecodableReads(auditCase(number)) }
        let text = String(decoding: try RecordJSONEncoder().encode(auditCase(3)), as: UTF8.self)
        // A null optional reads as absent, as `decodeIfPresent` reads it.
        let nulls = text.replacingOccurrences(of: #""overall":{"#, with: #""sectionGrades":null,"overall":{"#)
        #expect(nulls != text)
        let decoded = try RecordJSONDecoder().decode(AuditCase.self, from: Data(nulls.utf8))
        #expect(decoded.sectionGrades == nil && decoded.overall == auditCase(3).overall)
    }

    @Test func whatTheCaseReaderRefusesFoundationDecides() throws {
        let text = String(decoding: try RecordJSONEncoder().encode(auditCase(5)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""selection":"triggered""#, with: #""selection":"chosen""#),
            text.replacingOccurrences(of: #""overall":{"level":"good","#, with: #""overall":{"level":2,"#),
            text.replacingOccurrences(of: #""sectionGrades":{"#, with: #""sectionGrades":["#)
                .replacingOccurrences(of: #"}},"selection""#, with: #"}],"selection""#),
            text.replacingOccurrences(of: #""agencies":["police"]"#, with: #""agencies":[7]"#),
            text.replacingOccurrences(of: #""caseReference":"CASE-5""#, with: #""caseReference":"""#),
        ]
        for payload in broken {
            #expect(payload != text)
            try PayloadDecodingCheck.refusesAsFoundationDoes(AuditCase.self, payload: Data(payload.utf8))
        }
    }
}
