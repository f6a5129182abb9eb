import Domain
import Foundation
import Reporting
import Testing

/// Every standard report in every format, compared byte for byte with its snapshot.
///
/// The scenario is the fixed miniature partnership. Because Swift seeds its hashing afresh in each process, a snapshot that matches run
/// after run also shows that no output depends on a dictionary's order.
@Suite struct ReportSnapshotTests {
    @Test func everyReportInEveryFormatMatchesItsSnapshot() async throws {
        let scenario = try await ReportScenario.make()
        // Every kind for the internal audience; the Executive's report and the practitioners' briefing
        // as the public would see them.
        let publicRequests = ReportScenario.requests(audience: .public)
        let requests =
            ReportScenario.requests(audience: .internal) + [publicRequests[0]]
            + publicRequests.filter { $0.kind == .practitionerBriefing }
        for request in requests {
            let report = try await scenario.report(request)
            let stem = report.fileStem
            try Snapshot.expect(MarkdownRenderer().render(report), named: "\(stem).md")
            try Snapshot.expect(HTMLRenderer().render(report), named: "\(stem).html")
            try Snapshot.expect(JSONRenderer().render(report), named: "\(stem).json")
            let csv = CSVRenderer().render(report).map { "=== \($0.name)\n\($0.contents)" }.joined()
            try Snapshot.expect(csv, named: "\(stem).csv.txt")
        }
    }

    @Test func twoScenariosBuiltApartRenderTheSameBytes() async throws {
        let first = try await ReportScenario.make()
        let second = try await ReportScenario.make()
        let request = ReportScenario.requests(audience: .partnership)[0]
        let one = try await first.report(request)
        let two = try await second.report(request)
        #expect(one == two)
        #expect(HTMLRenderer().render(one) == HTMLRenderer().render(two))
        #expect(JSONRenderer().render(one) == JSONRenderer().render(two))
    }
}
