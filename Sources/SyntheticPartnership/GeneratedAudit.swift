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
        var random = SeededRandom(seed: seed, stream: "audit-\(index)")
        let prefix = prefix(index)
        let lead = Principal.ID(unchecked: "\(prefix)qa-lead")
        let themes: [Theme] = [
            .neglect, .domesticAbuse, .exploitation, .voiceOfTheChild, .mentalHealth, .informationSharing, .thresholds,
            .earlyHelp,
        ]
        let types: [AuditType] = [
            .multiAgencyThematic, .multiAgencyThematic, .multiAgencyThematic, .singleAgency, .mashThematic, .tableTop,
            .appreciativeInquiry, .survey, .deepDive,
        ]
        let partners = partnership.agencies.prefix(30).map(\.id)
        let grades = RatingScale.fourPoint.levels.map(\.code)
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
        let years = max(1, scale.months / 12)
        let lastYear = ReportingPeriod.containing(referenceDay.adding(days: -1), kind: .year, basis: .financial)
        for yearOffset in 0..<years {
            let year = lastYear.advanced(by: yearOffset - years + 1)
            var planned: [Audit.ID] = []
            for number in 0..<scale.auditsPerYear {
                let start = year.firstDay.adding(months: number * 12 / max(1, scale.auditsPerYear))
                let until = min(start.adding(months: 2).adding(days: -1), year.lastDay)
                let type = types[(number + yearOffset) % types.count]
                let theme = themes[(number + yearOffset * 3) % themes.count]
                let id = Audit.ID(unchecked: "\(prefix)audit-\(year.year)-\(String(format: "%02d", number + 1))")
                planned.append(id)
                var audit = Audit(
                    id: id,
                    title: "\(theme.label): \(type), \(ReportingPeriod.containing(start, kind: .month).label)",
                    type: type,
                    themes: [theme],
                    rationale: [.reviewLearning, .data, .childrenAndFamilies, .nationalResearch][number % 4],
                    lead: "QA lead",
                    agencies: Array(partners.prefix(scale.agenciesPerCase)),
                    template: type.usesModeration ? AuditTemplate.standard.id : nil,
                    plannedFrom: start,
                    plannedUntil: until,
                    plannedOn: year.firstDay,
                    plannedBy: lead
                )
                guard start < referenceDay else {
                    result.audits.append(audit)
                    continue
                }
                var day = start
                func step(_ stage: Audit.Stage, after days: Int) {
                    day = day.adding(days: days)
                    audit.stage = stage
                    audit.steps.append(Audit.Step(stage: stage, on: day, by: lead))
                }
                step(.scoping, after: 0)
                step(.fieldwork, after: 10)
                // Later audits of the last year are still in the field; a few run late.
                let finished = until.adding(days: 30) < referenceDay || random.chance(0.3)
                var caseGrades: [Int] = []
                if type.usesModeration {
                    for caseNumber in 0..<scale.casesPerAudit {
                        let caseID = AuditCase.ID(unchecked: "\(id)-case-\(caseNumber + 1)")
                        var auditCase = AuditCase(
                            id: caseID,
                            audit: id,
                            caseReference: CaseReference(
                                unchecked: "\(prefix)CASE-\(year.year)\(String(format: "%02d%02d", number, caseNumber))"
                            ),
                            selection: caseNumber % 3 == 0 ? .purposive : .random,
                            agencies: Array(partners.shuffled(using: &random).prefix(scale.agenciesPerCase)).sorted()
                        )
                        let weak = theme == .neglect || theme == .voiceOfTheChild ? 1 : 0
                        let overall = min(
                            3,
                            max(0, 2 - weak + (random.chance(0.3) ? 1 : 0) - (random.chance(0.25) ? 1 : 0))
                        )
                        caseGrades.append(overall)
                        for agency in auditCase.agencies {
                            var item = CaseReturn(
                                id: CaseReturn.ID(unchecked: "\(caseID)-\(agency.rawValue.dropFirst(prefix.count))"),
                                audit: id,
                                auditCase: caseID,
                                agency: agency,
                                dueOn: start.adding(days: 35)
                            )
                            if finished || random.chance(0.7) {
                                item.status = .submitted
                                item.submittedOn = start.adding(days: 20 + random.integer(in: 0...14))
                                item.grades = Dictionary(
                                    uniqueKeysWithValues: AuditTemplate.standard.sections.map {
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
                                    uniqueKeysWithValues: AuditTemplate.standardQuestions.map {
                                        ($0.code, random.chance(0.75) ? Answer.yes : .no)
                                    }
                                )
                                item.goodPractice = "Timely information sharing."
                                item.recommendations = ["Review supervision of this case."]
                            }
                            result.returns.append(item)
                        }
                        if finished {
                            auditCase.overall = Grade(level: grades[overall], rationale: "Agreed at moderation.")
                            auditCase.sectionGrades = [:]
                        }
                        result.cases.append(auditCase)
                    }
                }
                guard finished else {
                    result.audits.append(audit)
                    continue
                }
                if type.usesModeration { step(.moderation, after: 40) }
                step(.reported, after: 21)
                audit.findings = [
                    AuditFinding(kind: .strength, text: "Agencies shared information promptly.", themes: [theme]),
                    AuditFinding(
                        kind: caseGrades.reduce(0, +) < caseGrades.count * 2 ? .concern : .gap,
                        text: "Practice on \(theme.label.lowercased()) was inconsistent.",
                        themes: [theme]
                    ),
                ]
                let recommendation = Recommendation(
                    id: Recommendation.ID(unchecked: "\(id)-rec-1"),
                    source: .init(.audit, record: audit.reference, title: audit.title),
                    text: "Act on the audit's findings on \(theme.label.lowercased()).",
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
                            id: VoiceRecord.ID(unchecked: "\(id)-voice"),
                            speaker: random.pick(VoiceRecord.Speaker.allCases),
                            channel: .auditConversation,
                            day: day.adding(days: -14),
                            themes: [theme],
                            consentedSummary: random.pick(Self.voiceSummaries),
                            relatedTo: audit.reference
                        )
                    )
                } else {
                    audit.voiceNotSoughtReason = "The families involved did not consent to be contacted."
                }
                let challengeDay = day.adding(months: 6)
                if challengeDay < referenceDay {
                    step(.challenge, after: day.days(until: challengeDay))
                    result.sessions.append(
                        ChallengeSession(
                            id: ChallengeSession.ID(unchecked: "\(id)-challenge"),
                            audit: id,
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
                    step(.closed, after: 7)
                }
                result.audits.append(audit)
            }
            result.plans.append(
                AuditPlan(id: AuditPlan.ID(unchecked: "\(prefix)plan-\(year)"), year: year, audits: planned)
            )
            for quarter in year.periods(of: .quarter) where quarter.lastDay < referenceDay {
                for source in QuarterlySummary.Source.allCases {
                    if let summary = try? QuarterlySummary(
                        id: QuarterlySummary.ID(unchecked: "\(prefix)summary-\(source.rawValue)-\(quarter)"),
                        source: source,
                        quarter: quarter,
                        sections: Dictionary(
                            uniqueKeysWithValues: source.headings.map {
                                ($0, "\($0) in \(quarter.label): no exceptions to report.")
                            }
                        ),
                        returnedOn: quarter.lastDay.adding(days: 15)
                    ) {
                        result.summaries.append(summary)
                    }
                }
            }
        }
        return result
    }
}
