package import Domain
package import Section11

/// A partnership's generated Section 11 and s175 history.
package struct GeneratedSection11: Sendable {
    /// The cycles, oldest first.
    package var cycles: [AssessmentCycle]
    /// Every cycle's assessments.
    package var assessments: [SelfAssessment]
    /// The statutory partners' workforce judgements, one a year.
    package var workforce: [WorkforceJudgement] = []
    /// Senior managers' walkabouts at the statutory partners.
    package var walkabouts: [Walkabout] = []

    /// The records as one batch of new records.
    package func batch() throws -> RecordBatch {
        var batch = RecordBatch()
        for cycle in cycles { try batch.save(cycle, version: 0) }
        for assessment in assessments { try batch.save(assessment, version: 0) }
        for judgement in workforce { try batch.save(judgement, version: 0) }
        for walkabout in walkabouts { try batch.save(walkabout, version: 0) }
        return batch
    }
}

extension PartnershipGenerator {
    /// Section 11 cycles (the classic set, for agencies other than schools) and s175 cycles (schools),
    /// one a year ending before the reference day; past cycles are accepted, the latest partly returned.
    package func section11(for partnership: GeneratedPartnership, index: Int) -> GeneratedSection11 {
        var random = SeededRandom(seed: seed, stream: "section11-\(index)")
        let prefix = prefix(index)
        let lead = Principal.ID(unchecked: "\(prefix)qa-lead")
        var cycles: [AssessmentCycle] = []
        var assessments: [SelfAssessment] = []
        let schools = partnership.agencies.filter { $0.sector == .education }.map(\.id)
        let others = partnership.agencies.filter { $0.sector != .education }.map(\.id)
        let sectors = partnership.agencies.keyed(by: \.id, value: \.sector)
        // Each agency has a steady quality; standard 5 (training) is weak across the system.
        var quality: [Agency.ID: Double] = [:]
        for agency in partnership.agencies { quality[agency.id] = random.normal(mean: 0.78, deviation: 0.1) }
        for (duty, set, invited) in duties(others: others, schools: schools) {
            guard !invited.isEmpty else { continue }
            var previous: AssessmentCycle.ID?
            for number in 0..<scale.section11Cycles {
                let yearsBack = scale.section11Cycles - number
                let issued = referenceDay.adding(months: -12 * yearsBack + 2)
                let latest = number == scale.section11Cycles - 1
                let cycleID = AssessmentCycle.ID(
                    unchecked: "\(prefix)\(duty == .section11 ? "s11" : "s175")-\(issued.year)"
                )
                var cycle = AssessmentCycle(
                    id: cycleID,
                    name: "\(duty == .section11 ? "Section 11" : "Schools s175") \(issued.year)",
                    duty: duty,
                    standardSet: set.id,
                    cadence: .yearly,
                    issuedOn: issued,
                    returnDeadline: issued.adding(months: 2),
                    challengeFrom: issued.adding(months: 2).adding(days: 1),
                    challengeUntil: issued.adding(months: 3),
                    invited: invited,
                    previous: previous
                )
                if !latest { cycle.status = .closed }
                cycles.append(cycle)
                for (position, agency) in invited.enumerated() {
                    let sector = sectors[agency] ?? .other
                    let base = quality[agency] ?? 0.78
                    let responses = responses(
                        set.standards(for: sector),
                        ratingScale: set.scale,
                        quality: base,
                        cycleNumber: number,
                        issued: issued,
                        latest: latest,
                        random: &random
                    )
                    var assessment = SelfAssessment(
                        id: SelfAssessment.ID(unchecked: "\(cycleID)-\(agency.rawValue.dropFirst(prefix.count))"),
                        cycle: cycleID,
                        agency: agency,
                        standardSet: set.id,
                        responses: responses,
                        invitedOn: issued,
                        invitedBy: lead
                    )
                    progress(
                        &assessment,
                        ratingScale: set.scale,
                        position: position,
                        issued: issued,
                        latest: latest,
                        lead: lead,
                        random: &random
                    )
                    assessments.append(assessment)
                }
                previous = cycleID
            }
        }
        var generated = GeneratedSection11(cycles: cycles, assessments: assessments)
        (generated.workforce, generated.walkabouts) = workforce(
            of: Array(partnership.agencies.prefix(3)),
            prefix: prefix
        )
        return generated
    }
}

extension PartnershipGenerator {
    /// The statutory partners' workforce judged for each of the last two years, and two walkabouts at each.
    ///
    /// Children's social care's recruitment is red in the latest year (social worker vacancies).
    /// Drawn from no random stream, so the rest of the partnership is as it was.
    func workforce(of partners: [Agency], prefix: String) -> ([WorkforceJudgement], [Walkabout]) {
        let latest = ReportingPeriod.containing(referenceDay, kind: .year, basis: .financial).previous
        var judgements: [WorkforceJudgement] = []
        var walkabouts: [Walkabout] = []
        for (number, agency) in partners.enumerated() {
            for year in [latest.previous, latest] {
                let strained = agency.sector == .localAuthorityChildrensServices && year == latest
                judgements.append(
                    WorkforceJudgement(
                        id: WorkforceJudgement.ID(unchecked: "\(prefix)workforce-\(agency.id.rawValue)-\(year)"),
                        agency: agency.id,
                        period: year,
                        recruitmentAndRetention: strained ? .red : .green,
                        agencyStaff: strained ? .amber : .green,
                        training: .green,
                        supervision: number == 2 ? .amber : .green,
                        narrative: strained
                            ? "Social worker vacancies rose to 18%; agency staff cover the gaps."
                            : "The workforce is stable, trained and supervised."
                    )
                )
            }
            for (visit, daysBack) in [150, 60].enumerated() {
                walkabouts.append(
                    Walkabout(
                        id: Walkabout.ID(unchecked: "\(prefix)walkabout-\(agency.id.rawValue)-\(visit + 1)"),
                        agency: agency.id,
                        day: referenceDay.adding(days: -daysBack),
                        visitors: [Principal.ID(unchecked: "\(prefix)qa-lead")],
                        seen: visit == 0 ? "The front door team" : "A team around the family meeting",
                        practitionersSpokenTo: 5 + number + visit,
                        familiesSpokenTo: visit,
                        findings: [
                            "Practitioners knew how to escalate a disagreement.",
                            visit == 0
                                ? "Supervision notes recorded decisions for each child."
                                : "Families said they knew who their worker was.",
                        ]
                    )
                )
            }
        }
        return (judgements, walkabouts)
    }

    /// Each duty's set and the agencies it invites: the shape's sets, or the starter's two.
    func duties(others: [Agency.ID], schools: [Agency.ID]) -> [(AssessmentDuty, StandardSet, [Agency.ID])] {
        guard let shape else {
            return [(.section11, .section11Classic, others), (.section175, .schoolsSection175, schools)]
        }
        return [
            shape.set(for: .section11).map { (AssessmentDuty.section11, $0, others) },
            shape.set(for: .section175).map { (AssessmentDuty.section175, $0, schools) },
        ].compactMap { $0 }
    }

    /// An agency's responses to the criteria it answers: its steady quality, standard 5 weak across
    /// the system, each cycle a little better; actions against every gap.
    func responses(
        _ standards: [Standard],
        ratingScale: RatingScale,
        quality base: Double,
        cycleNumber number: Int,
        issued: Day,
        latest: Bool,
        random: inout SeededRandom
    ) -> [CriterionResponse] {
        var responses: [CriterionResponse] = []
        for criterion in Self.spread(standards, count: scale.criteriaPerAssessment) {
            let weak = criterion.code.rawValue.hasPrefix("5.") ? 0.25 : 0
            let roll = random.unit() + weak - (base - 0.78) - Double(number) * 0.03
            let rag: RAG = roll > 0.93 ? .red : (roll > 0.72 ? .amber : .green)
            let rating = ratingScale.generated(rag)
            var response = CriterionResponse(criterion: criterion.code, selfRating: rating)
            if ratingScale.level(rating)?.rag != .green {
                let due = issued.adding(months: 6 + random.integer(in: 0...6))
                response.actions = [
                    AssessmentAction(
                        id: "a1",
                        // The action is the criterion met: its own wording says what will be done.
                        text: criterion.text,
                        owner: "Safeguarding lead",
                        dueOn: due,
                        completedOn: latest && random.chance(0.6)
                            ? nil : due.adding(days: -random.integer(in: 0...40))
                    )
                ]
                response.areasForImprovement = "Not yet in place across the agency: \(criterion.text)"
            }
            if random.chance(0.15) {
                response.narrative = "Evidence held by the agency's safeguarding lead."
            }
            responses.append(response)
        }
        return responses
    }

    /// How far an assessment has come: in progress, returned, submitted, or moderated and accepted.
    func progress(
        _ assessment: inout SelfAssessment,
        ratingScale: RatingScale,
        position: Int,
        issued: Day,
        latest: Bool,
        lead: Principal.ID,
        random: inout SeededRandom
    ) {
        let submitted = issued.adding(days: 20 + random.integer(in: 0...35))
        let roll = random.unit()
        if latest && roll < 0.08 {
            assessment.status = .inProgress
            assessment.steps.append(.init(status: .inProgress, on: issued.adding(days: 10), by: lead))
        } else {
            assessment.steps.append(.init(status: .submitted, on: submitted, by: lead))
            if latest && roll < 0.12 {
                assessment.steps.append(
                    .init(
                        status: .returned,
                        on: submitted.adding(days: 10),
                        by: lead,
                        reason: "Evidence missing."
                    )
                )
                assessment.status = .returned
            } else if latest && roll < 0.5 {
                assessment.status = .submitted
            } else {
                // Moderation lowers an optimistic rating now and then.
                if position % 9 == 0,
                    let index = assessment.responses.firstIndex(where: {
                        $0.selfRating == ratingScale.generated(.green)
                    })
                {
                    assessment.responses[index].moderatedRating = ratingScale.generated(.amber)
                }
                assessment.steps.append(
                    .init(status: .underChallenge, on: submitted.adding(days: 14), by: lead)
                )
                assessment.steps.append(.init(status: .moderated, on: submitted.adding(days: 21), by: lead))
                assessment.steps.append(.init(status: .accepted, on: submitted.adding(days: 28), by: lead))
                assessment.status = .accepted
            }
        }
    }
}

extension PartnershipGenerator {
    /// Up to `count` criteria taken across the standards in turn (the first of each, then the second
    /// of each, …), in the set's order: every standard the cycle lists is answered when `count` is at
    /// least the number of standards.
    static func spread(_ standards: [Standard], count: Int) -> [Criterion] {
        var chosen = Set<CriterionCode>()
        var depth = 0
        let deepest = standards.map(\.criteria.count).max() ?? 0
        while chosen.count < count, depth < deepest {
            for standard in standards where depth < standard.criteria.count && chosen.count < count {
                chosen.insert(standard.criteria[depth].code)
            }
            depth += 1
        }
        return standards.flatMap(\.criteria).filter { chosen.contains($0.code) }
    }
}
