import AssuranceTesting
import Domain
import Foundation
import Learning
import Reporting
import SyntheticPartnership
import Testing

/// The reports for the people the framework serves: an agency's own feedback, and the
/// practitioners' briefing.
struct PeopleReportsTests {
    @Test func anAgencyLeadMakesTheirOwnAgencysFeedbackAndIsRefusedAnothers() async throws {
        let scenario = try await ReportScenario.make()
        let view = scenario.framework.makeView()
        let agencies = try await view.all(Agency.self)
        let own = try #require(agencies.first { $0.sector == .police })
        let other = try #require(agencies.first { $0.id != own.id && $0.sector != .police })
        let lead = Principal(id: "police-lead", roles: [.agencyLead(own.id)])
        let reports = StandardReports(framework: scenario.framework)
        func request(_ agency: Agency.ID?) -> ReportRequest {
            ReportRequest(
                kind: .agencyFeedback,
                period: ReportScenario.year,
                audience: .partnership,
                day: ReportScenario.day,
                agency: agency
            )
        }
        let report = try await reports.make(request(own.id), as: lead)
        #expect(report.title == "Agency feedback: \(own.name)")
        #expect(report.sections.contains { $0.module == "Section 11" })
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \(lead) may not make the agency feedback report of agency \(other.id): it may not read that agency's records"
            )
        ) {
            try await reports.make(request(other.id), as: lead)
        }
        await #expect(throws: DomainError(.invalidInput, "Agency feedback is about one agency; name the agency")) {
            try await reports.make(request(nil), as: ReportScenario.lead)
        }
        // Fact: a public report carries no agency-level ratings (the framework's disclosure rules):
        // an agency's feedback rates it criterion by criterion, so it is never published.
        var published = request(own.id)
        published.audience = .public
        await #expect(
            throws: DomainError(
                .invalidInput,
                "Agency feedback is for the partnership and the agency, not for the public: it rates one agency "
                    + "criterion by criterion; ask for the partnership audience (or internal)"
            )
        ) {
            try await reports.make(published, as: ReportScenario.lead)
        }
        // No other agency is named anywhere in it: the partnership appears only as counts.
        let text = MarkdownRenderer().render(report)
        for agency in agencies where agency.id != own.id {
            #expect(!text.contains(agency.name), "\(agency.name) appears in \(own.name)'s feedback")
        }
        // Its findings are its own.
        let findings = report.sections.flatMap(\.blocks).flatMap { block -> [FindingsBlock.Item] in
            if case .findings(let list) = block { return list.items }
            return []
        }
        #expect(findings.allSatisfy { $0.agency == own.name })
    }

    /// An agency's feedback leads with what it must do, then the findings about it; its measures are
    /// those that describe its sector, each in its unit, beside the partnership's.
    @Test func anAgencysFeedbackLeadsWithItsActionsAndShowsOnlyMeasuresOfItsSector() async throws {
        let scenario = try await ReportScenario.make()
        let agencies = try await scenario.framework.makeView().all(Agency.self)
        let police = try #require(agencies.first { $0.sector == .police })
        let report = try await StandardReports(framework: scenario.framework).make(
            ReportRequest(
                kind: .agencyFeedback,
                period: ReportScenario.year,
                audience: .partnership,
                day: ReportScenario.day,
                agency: police.id
            ),
            as: ReportScenario.lead
        )
        let ids = report.sections.map(\.id)
        #expect(ids.first == "report.summary")
        #expect(ids.dropFirst().first == "learning.feedback", "what the agency must do comes first")
        let firstFinding = try #require(ids.firstIndex { $0.hasPrefix("findings.") })
        let firstBody = try #require(ids.firstIndex { $0.hasPrefix("section11.") || $0.hasPrefix("measures.") })
        #expect(firstFinding < firstBody, "the findings about the agency come before the detail")
        let measures = try #require(report.sections.first { $0.id == "measures.feedback" })
        guard case .table(let table) = measures.blocks.first else {
            Issue.record("the measures section has no table")
            return
        }
        let names = table.rows.compactMap { row -> String? in
            if case .text(let name) = row.first { return name }
            return nil
        }
        #expect(!names.isEmpty)
        #expect(!names.contains("Social worker turnover"), "a police force is not shown social workers' turnover")
        #expect(!names.contains("Agency social workers"))
        #expect(
            table.columns.map(\.title) == ["Measure", "Period", police.name, "Partnership", "Others in its sector"]
        )
        let percentages = table.rows.filter { row in
            if case .percentage = row[2] { return true }
            return false
        }
        #expect(!percentages.isEmpty, "a percentage measure is shown as a percentage")
        // Every row has a partnership figure: its own, or the mean of every agency's.
        #expect(
            table.rows.allSatisfy { row in
                if case .text("—") = row[3] { return false }
                return true
            }
        )
    }

    /// An agency's attendance measure agrees with the meeting records its attendance table and the
    /// attendance findings are judged on.
    @Test func anAgencysAttendanceMeasureAgreesWithTheMeetingRecords() async throws {
        // The demo's scale: the miniature partnership's catalogue has no attendance measure.
        let store = InMemoryStore()
        try await PartnershipGenerator(scale: .demo).load(into: store)
        let view = AssuranceView(store: store)
        let meetings = try await view.all(Meeting.self)
        let series = try await view.observationSeries().filter {
            $0.measure == "partnership-meeting-attendance" && $0.scope.agency != nil
        }
        #expect(!series.isEmpty)
        var compared = 0
        for held in series {
            let agency = try #require(held.scope.agency)
            for point in held.points {
                let invited = meetings.filter { point.period.contains($0.day) && $0.invited.contains(agency) }
                guard let value = point.value else {
                    #expect(invited.isEmpty, "a period with meetings has a value")
                    continue
                }
                let attended = invited.filter { $0.attended.contains(agency) }.count
                #expect(abs(value - Double(attended) / Double(invited.count) * 100) < 0.051)
                compared += 1
            }
        }
        #expect(compared > 10)
    }

    @Test func thePractitionersBriefingIsPlainAndSafeForThePublic() async throws {
        let scenario = try await ReportScenario.make()
        let briefing = try await StandardReports(framework: scenario.framework).make(
            ReportRequest(
                kind: .practitionerBriefing,
                period: ReportScenario.year,
                audience: .public,
                day: ReportScenario.day
            ),
            as: ReportScenario.lead
        )
        #expect(briefing.title == "Practitioners' briefing")
        #expect(briefing.sections.map(\.id).contains("learning.briefing"))
        #expect(!briefing.sections.contains { $0.id.hasPrefix("findings.") }, "no findings: it is for practitioners")
        let text = MarkdownRenderer().render(briefing)
        let view = scenario.framework.makeView()
        let cases = try await view.all(Review.self).compactMap(\.caseReference)
        #expect(!cases.isEmpty)
        for reference in cases { #expect(!text.contains(reference.rawValue), "case \(reference) in the briefing") }
        for agency in try await view.all(Agency.self) { #expect(!text.contains(agency.name)) }
        #expect(text.contains("What to do differently"))
    }
}
