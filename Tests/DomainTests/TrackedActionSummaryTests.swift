import AssuranceTesting
import Domain
import Foundation
import Testing

/// A tracked action's summary, read without the rest of it, is the summary of the whole action:
/// read from the parsed payload or, where that reader gives up, by `init(from:)`.
struct TrackedActionSummaryTests {
    let made = TrackedActionPayloadDecodingTests()

    @Test func theSummaryReadFromAPayloadIsTheWholeActionsSummary() throws {
        var sawUpdates = false
        var sawEvidence = false
        var sawOrigin = false
        for number in 0..<30 {
            let action = made.action(number)
            let expected = TrackedActionSummary(action)
            #expect(expected.lastUpdated == action.updates.last?.on)
            #expect(expected.hasCompletionEvidence == !(action.completionEvidence ?? []).isEmpty)
            sawUpdates = sawUpdates || expected.lastUpdated != nil
            sawEvidence = sawEvidence || expected.hasCompletionEvidence
            sawOrigin = sawOrigin || expected.origin != nil
            let data = try RecordJSONEncoder().encode(action)
            // The reader takes the payload as the store writes it, without handing it to Foundation.
            #expect(try RecordJSONDecoder().decodeWithoutFallback(TrackedActionSummary.self, from: data) == expected)
            #expect(try JSONDecoder().decode(TrackedActionSummary.self, from: data) == expected)
        }
        #expect(sawUpdates && sawEvidence && sawOrigin)
    }

    @Test func theSummaryStandsOnADayAsTheWholeActionDoes() {
        var overdue = 0
        for number in 0..<30 {
            var action = made.action(number)
            action.status = TrackedAction.Status.allCases[number % TrackedAction.Status.allCases.count]
            let summary = TrackedActionSummary(action)
            // The day before it is due, the day itself and the day after: overdue only once past due.
            for day in [action.dueOn.adding(days: -1), action.dueOn, action.dueOn.adding(days: 1)] {
                #expect(summary.effectiveStatus(on: day) == action.effectiveStatus(on: day))
                if summary.effectiveStatus(on: day) == .overdue { overdue += 1 }
            }
        }
        #expect(overdue > 0)
    }

    @Test func anEmptyEvidenceListIsNoEvidence() throws {
        var action = made.action(1)
        action.completionEvidence = []
        let data = try RecordJSONEncoder().encode(action)
        let read = try RecordJSONDecoder().decodeWithoutFallback(TrackedActionSummary.self, from: data)
        #expect(read.hasCompletionEvidence == false)
        #expect(read == TrackedActionSummary(action))
    }

    @Test func whatTheReaderRefusesFoundationRefuses() throws {
        let text = String(decoding: try RecordJSONEncoder().encode(made.action(3)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""dueOn":"2025-06-30""#, with: #""dueOn":"30/06/2025""#),
            text.replacingOccurrences(of: #""updates":["#, with: #""updated":["#),
            text.replacingOccurrences(of: #""on":"2025-04-01""#, with: #""on":4"#),
            text.replacingOccurrences(of: #""lead":"Head of service""#, with: #""lead":null"#),
        ]
        for variant in broken {
            #expect(variant != text)
            #expect(throws: (any Error).self) {
                try RecordJSONDecoder().decode(TrackedActionSummary.self, from: Data(variant.utf8))
            }
        }
    }

    @Test func aViewReadsTheSummariesOnceAndInIdOrder() async throws {
        let store = InMemoryStore()
        let records = Records(store: store)
        for number in [12, 3, 7] {
            _ = try await records.save(made.action(number), version: 0, by: .system)
        }
        let view = AssuranceView(store: store)
        let summaries = try await TrackedActionSummary.all(in: view)
        #expect(summaries.map(\.id.rawValue) == ["t-12", "t-3", "t-7"])
        #expect(summaries == [12, 3, 7].map { TrackedActionSummary(made.action($0)) })
        _ = try await records.save(made.action(20), version: 0, by: .system)
        #expect(try await TrackedActionSummary.all(in: view).count == 3)
        #expect(try await TrackedActionSummary.all(in: AssuranceView(store: store)).count == 4)
    }
}
