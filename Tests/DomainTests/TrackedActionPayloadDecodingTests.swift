import AssuranceTesting
import Domain
import Foundation
import Testing

/// Tracked actions read themselves from the store's parsed payload (`RecordPayloadDecodable`); they must
/// read exactly what their synthesized `init(from:)` reads, and leave to Foundation what it refuses.
struct TrackedActionPayloadDecodingTests {
    func action(_ number: Int) -> TrackedAction {
        var made = TrackedAction(
            id: TrackedAction.ID(rawValue: "t-\(number)")!,
            recommendation: "rec-1",
            workStream: number % 2 == 0 ? "ws-voice" : nil,
            text: "Audit the child's voice in plans — “quoted”\n",
            ownerAgency: number % 3 == 0 ? "police" : nil,
            lead: "Head of service",
            startOn: .fixture("2025-01-06"),
            dueOn: .fixture("2025-06-30")
        )
        for step in 0..<(number % 4) {
            made.updates.append(
                TrackedAction.Update(
                    on: .fixture("2025-0\(2 + step)-01"),
                    by: "lead",
                    text: "Update \(step)",
                    status: TrackedAction.Status.allCases[(number + step) % TrackedAction.Status.allCases.count]
                )
            )
        }
        if number % 5 == 1 {
            made.status = .completedAndEvidenced
            made.completedOn = .fixture("2025-05-30")
            made.completionEvidence = [
                EvidenceReference(
                    .record,
                    title: "Re-audit",
                    record: RecordReference(type: "audit.audit", id: Identifier(rawValue: "a-1")!)
                ),
                EvidenceReference(
                    .document,
                    title: "Minutes",
                    location: "minutes/may.pdf",
                    addedOn: .fixture("2025-05-30")
                ),
            ]
        }
        if number % 3 == 2 {
            made.origin = TrackedAction.Origin(
                record: RecordReference(type: "section11.assessment", id: Identifier(rawValue: "s-\(number)")!),
                detail: number % 2 == 0 ? "1.2/a1" : nil
            )
        }
        return made
    }

    @Test func readingTheNodesGivesWhatDecodableGives() throws {
        for number in 0..<30 {
            let original = action(number)
            try PayloadDecodingCheck.readsWhatDecodableReads(original)
        }
    }

    @Test func whatTheReaderRefusesFoundationDecides() throws {
        let text = String(decoding: try RecordJSONEncoder().encode(action(11)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""status":"completed-and-evidenced""#, with: #""status":"done""#),
            text.replacingOccurrences(of: #""type":"audit.audit""#, with: #""type":7"#),
            text.replacingOccurrences(of: #""lead":"Head of service","#, with: ""),
            text.replacingOccurrences(of: #""dueOn":"2025-06-30""#, with: #""dueOn":"30/06/2025""#),
        ]
        for payload in broken {
            #expect(payload != text)
            try PayloadDecodingCheck.refusesAsFoundationDoes(TrackedAction.self, payload: Data(payload.utf8))
        }
    }

    func recommendation(_ number: Int) -> Recommendation {
        var recommendation = Recommendation(
            id: Recommendation.ID(rawValue: "rec-\(number)")!,
            source: Recommendation.Source(
                Recommendation.Source.Kind.allCases[number % Recommendation.Source.Kind.allCases.count],
                record: number % 2 == 0
                    ? RecordReference(type: "learning.review", id: Identifier(rawValue: "rev-\(number)")!) : nil,
                title: "Review \(number) — “quoted”"
            ),
            text: "Strengthen the voice of the child\n",
            ownerAgency: number % 3 == 0 ? "police" : nil,
            themes: number % 2 == 0 ? [Theme(rawValue: "voice-of-the-child"), Theme(rawValue: "neglect")] : [],
            raisedOn: .fixture("2025-01-06"),
            dueOn: number % 4 == 0 ? .fixture("2025-12-31") : nil
        )
        if number % 3 == 1 {
            recommendation.status = .closed
            recommendation.closedOn = .fixture("2025-11-30")
            recommendation.closingNote = "Re-audit shows the change"
        }
        return recommendation
    }

    @Test func recommendationsReadWhatDecodableReads() throws {
        for number in 0..<6 {
            try PayloadDecodingCheck.readsWhatDecodableReads(recommendation(number))
        }
        let refused =
            #"{"id":"rec-1","raisedOn":"2025-01-06","source":{"kind":"rumour","title":"t"},"status":"open","text":"t","themes":[]}"#
        try PayloadDecodingCheck.refusesAsFoundationDoes(Recommendation.self, payload: Data(refused.utf8))
    }

    /// Actions, their updates, origins and evidence, and recommendations write their own payloads
    /// (`RecordPayloadEncodable`); the bytes must be `Encodable`'s, every optional present and absent.
    @Test func writingItselfGivesWhatEncodableGives() throws {
        for number in 0..<30 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(action(number))
        }
        for number in 0..<12 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(recommendation(number))
        }
    }
}
