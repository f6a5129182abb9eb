import AssuranceTesting
import Domain
import Foundation
import Testing

/// Work streams read themselves from the store's parsed payload (`RecordPayloadDecodable`); they must
/// read exactly what their synthesized `init(from:)` reads, and leave to Foundation what it refuses.
struct WorkStreamPayloadDecodingTests {
    func stream(_ number: Int) -> WorkStream {
        var made = WorkStream(
            id: WorkStream.ID(rawValue: "ws-\(number)")!,
            theme: number % 2 == 0 ? "voice-of-the-child" : "neglect",
            title: "Voice of the child — “heard”\n",
            leadAgency: number % 3 == 0 ? "police" : nil
        )
        for member in 0..<(number % 5) {
            made.members.append(
                WorkStream.Member(
                    recommendation: Recommendation.ID(rawValue: "rec-\(number)-\(member)")!,
                    match: member % 2 == 0 ? .theme : .manual,
                    confirmed: member % 3 == 0
                )
            )
        }
        switch number % 3 {
        case 0: made.priorities = nil
        case 1: made.priorities = []
        default: made.priorities = ["p-early-help", "p-neglect"]
        }
        return made
    }

    @Test func readingTheNodesGivesWhatDecodableGives() throws {
        for number in 0..<15 {
            try PayloadDecodingCheck.readsWhatDecodableReads(stream(number))
        }
    }

    @Test func writingItselfGivesWhatEncodableGives() throws {
        for number in 0..<15 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(stream(number))
        }
    }

    @Test func aPayloadWithoutPrioritiesReadsAsBeforePriorities() throws {
        let read = try RecordJSONDecoder().decodeWithoutFallback(
            WorkStream.self,
            from: Data(#"{"id":"ws-1","members":[],"theme":"neglect","title":"Neglect"}"#.utf8)
        )
        #expect(read.priorities == nil)
        #expect(read.leadAgency == nil)
        #expect(read.members.isEmpty)
    }

    @Test func whatTheReaderRefusesFoundationDecides() throws {
        let text = String(decoding: try RecordJSONEncoder().encode(stream(4)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""match":"theme""#, with: #""match":"guess""#),
            text.replacingOccurrences(of: #""confirmed":true"#, with: #""confirmed":"yes""#),
            text.replacingOccurrences(of: #""title":"#, with: #""name":"#),
            text.replacingOccurrences(of: #""recommendation":"rec-4-0""#, with: #""recommendation":"rec 4""#),
        ]
        for payload in broken {
            #expect(payload != text)
            try PayloadDecodingCheck.refusesAsFoundationDoes(WorkStream.self, payload: Data(payload.utf8))
        }
    }
}
