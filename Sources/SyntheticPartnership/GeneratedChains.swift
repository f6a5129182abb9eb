import Audit
import Domain
import Foundation
import Measures
import Section11

extension PartnershipGenerator {
    /// Joins the generated parts into one chain, as a partnership that uses the engine would have it.
    ///
    /// Every recommendation in its theme's work stream; audit recommendations with actions, and the
    /// challenge sessions' judgements as impact; every Section 11 action in the one tracker; and at
    /// least one chain closed on evidence of impact from each source: a review, an audit, an agency's
    /// Section 11 return (re-rated), a scrutiny session and a data signal. The partnership's
    /// priorities for the latest year link its groups and work streams.
    func chained(_ generated: Generated, index: Int) -> Generated {
        var result = generated
        let prefix = prefix(index)
        let lead = Principal.ID(unchecked: "\(prefix)business-team")
        let placer = StreamPlacer(
            streams: result.learning.streams.map { Versioned($0, version: 0) },
            ids: IDGenerator.seeded(seed &+ UInt64(index)),
            prefix: prefix
        )
        chainAudits(&result, place: placer.place, lead: lead)
        chainSection11(&result, place: placer.place)
        plantSection11Chain(&result, streams: &placer.streams, ids: placer.ids, lead: lead)
        closeAReview(&result, lead: lead)
        plantScrutinyAndSignalChains(&result, prefix: prefix, place: placer.place, lead: lead)
        plantActivity(&result, index: index, place: placer.place)
        fillReviews(&result)
        plantDevelopment(&result, index: index)
        result.learning.streams = placer.streams.map(\.value)
        linkPriorities(&result, index: index)
        return result
    }

    /// Places recommendations in their themes' work streams, as the engine would, one after another.
    final class StreamPlacer {
        var streams: [Versioned<WorkStream>]
        let ids: IDGenerator
        let prefix: String

        init(streams: [Versioned<WorkStream>], ids: IDGenerator, prefix: String) {
            self.streams = streams
            self.ids = ids
            self.prefix = prefix
        }

        func place(_ recommendation: Recommendation) -> WorkStream.ID? {
            let before = streams.count
            guard let index = WorkStream.place(recommendation, in: &streams, ids: ids) else { return nil }
            // A stream made here takes the partnership's prefix, as the generated ones do, so that
            // every partnership's streams can share one national database.
            if streams.count > before, !streams[index].value.id.rawValue.hasPrefix(prefix) {
                streams[index].value.id = WorkStream.ID(unchecked: prefix + streams[index].value.id.rawValue)
            }
            return streams[index].value.id
        }
    }

    /// Audits: an action for each recommendation, and each challenge session's judgement as impact.
    private func chainAudits(
        _ result: inout Generated,
        place: (Recommendation) -> WorkStream.ID?,
        lead: Principal.ID
    ) {
        let sessions = result.audits.sessions.flatMap { session in session.outcomes.map { (session, $0) } }
        let outcomes = Dictionary(sessions.map { ($0.1.recommendation, $0) }, uniquingKeysWith: { first, _ in first })
        for position in result.audits.recommendations.indices {
            var recommendation = result.audits.recommendations[position]
            let stream = place(recommendation)
            var action = TrackedAction(
                id: TrackedAction.ID(unchecked: "\(recommendation.id)-act-1"),
                recommendation: recommendation.id,
                workStream: stream,
                text: "Put the audit's recommendation into practice across the agencies audited",
                ownerAgency: recommendation.ownerAgency,
                lead: "Quality Assurance Lead",
                startOn: recommendation.raisedOn,
                dueOn: recommendation.dueOn ?? recommendation.raisedOn.adding(months: 6)
            )
            if action.dueOn < referenceDay {
                action.status = .completedAndEvidenced
                action.completedOn = action.dueOn.adding(days: -7)
                action.completionEvidence = [EvidenceReference(.document, title: "Practice guidance reissued")]
            }
            result.learning.actions.append(action)
            if let (session, outcome) = outcomes[recommendation.id] {
                let impact = ImpactRecord(
                    id: ImpactRecord.ID(unchecked: "\(recommendation.id)-impact"),
                    recommendation: recommendation.id,
                    judgement: outcome.impact,
                    evidence: [.init(kind: .challengeSession, summary: outcome.evidence, reference: session.reference)],
                    recordedOn: session.heldOn,
                    recordedBy: lead,
                    source: session.reference
                )
                result.learning.impact.append(impact)
                // A recommendation closes on a change embedded, as the starter framework requires.
                if impact.judgement == .embedded {
                    recommendation.status = .closed
                    recommendation.closedOn = session.heldOn.adding(days: 7)
                    recommendation.closingNote = "Impact \(impact.judgement): \(outcome.evidence)"
                }
            }
            result.audits.recommendations[position] = recommendation
        }

    }

    /// Section 11: every returned assessment's actions in the one tracker.
    private func chainSection11(_ result: inout Generated, place: (Recommendation) -> WorkStream.ID?) {
        let names = result.partnership.agencies.keyed(by: \.id, value: \.name)
        let sets = (shape?.standardSets ?? [StandardSet.section11Classic, .schoolsSection175]).keyed(by: \.id)
        let cycles = result.section11.cycles.keyed(by: \.id)
        for position in result.section11.assessments.indices
        where result.section11.assessments[position].status.isReturned {
            var assessment = result.section11.assessments[position]
            guard let set = sets[assessment.standardSet], let cycle = cycles[assessment.cycle] else { continue }
            let tracked = assessment.trackActions(
                set: set,
                agencyName: names[assessment.agency] ?? assessment.agency.rawValue,
                cycleName: cycle.name,
                day: cycle.returnDeadline
            )
            var stream: [Recommendation.ID: WorkStream.ID] = [:]
            for recommendation in tracked.recommendations {
                stream[recommendation.id] = place(recommendation)
                result.learning.recommendations.append(recommendation)
            }
            for var action in tracked.actions {
                action.workStream = stream[action.recommendation]
                if action.status.isComplete {
                    action.status = .completedAndEvidenced
                    action.completionEvidence = [EvidenceReference(.document, title: "Evidence of completion")]
                }
                result.learning.actions.append(action)
            }
            result.section11.assessments[position] = assessment
        }
    }

    /// A scrutiny session's recommendation and a data signal's, each followed through to impact and closed.
    private func plantScrutinyAndSignalChains(
        _ result: inout Generated,
        prefix: String,
        place: (Recommendation) -> WorkStream.ID?,
        lead: Principal.ID
    ) {
        // A scrutiny session's recommendation, followed through to impact and closed.
        if let session = result.partnership.scrutinySessions.filter({ $0.heldOn < referenceDay.adding(months: -8) })
            .last
        {
            plant(
                &result,
                id: Recommendation.ID(unchecked: "\(session.id)-rec-1"),
                source: .init(.scrutiny, record: session.reference, title: "Scrutiny session of \(session.heldOn)"),
                text: "Show the group's impact on children and families with a measure it reports on.",
                theme: .governance,
                raisedOn: session.heldOn,
                impact: .init(
                    kind: .other,
                    summary: "The next scrutiny session found the group reporting its outcome measure each quarter.",
                    reference: session.reference
                ),
                place: place,
                lead: lead
            )
        }

        // A data signal's recommendation: the conference timeliness that improved and held.
        if let series = result.partnership.series.first(where: {
            $0.measure == "icpc-within-15wd-of-strategy" && $0.scope == .partnership
        }) {
            let reference = RecordReference(type: .observationSeries, id: series.changeLogID)
            plant(
                &result,
                id: Recommendation.ID(unchecked: "\(prefix)signal-icpc-rec-1"),
                source: .init(.measure, record: reference, title: "Signal: initial conferences within 15 working days"),
                text: "Hold the improvement in conference timeliness: keep the strategy-to-conference booking slot.",
                theme: .assessmentAndPlanning,
                raisedOn: referenceDay.adding(months: -14),
                impact: .init(
                    kind: .sustainedImprovement,
                    summary: "Special-cause improvement in conference timeliness has held for six months.",
                    reference: reference
                ),
                place: place,
                lead: lead
            )
        }

    }

    /// One recommendation from a source, in its theme's work stream, with a completed action and
    /// evidence of impact, closed.
    private func plant(
        _ result: inout Generated,
        id: Recommendation.ID,
        source: Recommendation.Source,
        text: String,
        theme: Theme,
        raisedOn: Day,
        impact evidence: ImpactRecord.Evidence,
        place: (Recommendation) -> WorkStream.ID?,
        lead: Principal.ID
    ) {
        var recommendation = Recommendation(
            id: id,
            source: source,
            text: text,
            ownerAgency: result.partnership.agencies.first?.id,
            themes: [theme],
            raisedOn: raisedOn,
            dueOn: raisedOn.adding(months: 4)
        )
        let action = completedAction(for: recommendation, in: place(recommendation))
        let judged = raisedOn.adding(months: 7)
        result.learning.actions.append(action)
        result.learning.impact.append(
            ImpactRecord(
                id: ImpactRecord.ID(unchecked: "\(id)-impact"),
                recommendation: id,
                judgement: .embedded,
                evidence: [evidence],
                recordedOn: judged,
                recordedBy: lead,
                source: evidence.reference
            )
        )
        recommendation.status = .closed
        recommendation.closedOn = judged
        recommendation.closingNote = "Impact embedded: \(evidence.summary)"
        result.learning.recommendations.append(recommendation)
    }

    private func completedAction(for recommendation: Recommendation, in stream: WorkStream.ID?) -> TrackedAction {
        var action = TrackedAction(
            id: TrackedAction.ID(unchecked: "\(recommendation.id)-act-1"),
            recommendation: recommendation.id,
            workStream: stream,
            text: "Agree and deliver the change the recommendation asks for",
            ownerAgency: recommendation.ownerAgency,
            lead: "Partnership business manager",
            startOn: recommendation.raisedOn,
            dueOn: recommendation.raisedOn.adding(months: 4)
        )
        action.status = .completedAndEvidenced
        action.completedOn = action.dueOn.adding(days: -10)
        action.completionEvidence = [EvidenceReference(.document, title: "Completion report")]
        return action
    }

    /// An agency that rated a Section 11 criterion below green, acted, and rates it green in the next
    /// cycle: the re-rating is the impact its recommendation closes on.
    private func plantSection11Chain(
        _ result: inout Generated,
        streams: inout [Versioned<WorkStream>],
        ids: IDGenerator,
        lead: Principal.ID
    ) {
        let cycles = result.section11.cycles.filter { $0.duty == .section11 }
        guard let latest = cycles.last, let previousID = latest.previous else { return }
        let green = (shape?.set(for: .section11)?.scale ?? .rag).generated(.green)
        let earlier = result.section11.assessments.indices.filter {
            result.section11.assessments[$0].cycle == previousID && result.section11.assessments[$0].status.isReturned
        }
        // The agency with the fewest criteria below green re-rates them all green: every
        // recommendation of its return closes on the re-rating.
        let candidates = earlier.compactMap { position -> (Int, Int, [CriterionResponse])? in
            let before = result.section11.assessments[position]
            let below = before.responses.filter { $0.selfRating != green && $0.actions?.isEmpty == false }
            guard !below.isEmpty,
                let now = result.section11.assessments.indices.first(where: {
                    result.section11.assessments[$0].cycle == latest.id
                        && result.section11.assessments[$0].agency == before.agency
                        && result.section11.assessments[$0].status.isReturned
                })
            else { return nil }
            return (position, now, below)
        }
        guard let (position, now, below) = candidates.min(by: { $0.2.count < $1.2.count }) else { return }
        let before = result.section11.assessments[position]
        let judged = latest.returnDeadline
        for response in below {
            guard
                let answer = result.section11.assessments[now].responses.firstIndex(where: {
                    $0.criterion == response.criterion
                })
            else { continue }
            // The agency rates the criterion green now: the change it made has taken.
            result.section11.assessments[now].responses[answer].selfRating = green
            result.section11.assessments[now].responses[answer].moderatedRating = nil
            result.section11.assessments[now].responses[answer].actions = nil
            let recommendationID = before.trackingRecommendationID(for: response.criterion)
            guard let held = result.learning.recommendations.firstIndex(where: { $0.id == recommendationID }) else {
                continue
            }
            let after = result.section11.assessments[now]
            result.learning.impact.append(
                ImpactRecord(
                    id: ImpactRecord.ID(unchecked: "\(recommendationID)-impact"),
                    recommendation: recommendationID,
                    judgement: .embedded,
                    evidence: [
                        .init(
                            kind: .reRating,
                            summary: "Re-rated green on criterion \(response.criterion) in \(latest.name).",
                            reference: after.reference
                        )
                    ],
                    recordedOn: judged,
                    recordedBy: lead,
                    source: after.reference
                )
            )
            result.learning.recommendations[held].status = .closed
            result.learning.recommendations[held].closedOn = judged
            result.learning.recommendations[held].closingNote = "Impact embedded: re-rated green in \(latest.name)."
        }
    }

    /// The oldest reported review's recommendations all closed on evidence of impact.
    private func closeAReview(_ result: inout Generated, lead: Principal.ID) {
        guard
            let review = result.learning.reviews.first(where: { review in
                result.learning.recommendations.contains { $0.source.record == review.reference }
            })
        else { return }
        for position in result.learning.recommendations.indices
        where result.learning.recommendations[position].source.record == review.reference {
            let recommendation = result.learning.recommendations[position]
            let judged = (recommendation.dueOn ?? recommendation.raisedOn).adding(months: 2)
            guard judged < referenceDay else { continue }
            if !result.learning.impact.contains(where: {
                $0.recommendation == recommendation.id && $0.judgement == .embedded
            }) {
                // A change judged in progress earlier keeps its record: the embedded one follows it.
                let earlier = result.learning.impact.contains { $0.recommendation == recommendation.id }
                result.learning.impact.append(
                    ImpactRecord(
                        id: ImpactRecord.ID(unchecked: "\(recommendation.id)-impact\(earlier ? "-embedded" : "")"),
                        recommendation: recommendation.id,
                        judgement: .embedded,
                        evidence: [.init(kind: .reAudit, summary: "A re-audit found the change in most cases.")],
                        recordedOn: judged,
                        recordedBy: lead
                    )
                )
            }
            if recommendation.status != .closed {
                result.learning.recommendations[position].status = .closed
                result.learning.recommendations[position].closedOn = judged
                result.learning.recommendations[position].closingNote = "Impact embedded: a re-audit found the change."
            }
        }
    }

    /// The partnership's priorities for the latest complete year, named by the groups and the work
    /// streams that serve them.
    private func linkPriorities(_ result: inout Generated, index: Int) {
        let prefix = prefix(index)
        let year = ReportingPeriod.containing(referenceDay, kind: .year).advanced(by: -1)
        let priorities = [
            Priority(
                id: Priority.ID(unchecked: "\(prefix)priority-neglect"),
                title: "Neglect: help that comes sooner",
                year: year,
                outcome: "Children living with neglect are helped before it becomes harm.",
                measures: ["mash-contact-conversion", "re-referrals-12m"],
                themes: [.neglect, .earlyHelp]
            ),
            Priority(
                id: Priority.ID(unchecked: "\(prefix)priority-voice"),
                title: "The voice of the child in every plan",
                year: year,
                outcome: "Children's plans say what they told us and what changed because of it.",
                measures: ["children-feel-safer"],
                themes: [.voiceOfTheChild]
            ),
            Priority(
                id: Priority.ID(unchecked: "\(prefix)priority-exploitation"),
                title: "Adolescents safe from exploitation",
                year: year,
                outcome: "Young people at risk of exploitation are known, safer and heard.",
                measures: [],
                themes: [.exploitation, .missingChildren]
            ),
        ]
        // A partnership's own priorities, where its profile gives them, are kept as it wrote them;
        // otherwise the generated ones name only measures its catalogue has.
        if let shape, !shape.priorities.isEmpty {
            result.partnership.priorities = shape.priorities
        } else if let shape {
            let measures = Set(shape.catalogue.definitions.map(\.id))
            result.partnership.priorities = priorities.map { priority in
                var kept = priority
                kept.measures = priority.measures.filter(measures.contains)
                return kept
            }
        } else {
            result.partnership.priorities = priorities
        }
        for position in result.learning.streams.indices {
            let theme = result.learning.streams[position].theme
            let served = result.partnership.priorities.filter { $0.themes.contains(theme) }.map(\.id)
            if !served.isEmpty { result.learning.streams[position].priorities = served }
        }
        for position in result.audits.audits.indices {
            let themes = Set(result.audits.audits[position].themes)
            let served = result.partnership.priorities.filter { !themes.isDisjoint(with: $0.themes) }.map(\.id)
            if !served.isEmpty { result.audits.audits[position].priorities = served }
        }
        for position in result.partnership.groups.indices where shape == nil {
            switch result.partnership.groups[position].id.rawValue.dropFirst(prefix.count) {
            case "qadg": result.partnership.groups[position].priorities = [priorities[0].id, priorities[1].id]
            case "pdg": result.partnership.groups[position].priorities = priorities.map(\.id)
            default: break
            }
        }
    }
}
