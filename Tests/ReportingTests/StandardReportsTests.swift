import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11
import Testing

struct StandardReportsTests {
    /// The balanced report's parts come in the framework's order.
    ///
    /// Fact: the Practice Development Group's balanced report to the Executive covers, in this order,
    /// what needs an Executive decision (declining or poor performance), emerging risks and issues,
    /// unresolved or recurring concerns, areas for improvement, and good practice and strengths.
    /// Source: Devon SCP Quality Assurance Framework, "The Role of the Practice Development Group".
    @Test func thePracticeDevelopmentReportFollowsTheFrameworksOrder() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .internal)[0])
        let findingSections = report.sections.map(\.id).filter { $0.hasPrefix("findings.") }
        #expect(
            findingSections == [
                "findings.decision-required", "findings.emerging-risk", "findings.recurring-concern",
                "findings.area-for-improvement", "findings.good-practice",
            ]
        )
        #expect(report.sections.first?.id == "report.summary")
        #expect(
            report.sections.dropFirst().first?.id == "findings.decision-required",
            "decisions come straight after the summary"
        )
        #expect(Severity.balancedOrder.count == Severity.allCases.count)
    }

    /// The Executive's report lists in full what the Executive and the Practice Development Group must
    /// act on, and counts by rule what sub-groups and agencies are acting on.
    @Test func everyFindingShowsItsLevelSinceWhenItsEvidenceAndItsSource() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .internal)[0])
        let open = try await scenario.framework.makeView().all(Finding.self).filter { $0.status == .open }
        let items = report.sections.flatMap(\.blocks).flatMap { block -> [FindingsBlock.Item] in
            if case .findings(let findings) = block { return findings.items }
            return []
        }
        let upper = open.filter { $0.level >= .practiceDevelopmentGroup }
        // Every finding below the Practice Development Group names the group or agency that must act.
        #expect(open.filter { $0.level == .subGroup && $0.group == nil }.map(\.rule) == [])
        #expect(open.filter { $0.level == .agency && $0.agency == nil }.map(\.rule) == [])
        // Good practice beyond a handful is grouped by theme: the strongest of each of the largest
        // themes is listed, and a table counts every theme's.
        let goodPractice = upper.filter { $0.severity == .goodPractice }
        let listed = items.filter { $0.severity == .goodPractice }
        #expect(goodPractice.count > StandardReports.goodPracticeListedInFull)
        #expect(listed.count == StandardReports.goodPracticeListedInFull)
        let themes = try #require(
            report.sections.first { $0.id == "findings.good-practice" }?.blocks.compactMap { block -> TableBlock? in
                if case .table(let table) = block, table.caption.hasPrefix("Good practice and strengths by theme") {
                    return table
                }
                return nil
            }.first
        )
        let byTheme = themes.rows.reduce(0) { total, row in
            if case .number(let count, _) = row[1] { return total + Int(count) }
            return total
        }
        #expect(byTheme == goodPractice.count, "every good-practice finding is counted under one theme")
        #expect(items.count == upper.count - goodPractice.count + listed.count)
        #expect(!items.isEmpty)
        // A finding's days read the long UK way in the report; everything else is as the rule wrote it.
        for finding in upper
        where finding.severity != .goodPractice
            || listed.contains(where: { $0.message == Prose.longDays(in: finding.message) })
        {
            let item = try #require(items.first { $0.message == Prose.longDays(in: finding.message) })
            #expect(item.level == finding.level)
            #expect(item.since == finding.atLevelSince)
            #expect(item.severity == finding.severity)
            #expect(!item.source.isEmpty)
            #expect(item.evidence == finding.evidence.map { Prose.longDays(in: $0.title) })
        }
        // The rest are counted by rule and level, with the oldest day at that level.
        let counted = report.sections.filter { $0.id.hasPrefix("findings.") }.flatMap(\.blocks).flatMap {
            block -> [[ReportCell]] in
            if case .table(let table) = block, table.caption.hasSuffix("acting on, by rule") { return table.rows }
            return []
        }
        let lower = open.filter { $0.level < .practiceDevelopmentGroup }
        #expect(!lower.isEmpty)
        let total = counted.reduce(0) { total, row in
            if case .number(let count, _) = row[2] { return total + Int(count) }
            return total
        }
        #expect(total == lower.count)
        for row in counted {
            guard case .text(let level) = row[1], case .day(let oldest) = row[3] else {
                Issue.record("unexpected row \(row)")
                continue
            }
            let members = lower.filter { $0.level.description == level }
            #expect(members.contains { $0.atLevelSince == oldest })
        }
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("- Level: Executive, since 30 April 2026"))
    }

    /// The Practice Development Group's report leaves its detail to the data pack, which says so in
    /// its summary; a host that composes no data pack keeps the detail in the body.
    @Test func theDetailGoesToTheDataPackOrStaysInTheBodyWithoutOne() async throws {
        let request = ReportScenario.requests(audience: .partnership)[0]
        #expect(request.kind == .practiceDevelopmentAssurance)
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(request)
        let detail = ["learning.tracker", "learning.overdue", "audit.grades", "measures.scorecard", "report.rules"]
        #expect(report.sections.filter { detail.contains($0.id) }.isEmpty)
        guard case .text(let note) = report.sections[0].blocks.last else {
            Issue.record("the summary does not say where the detail is")
            return
        }
        #expect(note.paragraphs.first?.hasPrefix("The detail behind this report is in the data pack") == true)
        #expect(note.bullets.contains("The action tracker by work stream"))
        var pack = request
        pack.kind = .dataPack
        let carried = try await scenario.report(pack).sections.map(\.id)
        #expect(detail.allSatisfy(carried.contains), "\(carried)")

        let withoutPack = try await ReportScenario.make(
            modules: ReportScenario.allModules.filter { $0.name != "Measures" }
        )
        let whole = try await withoutPack.report(request).sections.map(\.id)
        #expect(whole.contains("learning.tracker") && whole.contains("audit.grades") && whole.contains("report.rules"))
    }

    /// What the MASH and the conference chairs report as exceptions reaches the Executive; the
    /// headings with none are named, not repeated.
    @Test func theQuarterlySummariesExceptionsReachThePracticeDevelopmentGroupsReport() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .partnership)[0])
        let section = try #require(report.sections.first { $0.id == "audit.summary.exceptions" })
        guard case .table(let table) = section.blocks.first else {
            Issue.record("no table of exceptions")
            return
        }
        let headings = table.rows.compactMap { row -> String? in
            if case .text(let heading) = row[2] { return heading }
            return nil
        }
        #expect(Set(headings) == ["Matters escalated", "Supervision"])
        guard case .text(let quiet) = section.blocks.last else {
            Issue.record("the headings without exceptions are not named")
            return
        }
        #expect(quiet.bullets.count == 2)
        #expect(quiet.bullets.allSatisfy { !$0.contains("Matters escalated") })
        #expect(QuarterlySummary.reportsNothing("Supervision in Q4: no exceptions to report."))
        #expect(QuarterlySummary.reportsNothing("None") && QuarterlySummary.reportsNothing(""))
        #expect(!QuarterlySummary.reportsNothing("Two conferences were delayed."))
    }

    /// The partners' decisions on reviews are in the Executive's report and agencies' contributions
    /// to open reviews in its data pack; neither is published.
    @Test func reviewDecisionsAndContributionsAreReportedButNotPublished() async throws {
        let scenario = try await ReportScenario.make()
        let reviews = try await scenario.framework.makeView().all(Review.self)
        let decided = reviews.filter { $0.decision != nil }
        let request = ReportScenario.requests(audience: .partnership)[0]
        let report = try await scenario.report(request)
        #expect(!decided.isEmpty, "the miniature partnership's rapid reviews carry decisions")
        do {
            let section = try #require(report.sections.first { $0.id == "learning.reviews.decisions" })
            guard case .table(let table) = section.blocks.first else {
                Issue.record("no table of decisions")
                return
            }
            #expect(table.rows.count == decided.count)
        }
        var pack = request
        pack.kind = .dataPack
        let participating = reviews.filter { $0.status == .open }.flatMap { $0.participants ?? [] }
        let carried = try await scenario.report(pack)
        #expect(!participating.isEmpty)
        #expect(carried.sections.contains { $0.id == "learning.reviews.contributions" })
        var published = request
        published.audience = .public
        let ids = try await scenario.report(published).sections.map(\.id)
        #expect(!ids.contains("learning.reviews.decisions"))
    }

    /// A sub-group's report shows its own part of the tracker: the Quality Assurance Delivery
    /// Group's audits, Section 11 returns and data signals, the practice review group's reviews.
    @Test func aSubGroupsReportShowsItsOwnWorkInTheTracker() async throws {
        let scenario = try await ReportScenario.make()
        let groups = try await scenario.framework.makeView().all(Group.self)
        let state = try await LearningState.load(scenario.framework.makeView())
        for kind in [GroupKind.qualityAssuranceDeliveryGroup, .practiceReviewGroup] {
            let group = try #require(groups.first { $0.kind == kind })
            let report = try await scenario.report(
                ReportRequest(
                    kind: .subGroupReport,
                    period: ReportScenario.quarter,
                    audience: .internal,
                    day: ReportScenario.day,
                    group: group.id
                )
            )
            let section = try #require(report.sections.first { $0.id == "learning.tracker" })
            #expect(section.title == "\(group.name)'s work in the action tracker")
            let followed = LearningState.sourcesFollowed(by: kind)
            let own = state.followed(by: group)
            #expect(!own.actions.isEmpty)
            #expect(own.recommendations.allSatisfy { followed.contains($0.source.kind) })
            #expect(own.actions.count < state.actions.count, "not the whole partnership's tracker")
            let others = state.recommendations.filter { !followed.contains($0.source.kind) }
            #expect(!others.isEmpty)
            #expect(Set(own.actions.map(\.recommendation)).isDisjoint(with: others.map(\.id)))
        }
    }

    /// The same data gives the same report whatever identifiers the findings were given: every list
    /// and every cell is ordered by what it means, never by an id.
    @Test func theSameDataGivesTheSameReportWhateverTheFindingsIdentifiers() async throws {
        var texts: [String] = []
        for seed: UInt64 in [1, 2] {
            let scenario = try await ReportScenario.make(ids: .seeded(seed))
            var pages = ""
            for request in ReportScenario.requests(audience: .internal) {
                pages += MarkdownRenderer().render(try await scenario.report(request))
            }
            texts.append(pages)
        }
        #expect(texts[0] == texts[1])
    }

    @Test func aGroupsReportListsEachOfItsFindings() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .internal)[1])
        let qadg: Group.ID = "qadg"
        let open = try await scenario.framework.makeView().all(Finding.self).filter {
            $0.status == .open && $0.group == qadg
        }
        let items = report.sections.flatMap(\.blocks).flatMap { block -> [FindingsBlock.Item] in
            if case .findings(let findings) = block { return findings.items }
            return []
        }
        #expect(!open.isEmpty, "the planted low attendance at the QADG is the group's finding")
        #expect(Set(items.map(\.message)) == Set(open.map(\.message)))
    }

    /// Reports to the Executive carry the voice of children and families.
    ///
    /// Fact: the framework calls the voices of children, young people and families the most important
    /// measure of outcomes, and every report to the Executive and the yearly report says what they told
    /// us and what changed. Source: Devon SCP Quality Assurance Framework, "The Voices of Devon's
    /// Children and Families".
    @Test func everyReportToTheExecutiveAndTheYearlyReportCarryTheVoiceOfChildrenAndFamilies() async throws {
        let scenario = try await ReportScenario.make()
        for request in ReportScenario.requests(audience: .internal) {
            let report = try await scenario.report(request)
            let hasVoice = report.sections.contains { $0.id == "partnership.voice" }
            let expected = [.practiceDevelopmentAssurance, .subGroupReport, .yearly, .practitionerBriefing].contains(
                request.kind
            )
            #expect(hasVoice == expected, "\(request.kind)")
        }
    }

    @Test func aHostThatComposedOnlySection11AndMeasuresSaysWhatIsMissing() async throws {
        let scenario = try await ReportScenario.make(modules: [
            PartnershipModule(), Section11Module(), MeasuresModule(),
        ])
        let report = try await scenario.report(ReportScenario.requests(audience: .partnership)[0])
        #expect(report.absentModules == ["Audit", "Learning"])
        #expect(report.sections.contains { $0.module == "Section 11" })
        #expect(report.sections.contains { $0.module == "Measures" })
        #expect(!report.sections.contains { $0.module == "Audit" || $0.module == "Learning" })
        let absent = try #require(report.sections.last)
        #expect(absent.id == "report.absent")
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("- Audit: its sections are not included."))
        #expect(markdown.contains("- Learning: its sections are not included."))
        #expect(markdown.contains("Sections of Audit, Learning are not included"))
        let html = HTMLRenderer().render(report)
        #expect(XHTMLOutline().parse(html))
        #expect(html.contains("Learning: its sections are not included."))

        let full = try await ReportScenario.make()
        let complete = try await full.report(ReportScenario.requests(audience: .partnership)[0])
        #expect(complete.absentModules.isEmpty)
        #expect(!complete.sections.contains { $0.id == "report.absent" })
    }

    @Test func aSubGroupReportAndAScrutinyPackAreAboutTheirGroup() async throws {
        let scenario = try await ReportScenario.make()
        let requests = ReportScenario.requests(audience: .internal)
        let subGroup = try await scenario.report(requests[1])
        #expect(subGroup.title == "Sub-group report to the Executive: Quality Assurance Delivery Group")
        let groupReport = try #require(subGroup.sections.first { $0.id.hasPrefix("partnership.group-report.") })
        let headings = groupReport.blocks.compactMap { block -> String? in
            if case .text(let text) = block { return text.heading }
            return nil
        }
        #expect(headings == ["Impact and outcomes", "Barriers", "Escalations"])

        let pack = try await scenario.report(requests[2])
        let session = try #require(pack.sections.first { $0.id.hasPrefix("partnership.scrutiny.") })
        let packHeadings = session.blocks.compactMap { block -> String? in
            if case .text(let text) = block { return text.heading }
            return nil
        }
        #expect(
            Array(packHeadings.prefix(3)) == [
                "Outcomes", "Impact on children and families", "Should the group continue?",
            ]
        )
        // Only the group's own findings.
        let qadg: Group.ID = "qadg"
        let groupFindings = try await scenario.framework.makeView().all(Finding.self).filter {
            $0.status == .open && $0.group == qadg
        }
        let items = pack.sections.flatMap(\.blocks).reduce(0) { total, block in
            if case .findings(let findings) = block { return total + findings.items.count }
            return total
        }
        #expect(items == groupFindings.count)
    }

    @Test func requestsThatMakeNoSenseAreRefusedWithTheReason() async throws {
        let scenario = try await ReportScenario.make()
        let reports = StandardReports(framework: scenario.framework)
        let lead = ReportScenario.lead
        let noGroup = ReportRequest(
            kind: .subGroupReport,
            period: ReportScenario.quarter,
            audience: .internal,
            day: ReportScenario.day
        )
        await #expect { try await reports.make(noGroup, as: lead) } throws: { error in
            (error as? DomainError)?.code == .invalidInput
                && (error as? DomainError)?.message.contains("name the group") == true
        }
        let yearlyMash = ReportRequest(
            kind: .mashQuarterly,
            period: ReportScenario.year,
            audience: .internal,
            day: ReportScenario.day
        )
        await #expect { try await reports.make(yearlyMash, as: lead) } throws: { error in
            (error as? DomainError)?.message.contains("covers a quarter") == true
        }
    }

    @Test func onlyThoseWhoMayReadTheFindingsMakeAReportAndOnlyThoseWhoMayReadCasesMakeAnInternalOne() async throws {
        let scenario = try await ReportScenario.make()
        let reports = StandardReports(framework: scenario.framework)
        let forInternal = ReportScenario.requests(audience: .internal)[0]
        let partnership = ReportScenario.requests(audience: .partnership)[0]
        for principal in [PartnershipScenario.viewer, PartnershipScenario.policeLead, PartnershipScenario.auditor] {
            await #expect { try await reports.make(partnership, as: principal) } throws: { error in
                (error as? DomainError)?.code == .accessDenied
            }
        }
        let chair = Principal(id: "chair", roles: [.groupChair("qadg")])
        await #expect { try await reports.make(forInternal, as: chair) } throws: { error in
            (error as? DomainError)?.message.contains("make a partnership report instead") == true
        }
        let report = try await reports.make(partnership, as: chair)
        #expect(report.audience == .partnership)
        _ = try await reports.make(forInternal, as: PartnershipScenario.scrutineer)
    }

    @Test func aPublishedReportIsStoredForViewersAndRepublishingUpdatesIt() async throws {
        let scenario = try await ReportScenario.make()
        let reports = StandardReports(framework: scenario.framework)
        let report = try await scenario.report(ReportScenario.requests(audience: .public)[0])
        let first = try await reports.publish(report, by: ReportScenario.lead)
        #expect(first.id.rawValue == "pdg-assurance-FY2025-26-Q4-public")
        let records = scenario.framework.environment.records
        let seen = try #require(
            try await records.load(PublishedReport.self, id: first.id, as: PartnershipScenario.viewer)
        )
        #expect(seen.value.json == JSONRenderer().render(report))
        #expect(seen.version == 1)
        try await reports.publish(report, by: ReportScenario.lead)
        let again = try #require(
            try await records.load(PublishedReport.self, id: first.id, as: PartnershipScenario.viewer)
        )
        #expect(again.version == 2)
        await #expect { try await reports.publish(report, by: PartnershipScenario.viewer) } throws: { error in
            (error as? DomainError)?.code == .accessDenied
        }
    }

    @Test func theJSONCarriesItsSchemaAndEveryBlock() async throws {
        let scenario = try await ReportScenario.make()
        let report = try await scenario.report(ReportScenario.requests(audience: .internal)[0])
        let json = JSONRenderer().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "qaf-report")
        #expect(object["version"] as? Int == 1)
        #expect(object["kind"] as? String == "pdg-assurance")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.count == report.sections.count)
        let types = Set(
            sections.flatMap { ($0["blocks"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String } }
        )
        #expect(
            types.isSuperset(of: ["text", "key-figures", "table", "findings", "small-multiples"]),
            "\(types.sorted())"
        )
    }

    @Test func csvHasOneFilePerTableQuotedOnlyWhereItMustBe() {
        let report = Report(
            kind: .yearly,
            title: "T",
            partnership: "P",
            period: ReportScenario.year,
            audience: .internal,
            day: ReportScenario.day,
            sections: [
                ReportSection(
                    id: "a.b",
                    title: "A",
                    module: "M",
                    blocks: [
                        .table(
                            TableBlock(
                                caption: "Counts, by area",
                                columns: [.init("Area"), .init("N", numeric: true), .init("%", numeric: true)],
                                rows: [
                                    [
                                        .text("North, \"upper\""), .count(12_345),
                                        .percentage(12.25, numerator: 1, denominator: 8, decimals: 1),
                                    ],
                                    [.text("South"), .number(1_234.5, decimals: 1), .symbol(.c)],
                                ]
                            )
                        ),
                        .text(TextBlock(paragraphs: ["between"])),
                        .table(TableBlock(caption: "Second", columns: [.init("X")], rows: [[.empty]])),
                    ]
                )
            ]
        )
        let files = CSVRenderer().render(report)
        #expect(files.map(\.name) == ["01-a-b-1-counts-by-area.csv", "01-a-b-2-second.csv"])
        #expect(files[0].contents == "Area,N,%\n\"North, \"\"upper\"\"\",12345,12.3\nSouth,1234.5,c\n")
        #expect(files[1].contents == "X\n\n")
    }
}
