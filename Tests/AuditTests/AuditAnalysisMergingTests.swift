import AssuranceTesting
import Domain
import Testing

@testable import Audit

/// Analyses of separate audits merged must equal the analysis of all of them at once, so that a
/// host may read and analyse a long history an audit at a time.
struct AuditAnalysisMergingTests {
    struct History {
        var audits: [Audit] = []
        var cases: [AuditCase] = []
        var returns: [CaseReturn] = []
    }

    /// Audits over three years with cases, moderated grades and agencies' returns, some drafts, some
    /// grades off the scale, and sections that agencies grade far apart.
    func history(_ random: inout RepeatableRandom) -> History {
        let themes: [Theme] = [.neglect, .domesticAbuse, .exploitation, .voiceOfTheChild]
        let levels = RatingScale.fourPoint.levels.map(\.code) + ["not-on-the-scale"]
        let agencies: [Agency.ID] = ["police", "council", "school", "trust"]
        var history = History()
        for number in 0..<(1 + random.below(14)) {
            let planned = Day.fixture("2023-04-01").adding(days: random.below(900))
            var audit = Audit(
                id: Audit.ID(rawValue: "audit-\(number)")!,
                title: "Audit \(number)",
                type: .multiAgencyThematic,
                themes: (0..<(1 + random.below(2))).map { _ in themes[random.below(themes.count)] },
                rationale: .data,
                lead: "QA lead",
                agencies: agencies,
                plannedFrom: planned,
                plannedUntil: planned.adding(days: 60),
                plannedOn: planned,
                plannedBy: "qa"
            )
            if !random.chance(4) {
                audit.steps.append(.init(stage: .reported, on: planned.adding(days: 90), by: "qa"))
            }
            history.audits.append(audit)
            for caseNumber in 0..<random.below(6) {
                var auditCase = AuditCase(
                    id: AuditCase.ID(rawValue: "audit-\(number)-case-\(caseNumber)")!,
                    audit: audit.id,
                    caseReference: CaseReference(rawValue: "CASE-\(number)-\(caseNumber)")!,
                    selection: .random,
                    agencies: agencies
                )
                if !random.chance(5) {
                    auditCase.overall = Grade(level: levels[random.below(levels.count)], rationale: "Moderated.")
                }
                history.cases.append(auditCase)
                for agency in agencies where !random.chance(4) {
                    var item = CaseReturn(
                        id: CaseReturn.ID(rawValue: "\(auditCase.id)-\(agency)")!,
                        audit: audit.id,
                        auditCase: auditCase.id,
                        agency: agency,
                        dueOn: planned.adding(days: 30)
                    )
                    if !random.chance(5) {
                        item.status = .submitted
                        item.submittedOn = planned.adding(days: 20)
                    }
                    for section: AuditSectionCode in ["recognition", "planning", "voice"] where !random.chance(3) {
                        item.grades[section] = Grade(level: levels[random.below(levels.count)], rationale: "Seen.")
                    }
                    history.returns.append(item)
                    // Now and then an agency returns the case again: its later grades stand.
                    if random.chance(8) {
                        var again = item
                        again.id = CaseReturn.ID(rawValue: "\(item.id)-again")!
                        again.status = .submitted
                        for section: AuditSectionCode in ["recognition", "voice"] where random.chance(2) {
                            again.grades[section] = Grade(
                                level: levels[random.below(levels.count)],
                                rationale: "Again."
                            )
                        }
                        history.returns.append(again)
                    }
                }
            }
        }
        return history
    }

    /// A store holding a history's audits, cases and returns.
    func store(_ history: History) async throws -> InMemoryStore {
        let store = InMemoryStore()
        var batch = RecordBatch()
        for audit in history.audits { try batch.save(audit, version: 0) }
        for auditCase in history.cases { try batch.save(auditCase, version: 0) }
        for item in history.returns { try batch.save(item, version: 0) }
        try await Records(store: store).commit(batch, by: PartnershipScenario.qaLead)
        return store
    }

    @Test func analysesOfSeparateAuditsMergeIntoTheAnalysisOfAll() throws {
        var random = RepeatableRandom(seed: 0xA0D1)
        let day = Day.fixture("2025-10-01")
        for _ in 0..<200 {
            let history = history(&random)
            let whole = AuditAnalysis(audits: history.audits, cases: history.cases, returns: history.returns)
            // Parts of one to four audits, each with its audits' cases and returns.
            var parts: [AuditAnalysis] = []
            var remaining = history.audits[...]
            while !remaining.isEmpty {
                let chunk = Array(remaining.prefix(1 + random.below(4)))
                remaining = remaining.dropFirst(chunk.count)
                let ids = Set(chunk.map(\.id))
                parts.append(
                    AuditAnalysis(
                        audits: chunk,
                        cases: history.cases.filter { ids.contains($0.audit) },
                        returns: history.returns.filter { ids.contains($0.audit) }
                    )
                )
            }
            let merged = try AuditAnalysis(merging: parts.shuffled(using: &random))
            #expect(merged.gradesByTheme == whole.gradesByTheme)
            #expect(merged.gradesByAgency == whole.gradesByAgency)
            #expect(merged.judgements == whole.judgements)
            #expect(merged.disagreements == whole.disagreements)
            #expect(merged.recurringThemes(on: day) == whole.recurringThemes(on: day))
        }
    }

    /// Grades by agency and disagreements counted into dictionaries grade by grade, keyed by a
    /// case's section: the reference the analysis's counting is held to.
    func countedIntoDictionaries(
        _ returns: [CaseReturn]
    ) -> (
        byAgency: [Agency.ID: [RatingCode: Int]], disagreements: [AuditAnalysis.Disagreement]
    ) {
        let ranks = RatingScale.fourPoint.levels.keyed(by: \.code, value: \.rank)
        var byAgency: [Agency.ID: [RatingCode: Int]] = [:]
        var bySection: [String: [Agency.ID: RatingCode]] = [:]
        for item in returns where item.status == .submitted {
            for (section, grade) in item.grades {
                byAgency[item.agency, default: [:]][grade.level, default: 0] += 1
                bySection["\(item.auditCase)|\(section)", default: [:]][item.agency] = grade.level
            }
        }
        let disagreements = bySection.compactMap { key, grades -> AuditAnalysis.Disagreement? in
            let values = grades.values.compactMap { ranks[$0] }
            guard let low = values.min(), let high = values.max(), high - low >= 2 else { return nil }
            let parts = key.split(separator: "|", maxSplits: 1)
            return AuditAnalysis.Disagreement(
                auditCase: AuditCase.ID(rawValue: String(parts[0]))!,
                section: AuditSectionCode(String(parts[1])),
                grades: grades
            )
        }
        return (byAgency, disagreements.sorted { ($0.auditCase, $0.section) < ($1.auditCase, $1.section) })
    }

    @Test func gradesAreCountedAsDictionariesCountThem() {
        var random = RepeatableRandom(seed: 0xA0D3)
        var disagreements = 0
        for _ in 0..<200 {
            let history = history(&random)
            let analysis = AuditAnalysis(audits: history.audits, cases: history.cases, returns: history.returns)
            let expected = countedIntoDictionaries(history.returns)
            #expect(analysis.gradesByAgency == expected.byAgency)
            #expect(analysis.disagreements == expected.disagreements)
            disagreements += expected.disagreements.count
        }
        #expect(disagreements > 100, "the histories have disagreements to find")
    }

    @Test func anAuditInTwoPartsOrPartsOnTwoScalesAreRefused() throws {
        var random = RepeatableRandom(seed: 0xA0D4)
        var history = history(&random)
        while history.audits.count < 2 { history = self.history(&random) }
        let first = AuditAnalysis(audits: history.audits, cases: history.cases, returns: history.returns)
        let again = AuditAnalysis(audits: [history.audits[1]], cases: [], returns: [])
        #expect(
            throws: DomainError(
                .invalidInput,
                "audit audit-1 is in two of the analyses to merge; each audit belongs to one part"
            )
        ) {
            try AuditAnalysis(merging: [first, again])
        }
        let rag = AuditAnalysis(audits: [], cases: [], returns: [], scale: .rag)
        #expect(
            throws: DomainError(
                .invalidInput,
                "audit analyses on different scales cannot be merged: \(RatingScale.fourPoint.name) and \(RatingScale.rag.name)"
            )
        ) {
            try AuditAnalysis(merging: [first, rag])
        }
    }

    @Test func mergingNothingIsTheEmptyAnalysis() throws {
        let merged = try AuditAnalysis(merging: [])
        #expect(merged.scale == .fourPoint)
        #expect(merged.gradesByTheme.isEmpty && merged.judgements.isEmpty && merged.disagreements.isEmpty)
        #expect(merged.recurringThemes(on: .fixture("2025-10-01")).isEmpty)
    }

    /// An audit at a time through the store's indexes: each audit's cases by parent, its returns by key.
    ///
    /// The loop the `init(merging:)` documentation shows.
    @Test func anAuditAtATimeFromAStoreIsTheAnalysisOfAll() async throws {
        var random = RepeatableRandom(seed: 0xA0D2)
        let history = history(&random)
        let view = AssuranceView(store: try await store(history))

        var parts: [AuditAnalysis] = []
        for audit in try await view.all(Audit.self) {
            parts.append(
                AuditAnalysis(
                    audits: [audit],
                    cases: try await view.records(AuditCase.self, RecordFilter(parent: audit.id.retyped())),
                    returns: try await view.records(CaseReturn.self, RecordFilter(key: audit.id.rawValue))
                )
            )
        }
        let analysis = try AuditAnalysis(merging: parts)

        let whole = AuditAnalysis(audits: history.audits, cases: history.cases, returns: history.returns)
        #expect(!history.returns.isEmpty)
        #expect(analysis.gradesByTheme == whole.gradesByTheme && analysis.gradesByAgency == whole.gradesByAgency)
        #expect(analysis.judgements == whole.judgements && analysis.disagreements == whole.disagreements)
    }
}
