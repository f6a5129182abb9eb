import AssuranceTesting
import Domain
import Testing

@testable import Section11

/// The analysis counts ratings into flat arrays by position; it must publish exactly what counting
/// into dictionaries keyed by criterion, sector and rating gives (the way it counted before), on
/// random cycles that include criteria outside the set, codes outside the scale, drafts and
/// agencies with no known sector.
struct RatingTallyTests {
    struct Counted: Equatable {
        var criteria: [Section11Analysis.CriterionDistribution]
        var standards: [Section11Analysis.StandardSummary]
        var lowered: [Section11Analysis.Lowered]
    }

    /// Counting into dictionaries, response by response: the reference the tally is held to.
    func countedIntoDictionaries(
        set: StandardSet,
        assessments: [SelfAssessment],
        agencies: [Agency.ID: Agency]
    ) -> Counted {
        var levels: [RatingCode: RatingLevel] = [:]
        for level in set.scale.levels where levels[level.code] == nil { levels[level.code] = level }
        var criterionStandard: [CriterionCode: StandardCode] = [:]
        for standard in set.standards {
            for criterion in standard.criteria where criterionStandard[criterion.code] == nil {
                criterionStandard[criterion.code] = standard.code
            }
        }
        var counts: [CriterionCode: [RatingCode: Int]] = [:]
        var sectorCounts: [CriterionCode: [AgencySector: [RatingCode: Int]]] = [:]
        var belowGreen: [CriterionCode: Int] = [:]
        var moderatedDown: [CriterionCode: Int] = [:]
        var standardCounts: [StandardCode: [RAG: Int]] = [:]
        var standardSectors: [StandardCode: [AgencySector: [RAG: Int]]] = [:]
        var lowered: [Section11Analysis.Lowered] = []
        for assessment in assessments where assessment.status.isReturned {
            let sector = agencies[assessment.agency]?.sector ?? .other
            for response in assessment.responses {
                guard let rating = response.standingRating, let level = levels[rating] else { continue }
                counts[response.criterion, default: [:]][rating, default: 0] += 1
                sectorCounts[response.criterion, default: [:]][sector, default: [:]][rating, default: 0] += 1
                if level.rag != .green { belowGreen[response.criterion, default: 0] += 1 }
                if let standard = criterionStandard[response.criterion] {
                    standardCounts[standard, default: [:]][level.rag, default: 0] += 1
                    standardSectors[standard, default: [:]][sector, default: [:]][level.rag, default: 0] += 1
                }
                if let moderated = response.moderatedRating, let own = response.selfRating,
                    let moderatedLevel = levels[moderated], let ownLevel = levels[own],
                    moderatedLevel.rank < ownLevel.rank
                {
                    moderatedDown[response.criterion, default: 0] += 1
                    lowered.append(
                        .init(
                            agency: assessment.agency,
                            criterion: response.criterion,
                            selfRating: own,
                            moderatedRating: moderated
                        )
                    )
                }
            }
        }
        var criteria: [Section11Analysis.CriterionDistribution] = []
        for standard in set.standards {
            for criterion in standard.criteria {
                let ratings = counts[criterion.code] ?? [:]
                criteria.append(
                    Section11Analysis.CriterionDistribution(
                        criterion: criterion.code,
                        text: criterion.text,
                        standard: standard.code,
                        counts: ratings,
                        bySector: sectorCounts[criterion.code] ?? [:],
                        rated: ratings.values.reduce(0, +),
                        belowGreen: belowGreen[criterion.code] ?? 0,
                        moderatedDown: moderatedDown[criterion.code] ?? 0
                    )
                )
            }
        }
        let standards = set.standards.map { standard in
            Section11Analysis.StandardSummary(
                standard: standard.code,
                title: standard.title,
                counts: standardCounts[standard.code] ?? [:],
                bySector: standardSectors[standard.code] ?? [:]
            )
        }
        let order: (Section11Analysis.Lowered, Section11Analysis.Lowered) -> Bool = {
            ($0.agency, $0.criterion) < ($1.agency, $1.criterion)
        }
        return Counted(criteria: criteria, standards: standards, lowered: lowered.sorted(by: order))
    }

    func randomCycle(_ random: inout RepeatableRandom, set: StandardSet) -> ([SelfAssessment], [Agency.ID: Agency]) {
        let criteria: [CriterionCode] = set.standards.flatMap { $0.criteria.map(\.code) } + ["not-in-the-set", "9.9"]
        let codes: [RatingCode] = set.scale.levels.map(\.code) + ["not-on-the-scale"]
        let sectors = Array(AgencySector.knownSectors.prefix(5))
        let statuses = SelfAssessment.Status.allCases
        var agencies: [Agency.ID: Agency] = [:]
        let assessments = (0..<(1 + random.below(40))).map { number -> SelfAssessment in
            let agency = Agency.ID(rawValue: "agency-\(random.below(30))")!
            // Some agencies are unknown to the partnership: their sector counts as other.
            if !random.chance(6) {
                agencies[agency] = Agency(id: agency, name: "Agency", sector: sectors[random.below(sectors.count)])
            }
            var assessment = SelfAssessment(
                id: SelfAssessment.ID(rawValue: "a-\(number)")!,
                cycle: "c",
                agency: agency,
                standardSet: set.id,
                responses: (0..<random.below(criteria.count + 3)).map { _ in
                    var response = CriterionResponse(
                        criterion: criteria[random.below(criteria.count)],
                        selfRating: random.chance(8) ? nil : codes[random.below(codes.count)]
                    )
                    if random.chance(3) { response.moderatedRating = codes[random.below(codes.count)] }
                    return response
                },
                invitedOn: .fixture("2025-04-01"),
                invitedBy: "qa"
            )
            assessment.status = statuses[random.below(statuses.count)]
            return assessment
        }
        return (assessments, agencies)
    }

    /// Each standard's worst standing rating, looked up by code in dictionaries: the reference for
    /// the agency contribution's ratings.
    func worstByDictionaries(set: StandardSet, _ assessment: SelfAssessment) -> [StandardCode: RAG] {
        var levels: [RatingCode: RAG] = [:]
        for level in set.scale.levels where levels[level.code] == nil { levels[level.code] = level.rag }
        let standards = set.standardCodesByCriterion
        var ratings: [StandardCode: RAG] = [:]
        for response in assessment.responses {
            guard let rating = response.standingRating.flatMap({ levels[$0] }),
                let standard = standards[response.criterion]
            else { continue }
            ratings[standard] = min(ratings[standard] ?? .green, rating)
        }
        return ratings
    }

    @Test(arguments: [StandardSet.section11Classic, .schoolsSection175])
    func contributionRatingsAreWhatDictionariesGive(set: StandardSet) {
        var random = RepeatableRandom(seed: 0xC0DE)
        let year = ReportingPeriod.containing(.fixture("2025-07-01"), kind: .year, basis: .financial)
        for _ in 0..<300 {
            let (assessments, _) = randomCycle(&random, set: set)
            let profiles = AgencyContribution.profiles(
                set: set,
                assessments: assessments,
                series: [],
                meetings: [],
                period: year
            )
            let returned = assessments.filter { $0.status.isReturned }.sorted { $0.agency < $1.agency }
            #expect(profiles.map(\.agency) == returned.map(\.agency))
            #expect(profiles.map(\.ratings) == returned.map { worstByDictionaries(set: set, $0) })
        }
    }

    @Test(arguments: [StandardSet.section11Classic, .schoolsSection175])
    func theTallyPublishesWhatCountingIntoDictionariesGives(set: StandardSet) {
        var random = RepeatableRandom(seed: 0x5E11)
        for _ in 0..<300 {
            let (assessments, agencies) = randomCycle(&random, set: set)
            let analysis = Section11Analysis(
                set: set,
                assessments: assessments,
                agencies: agencies,
                on: .fixture("2025-07-01")
            )
            let expected = countedIntoDictionaries(set: set, assessments: assessments, agencies: agencies)
            #expect(analysis.criteria == expected.criteria)
            #expect(analysis.standards == expected.standards)
            #expect(analysis.lowered == expected.lowered)
        }
    }
}
