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
        var counter = Counter(SetPositions(set))
        for assessment in returned { counter.count(assessment, sector: agencies[assessment.agency]?.sector ?? .other) }
        criteria = counter.criteria(of: set)
        standards = counter.standards(of: set)
        lowered = counter.lowered
    }

    /// The flat counts, by position, and the ratings moderation lowered.
    private struct Counter {
        let positions: SetPositions
        let levels: [RatingLevel]
        let levelCount: Int
        let rags = RAG.allCases
        let ragCount = RAG.allCases.count
        let levelRag: [Int]
        let levelBelowGreen: [Bool]
        let criterionCount: Int
        let standardCount: Int
        var counts: [Int]
        var belowGreen: [Int]
        var moderatedDown: [Int]
        var standardCounts: [Int]
        var sectors: [AgencySector] = []
        var sectorPosition: [AgencySector: Int] = [:]
        var sectorCounts: [[Int]] = []
        var sectorStandardCounts: [[Int]] = []
        var lowered: [Section11Analysis.Lowered] = []

        init(_ positions: SetPositions) {
            self.positions = positions
            levels = positions.levels
            levelCount = levels.count
            levelRag = levels.map { level in RAG.allCases.firstIndex(of: level.rag) ?? 0 }
            levelBelowGreen = levels.map { $0.rag != .green }
            criterionCount = positions.criteria.count
            standardCount = positions.standards.count
            counts = [Int](repeating: 0, count: criterionCount * levelCount)
            belowGreen = [Int](repeating: 0, count: criterionCount)
            moderatedDown = [Int](repeating: 0, count: criterionCount)
            standardCounts = [Int](repeating: 0, count: standardCount * ragCount)
        }

        mutating func position(of sector: AgencySector) -> Int {
            if let known = sectorPosition[sector] { return known }
            sectorPosition[sector] = sectors.count
            sectors.append(sector)
            sectorCounts.append([Int](repeating: 0, count: criterionCount * levelCount))
            sectorStandardCounts.append([Int](repeating: 0, count: standardCount * ragCount))
            return sectors.count - 1
        }

        mutating func count(_ assessment: SelfAssessment, sector: AgencySector) {
            let sectorAt = position(of: sector)
            var previous = -1
            for response in assessment.responses {
                guard let rating = response.standingRating, let level = positions.level(rating) else { continue }
                let criterion = positions.criterion(response.criterion, after: previous)
                if let criterion {
                    previous = criterion
                    counts[criterion * levelCount + level] += 1
                    sectorCounts[sectorAt][criterion * levelCount + level] += 1
                    if levelBelowGreen[level] { belowGreen[criterion] += 1 }
                    let standard = positions.criterionStandard[criterion]
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

        func criteria(of set: StandardSet) -> [Section11Analysis.CriterionDistribution] {
            set.standards.flatMap { standard in
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
        }

        func standards(of set: StandardSet) -> [Section11Analysis.StandardSummary] {
            set.standards.map { standard in
                let position = positions.standard(standard.code) ?? 0
                return Section11Analysis.StandardSummary(
                    standard: standard.code,
                    title: standard.title,
                    counts: colours(standardCounts, position),
                    bySector: bySector { colours(sectorStandardCounts[$0], position) }
                )
            }
        }
    }
}
