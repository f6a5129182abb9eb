import AssuranceTesting
import Domain
import Foundation
import Testing

@testable import Audit

/// The grades of a case return, read without the rest of it, are the whole return's grades: read
/// from the parsed payload or, where that reader gives up, by `init(from:)`; and the analysis of
/// them is the analysis of the whole returns.
struct CaseReturnGradesTests {
    func payload(_ item: CaseReturn) throws -> Data { try RecordJSONEncoder().encode(item) }

    @Test func theGradesReadFromAPayloadAreTheWholeReturnsGrades() throws {
        let made = CaseReturnPayloadDecodingTests()
        var returns = (0..<12).map(made.caseReturn)
        var many = made.caseReturn(1)
        many.grades = Dictionary(
            uniqueKeysWithValues: ["voice", "impact", "assessment", "émigré", "Zeta", "joint-working"].map {
                ($0, Grade(level: "inadequate", rationale: "\($0) seen."))
            }
        )
        returns.append(many)
        for item in returns {
            let expected = CaseReturnGrades(item)
            #expect(expected.grades.count == item.grades.count)
            #expect(expected.grades.map(\.section) == expected.grades.map(\.section).sorted())
            let data = try payload(item)
            // The reader takes the payload as the store writes it, without handing it to Foundation.
            #expect(try RecordJSONDecoder().decodeWithoutFallback(CaseReturnGrades.self, from: data) == expected)
            #expect(try JSONDecoder().decode(CaseReturnGrades.self, from: data) == expected)
        }
    }

    @Test func sectionsWrittenOutOfOrderAreReadInOrderByInitFromDecoder() throws {
        let text = String(decoding: try payload(CaseReturnPayloadDecodingTests().caseReturn(1)), as: UTF8.self)
        let reordered = text.replacingOccurrences(
            of:
                #""grades":{"overall":{"level":"good","rationale":"Clear plan.\nSeen by the child."},"voice":{"level":"requires-improvement","rationale":"é — not recorded"}}"#,
            with:
                #""grades":{"voice":{"level":"requires-improvement","rationale":"é — not recorded"},"overall":{"level":"good","rationale":"Clear plan.\nSeen by the child."}}"#
        )
        #expect(reordered != text)
        let data = Data(reordered.utf8)
        #expect(throws: (any Error).self) {
            try RecordJSONDecoder().decodeWithoutFallback(CaseReturnGrades.self, from: data)
        }
        let read = try RecordJSONDecoder().decode(CaseReturnGrades.self, from: data)
        #expect(read.grades.map(\.section) == ["overall", "voice"])
        #expect(read == CaseReturnGrades(try JSONDecoder().decode(CaseReturn.self, from: data)))
    }

    @Test func whatTheReaderRefusesFoundationRefuses() throws {
        let text = String(decoding: try payload(CaseReturnPayloadDecodingTests().caseReturn(1)), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: #""level":"good""#, with: #""level":1"#),
            text.replacingOccurrences(of: #""status":"submitted""#, with: #""status":"sent""#),
            text.replacingOccurrences(of: #""agency":"police""#, with: #""agency":"""#),
            text.replacingOccurrences(of: #""grades":{"#, with: #""marks":{"#),
        ]
        for variant in broken {
            #expect(variant != text)
            #expect(throws: (any Error).self) {
                try RecordJSONDecoder().decode(CaseReturnGrades.self, from: Data(variant.utf8))
            }
        }
    }

    @Test func theAnalysisOfTheGradesIsTheAnalysisOfTheWholeReturns() {
        var random = RepeatableRandom(seed: 0xA0D5)
        let histories = AuditAnalysisMergingTests()
        let day = Day.fixture("2025-10-01")
        var disagreements = 0
        for _ in 0..<200 {
            let history = histories.history(&random)
            let whole = AuditAnalysis(audits: history.audits, cases: history.cases, returns: history.returns)
            let graded = AuditAnalysis(
                audits: history.audits,
                cases: history.cases,
                gradedReturns: history.returns.map(CaseReturnGrades.init)
            )
            #expect(graded.gradesByTheme == whole.gradesByTheme)
            #expect(graded.gradesByAgency == whole.gradesByAgency)
            #expect(graded.judgements == whole.judgements)
            #expect(graded.disagreements == whole.disagreements)
            #expect(graded.recurringThemes(on: day) == whole.recurringThemes(on: day))
            disagreements += whole.disagreements.count
        }
        #expect(disagreements > 100, "the histories have disagreements to find")
    }

    /// An audit at a time through the store's indexes, each audit's returns read as their grades.
    @Test func anAuditAtATimeReadAsGradesIsTheAnalysisOfAll() async throws {
        var random = RepeatableRandom(seed: 0xA0D6)
        let histories = AuditAnalysisMergingTests()
        let history = histories.history(&random)
        let view = AssuranceView(store: try await histories.store(history))

        var parts: [AuditAnalysis] = []
        for audit in try await view.all(Audit.self) {
            let analysis = AuditAnalysis(
                audits: [audit],
                cases: try await view.records(AuditCase.self, RecordFilter(parent: audit.id.retyped())),
                gradedReturns: try await view.records(CaseReturnGrades.self, RecordFilter(key: audit.id.rawValue))
            )
            parts.append(analysis)
        }
        let analysis = try AuditAnalysis(merging: parts)

        let whole = AuditAnalysis(audits: history.audits, cases: history.cases, returns: history.returns)
        #expect(!history.returns.isEmpty)
        #expect(analysis.gradesByTheme == whole.gradesByTheme && analysis.gradesByAgency == whole.gradesByAgency)
        #expect(analysis.judgements == whole.judgements && analysis.disagreements == whole.disagreements)
    }
}
