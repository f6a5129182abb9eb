import AssuranceTesting
import Domain
import Foundation
import Learning
import Reporting
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
