package import Audit
package import Domain
import Foundation

/// A partnership's generated audit programme.
package struct GeneratedAudit: Sendable {
    /// A plan per year.
    package var plans: [AuditPlan]
    /// The audits.
    package var audits: [Audit]
    /// Their cases.
    package var cases: [AuditCase]
    /// The agencies' returns.
    package var returns: [CaseReturn]
    /// Challenge sessions.
    package var sessions: [ChallengeSession]
    /// Recommendations the audits made.
    package var recommendations: [Recommendation]
    /// Children's and families' views gathered in audits.
    package var voices: [VoiceRecord]
    /// The MASH's and conference chairs' quarterly summaries.
    package var summaries: [QuarterlySummary]

    /// The records as one batch of new records.
    package func batch() throws -> RecordBatch {
        var batch = RecordBatch()
        for plan in plans { try batch.save(plan, version: 0) }
        for audit in audits { try batch.save(audit, version: 0) }
        for item in cases { try batch.save(item, version: 0) }
        for item in returns { try batch.save(item, version: 0) }
        for session in sessions { try batch.save(session, version: 0) }
        for recommendation in recommendations { try batch.save(recommendation, version: 0) }
        for voice in voices { try batch.save(voice, version: 0) }
        for summary in summaries { try batch.save(summary, version: 0) }
        return batch
    }
}

extension PartnershipGenerator {
    /// A year's audit programme for each year of history: mostly multi-agency thematic audits with
    /// sampled cases and agencies' returns; past years closed after their challenge sessions.
    package func audits(for partnership: GeneratedPartnership, index: Int) -> GeneratedAudit {
        var builder = AuditBuilder(generator: self, partnership: partnership, index: index)
        let years = max(1, scale.months / 12)
        let lastYear = ReportingPeriod.containing(referenceDay.adding(days: -1), kind: .year, basis: .financial)
        for yearOffset in 0..<years {
            let year = lastYear.advanced(by: yearOffset - years + 1)
            let planned = (0..<scale.auditsPerYear).map { number in
                builder.addAudit(number, of: year, yearOffset: yearOffset)
            }
            builder.result.plans.append(
                AuditPlan(id: AuditPlan.ID(unchecked: "\(builder.prefix)plan-\(year)"), year: year, audits: planned)
            )
            builder.addSummaries(of: year)
        }
        return builder.result
    }
}

/// Builds one partnership's audit programme, audit by audit, drawing from its one stream of random
/// numbers in the order the generator has always drawn them.
private struct AuditBuilder {
    let generator: PartnershipGenerator
    var random: SeededRandom
    let prefix: String
    let lead: Principal.ID
    let themes: [Theme] = [
        .neglect, .domesticAbuse, .exploitation, .voiceOfTheChild, .mentalHealth, .informationSharing, .thresholds,
        .earlyHelp,
    ]
    let types: [AuditType] = [
        .multiAgencyThematic, .multiAgencyThematic, .multiAgencyThematic, .singleAgency, .mashThematic, .tableTop,
        .appreciativeInquiry, .survey, .deepDive,
    ]
    let partners: [Agency.ID]
    /// The partnership's audit tool: its own, or the starter's.
    var tool: AuditTemplate { generator.shape?.auditTool ?? .standard }
    /// Four grades, worst first, on the tool's scale: its levels spread over four steps.
    var grades: [RatingCode] {
        let levels = tool.scale.levels
        return (0...3).map { levels[Int((Double($0) * Double(levels.count - 1) / 3).rounded())].code }
    }
    var result = GeneratedAudit(
        plans: [],
        audits: [],
        cases: [],
        returns: [],
        sessions: [],
        recommendations: [],
        voices: [],
        summaries: []
    )

    var referenceDay: Day { generator.referenceDay }
    var scale: SyntheticScale { generator.scale }

    init(generator: PartnershipGenerator, partnership: GeneratedPartnership, index: Int) {
        self.generator = generator
        random = SeededRandom(seed: generator.seed, stream: "audit-\(index)")
        prefix = generator.prefix(index)
        lead = Principal.ID(unchecked: "\(prefix)qa-lead")
        partners = partnership.agencies.prefix(30).map(\.id)
    }

    /// An audit in its year's plan: planned, and as far through its stages as the day allows.
    mutating func addAudit(_ number: Int, of year: ReportingPeriod, yearOffset: Int) -> Audit.ID {
        let start = year.firstDay.adding(months: number * 12 / max(1, scale.auditsPerYear))
        let until = min(start.adding(months: 2).adding(days: -1), year.lastDay)
        let type = types[(number + yearOffset) % types.count]
        let theme = themes[(number + yearOffset * 3) % themes.count]
        let id = Audit.ID(unchecked: "\(prefix)audit-\(year.year)-\(String(format: "%02d", number + 1))")
        var audit = Audit(
            id: id,
            title: "\(theme.label): \(type.name), \(ReportingPeriod.containing(start, kind: .month).label)",
            type: type,
            themes: [theme],
            rationale: [.reviewLearning, .data, .childrenAndFamilies, .nationalResearch][number % 4],
            lead: "QA lead",
            agencies: Array(partners.prefix(scale.agenciesPerCase)),
            template: type.usesModeration ? tool.id : nil,
            plannedFrom: start,
            plannedUntil: until,
            plannedOn: year.firstDay,
            plannedBy: lead
        )
        defer { result.audits.append(audit) }
        guard start < referenceDay else { return id }
        var day = start
        step(&audit, .scoping, on: &day, after: 0)
        step(&audit, .fieldwork, on: &day, after: 10)
        // Later audits of the last year are still in the field; a few run late.
        let finished = until.adding(days: 30) < referenceDay || random.chance(0.3)
        var caseGrades: [Int] = []
        if type.usesModeration {
            for caseNumber in 0..<scale.casesPerAudit {
                caseGrades.append(
                    addCase(caseNumber, of: audit, number: number, year: year, start: start, finished: finished)
                )
            }
        }
        guard finished else { return id }
        if type.usesModeration { step(&audit, .moderation, on: &day, after: 40) }
        step(&audit, .reported, on: &day, after: 21)
        report(&audit, theme: theme, caseGrades: caseGrades, on: day)
        return id
    }

    func step(_ audit: inout Audit, _ stage: Audit.Stage, on day: inout Day, after days: Int) {
        day = day.adding(days: days)
        audit.stage = stage
        audit.steps.append(Audit.Step(stage: stage, on: day, by: lead))
    }

    /// A sampled case and the returns of its agencies; the moderated overall grade, as an index.
    mutating func addCase(
        _ caseNumber: Int,
        of audit: Audit,
        number: Int,
        year: ReportingPeriod,
        start: Day,
        finished: Bool
    ) -> Int {
        let caseID = AuditCase.ID(unchecked: "\(audit.id)-case-\(caseNumber + 1)")
        var auditCase = AuditCase(
            id: caseID,
            audit: audit.id,
            caseReference: CaseReference(
                unchecked: "\(prefix)CASE-\(year.year)\(String(format: "%02d%02d", number, caseNumber))"
            ),
            selection: caseNumber % 3 == 0 ? .purposive : .random,
            agencies: Array(partners.shuffled(using: &random).prefix(scale.agenciesPerCase)).sorted()
        )
        let theme = audit.themes[0]
        let weak = theme == .neglect || theme == .voiceOfTheChild ? 1 : 0
        let overall = min(3, max(0, 2 - weak + (random.chance(0.3) ? 1 : 0) - (random.chance(0.25) ? 1 : 0)))
        for agency in auditCase.agencies {
            result.returns.append(
                caseReturn(of: auditCase, agency: agency, overall: overall, start: start, finished: finished)
            )
        }
        if finished {
            auditCase.overall = Grade(level: grades[overall], rationale: "Agreed at moderation.")
            auditCase.sectionGrades = [:]
        }
        result.cases.append(auditCase)
        return overall
    }

    mutating func caseReturn(
        of auditCase: AuditCase,
        agency: Agency.ID,
        overall: Int,
        start: Day,
        finished: Bool
    ) -> CaseReturn {
        var item = CaseReturn(
            id: CaseReturn.ID(unchecked: "\(auditCase.id)-\(agency.rawValue.dropFirst(prefix.count))"),
            audit: auditCase.audit,
            auditCase: auditCase.id,
            agency: agency,
            dueOn: start.adding(days: 35)
        )
        guard finished || random.chance(0.7) else { return item }
        item.status = .submitted
        item.submittedOn = start.adding(days: 20 + random.integer(in: 0...14))
        item.grades = Dictionary(
            uniqueKeysWithValues: tool.sections.map {
                (
                    $0.code,
                    Grade(
                        level: grades[min(3, max(0, overall + random.integer(in: -1...1)))],
                        rationale: "Seen in the records."
                    )
                )
            }
        )
        item.answers = Dictionary(
            uniqueKeysWithValues: tool.sections.flatMap(\.questions).map {
                ($0.code, random.chance(0.75) ? Answer.yes : .no)
            }
        )
        item.goodPractice = "Timely information sharing."
        item.recommendations = ["Review supervision of this case."]
        return item
    }

    /// An audit's findings, recommendation and the voice it heard, and its challenge session once due.
    mutating func report(_ audit: inout Audit, theme: Theme, caseGrades: [Int], on reported: Day) {
        var day = reported
        audit.findings = [
            AuditFinding(kind: .strength, text: "Agencies shared information promptly.", themes: [theme]),
            AuditFinding(
                kind: caseGrades.reduce(0, +) < caseGrades.count * 2 ? .concern : .gap,
                text: "Practice on \(theme.label.lowercased()) was inconsistent.",
                themes: [theme]
            ),
        ]
        let recommendation = Recommendation(
            id: Recommendation.ID(unchecked: "\(audit.id)-rec-1"),
            source: .init(.audit, record: audit.reference, title: audit.title),
            text: PracticeAdvice.recommendation(theme),
            ownerAgency: partners.first,
            themes: [theme],
            raisedOn: day,
            dueOn: day.adding(months: 6)
        )
        audit.recommendations = [recommendation.id]
        result.recommendations.append(recommendation)
        if random.chance(0.7) {
            result.voices.append(
                VoiceRecord(
                    id: VoiceRecord.ID(unchecked: "\(audit.id)-voice"),
                    speaker: random.pick(VoiceRecord.Speaker.allCases),
                    channel: .auditConversation,
                    day: day.adding(days: -14),
                    themes: [theme],
                    consentedSummary: random.pick(PartnershipGenerator.voiceSummaries),
                    relatedTo: audit.reference
                )
            )
        } else {
            audit.voiceNotSoughtReason = "The families involved did not consent to be contacted."
        }
        let challengeDay = day.adding(months: 6)
        guard challengeDay < referenceDay else { return }
        step(&audit, .challenge, on: &day, after: day.days(until: challengeDay))
        result.sessions.append(
            ChallengeSession(
                id: ChallengeSession.ID(unchecked: "\(audit.id)-challenge"),
                audit: audit.id,
                heldOn: challengeDay,
                outcomes: [
                    .init(
                        recommendation: recommendation.id,
                        evidence: "Re-audit of a sample.",
                        judgement: random.pick(ChallengeSession.Judgement.allCases)
                    )
                ]
            )
        )
        step(&audit, .closed, on: &day, after: 7)
    }

    /// What the summaries report as exceptions, under their headings: one each, for the report to show.
    static let plantedExceptions = [
        "Supervision": "supervision of MASH social workers fell behind while two posts were vacant.",
        "Matters escalated":
            "two initial conferences were delayed because health reports arrived late; escalated to the "
            + "designated nurse.",
    ]

    /// The MASH's and the conference chairs' summaries of each quarter of a year that has ended.
    mutating func addSummaries(of year: ReportingPeriod) {
        for quarter in year.periods(of: .quarter) where quarter.lastDay < referenceDay {
            for source in QuarterlySummary.Source.allCases {
                if let summary = try? QuarterlySummary(
                    id: QuarterlySummary.ID(unchecked: "\(prefix)summary-\(source.rawValue)-\(quarter)"),
                    source: source,
                    quarter: quarter,
                    sections: Dictionary(
                        uniqueKeysWithValues: source.headings.map {
                            (
                                $0,
                                Self.plantedExceptions[$0].map { "In \(quarter.label): \($0)" }
                                    ?? "\($0) in \(quarter.label): no exceptions to report."
                            )
                        }
                    ),
                    returnedOn: quarter.lastDay.adding(days: 15)
                ) {
                    result.summaries.append(summary)
                }
            }
        }
    }
}
