import Domain

/// The counts behind a cycle's criterion distributions and standard summaries, and the ratings
/// moderation lowered.
///
/// A cycle's returned assessments hold tens of responses each; counting them into dictionaries keyed
/// by criterion, sector and rating hashed a dozen strings a response. Here each criterion, level,
/// standard and sector has a position, found once, and the counts are flat arrays indexed by those
/// positions; the dictionaries the analysis publishes are built from them once at the end, with
/// exactly the entries counting into dictionaries made (a key only where something was counted).
struct RatingTally {
    let criteria: [Section11Analysis.CriterionDistribution]
    let standards: [Section11Analysis.StandardSummary]
    let lowered: [Section11Analysis.Lowered]

    init(set: StandardSet, returned: [SelfAssessment], agencies: [Agency.ID: Agency]) {
        let positions = SetPositions(set)
        let levels = positions.levels
        let levelCount = levels.count
        let rags = RAG.allCases
        let ragCount = rags.count
        let levelRag = levels.map { level in rags.firstIndex(of: level.rag) ?? 0 }
        let levelBelowGreen = levels.map { $0.rag != .green }
        let criterionStandard = positions.criterionStandard
        let criterionCount = positions.criteria.count
        let standardCount = positions.standards.count

        var counts = [Int](repeating: 0, count: criterionCount * levelCount)
        var belowGreen = [Int](repeating: 0, count: criterionCount)
        var moderatedDown = [Int](repeating: 0, count: criterionCount)
        var standardCounts = [Int](repeating: 0, count: standardCount * ragCount)
        var sectors: [AgencySector] = []
        var sectorPosition: [AgencySector: Int] = [:]
        var sectorCounts: [[Int]] = []
        var sectorStandardCounts: [[Int]] = []
        var lowered: [Section11Analysis.Lowered] = []
        for assessment in returned {
            let sector = agencies[assessment.agency]?.sector ?? .other
            let sectorAt: Int
            if let known = sectorPosition[sector] {
                sectorAt = known
            } else {
                sectorAt = sectors.count
                sectorPosition[sector] = sectorAt
                sectors.append(sector)
                sectorCounts.append([Int](repeating: 0, count: criterionCount * levelCount))
                sectorStandardCounts.append([Int](repeating: 0, count: standardCount * ragCount))
            }
            var previous = -1
            for response in assessment.responses {
                guard let rating = response.standingRating, let level = positions.level(rating) else { continue }
                let criterion = positions.criterion(response.criterion, after: previous)
                if let criterion {
                    previous = criterion
                    counts[criterion * levelCount + level] += 1
                    sectorCounts[sectorAt][criterion * levelCount + level] += 1
                    if levelBelowGreen[level] { belowGreen[criterion] += 1 }
                    let standard = criterionStandard[criterion]
                    standardCounts[standard * ragCount + levelRag[level]] += 1
                    sectorStandardCounts[sectorAt][standard * ragCount + levelRag[level]] += 1
                }
                if let moderated = response.moderatedRating, let own = response.selfRating,
                    let moderatedLevel = positions.level(moderated), let ownLevel = positions.level(own),
                    levels[moderatedLevel].rank < levels[ownLevel].rank
                {
                    if let criterion { moderatedDown[criterion] += 1 }
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

        func ratings(_ table: [Int], _ criterion: Int) -> [RatingCode: Int] {
            var result: [RatingCode: Int] = [:]
            for level in 0..<levelCount where table[criterion * levelCount + level] > 0 {
                result[levels[level].code] = table[criterion * levelCount + level]
            }
            return result
        }
        func colours(_ table: [Int], _ standard: Int) -> [RAG: Int] {
            var result: [RAG: Int] = [:]
            for rag in 0..<ragCount where table[standard * ragCount + rag] > 0 {
                result[rags[rag]] = table[standard * ragCount + rag]
            }
            return result
        }
        func bySector<Value>(_ read: (Int) -> [Value: Int]) -> [AgencySector: [Value: Int]] {
            var result: [AgencySector: [Value: Int]] = [:]
            for (position, sector) in sectors.enumerated() {
                let values = read(position)
                if !values.isEmpty { result[sector] = values }
            }
            return result
        }
        criteria = set.standards.flatMap { standard in
            standard.criteria.map { criterion in
                let position = positions.criterion(criterion.code, after: -1) ?? 0
                let overall = ratings(counts, position)
                return Section11Analysis.CriterionDistribution(
                    criterion: criterion.code,
                    text: criterion.text,
                    standard: standard.code,
                    counts: overall,
                    bySector: bySector { ratings(sectorCounts[$0], position) },
                    rated: overall.values.reduce(0, +),
                    belowGreen: belowGreen[position],
                    moderatedDown: moderatedDown[position]
                )
            }
        }
        standards = set.standards.map { standard in
            let position = positions.standard(standard.code) ?? 0
            return Section11Analysis.StandardSummary(
                standard: standard.code,
                title: standard.title,
                counts: colours(standardCounts, position),
                bySector: bySector { colours(sectorStandardCounts[$0], position) }
            )
        }
        self.lowered = lowered
    }
}
