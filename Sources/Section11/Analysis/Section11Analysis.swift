public import Domain

/// The analysis of a cycle's assessments: pure functions over the returned assessments.
///
/// Ratings are the standing ratings (the moderated rating where there is one). Only returned
/// assessments (submitted or later) count; drafts do not.
public struct Section11Analysis: Sendable {
    /// How a criterion was rated across agencies.
    public struct CriterionDistribution: Hashable, Sendable {
        /// The criterion's code.
        public var criterion: CriterionCode
        /// Its text.
        public var text: String
        /// The standard it belongs to.
        public var standard: StandardCode
        /// The number of agencies at each level (by level code).
        public var counts: [RatingCode: Int]
        /// The same by sector.
        public var bySector: [AgencySector: [RatingCode: Int]]
        /// The number of agencies that rated it.
        public var rated: Int
        /// The number that rated it red or amber.
        public var belowGreen: Int
        /// The number whose rating moderation lowered.
        public var moderatedDown: Int
    }

    /// A standard's ratings across agencies, as RAG.
    public struct StandardSummary: Hashable, Sendable {
        /// The standard's code.
        public var standard: StandardCode
        /// Its title.
        public var title: String
        /// Criterion ratings at each colour.
        public var counts: [RAG: Int]
        /// The same by sector.
        public var bySector: [AgencySector: [RAG: Int]]
    }

    /// A criterion rated below green by a large share of agencies: a theme or gap across the system.
    public struct Gap: Hashable, Sendable {
        /// The criterion's code.
        public var criterion: CriterionCode
        /// Its text.
        public var text: String
        /// The standard it belongs to.
        public var standard: StandardCode
        /// Agencies that rated it.
        public var rated: Int
        /// Agencies that rated it red or amber.
        public var belowGreen: Int
        /// Agencies that rated it red.
        public var red: Int

        /// The share rated below green.
        public var share: Double { rated == 0 ? 0 : Double(belowGreen) / Double(rated) }
    }

    /// A rating that moderation lowered.
    public struct Lowered: Hashable, Sendable {
        /// The agency.
        public var agency: Agency.ID
        /// The criterion.
        public var criterion: CriterionCode
        /// The agency's own rating.
        public var selfRating: RatingCode
        /// The moderated rating.
        public var moderatedRating: RatingCode
    }

    /// How an agency's ratings of a standard moved since the previous cycle.
    public struct Movement: Hashable, Sendable {
        /// The agency.
        public var agency: Agency.ID
        /// The standard.
        public var standard: StandardCode
        /// The mean position of its criteria on the scale before, from 0 (worst) to 1 (best).
        public var before: Double
        /// The same now.
        public var after: Double

        /// The change: positive is better.
        public var change: Double { after - before }
    }

    /// An open action of an agency.
    public struct OutstandingAction: Hashable, Sendable {
        /// The agency.
        public var agency: Agency.ID
        /// The criterion.
        public var criterion: CriterionCode
        /// The action.
        public var action: AssessmentAction
    }

    /// Who has returned the cycle's assessments.
    public struct Completion: Hashable, Sendable {
        /// Agencies invited.
        public var invited: Int
        /// Agencies that have returned theirs.
        public var returned: Int
        /// Agencies that have not.
        public var notReturned: [Agency.ID]
        /// Agencies that have not, past the deadline.
        public var late: [Agency.ID]
    }

    /// The standard set.
    public let set: StandardSet
    /// Every criterion's distribution, in set order.
    public let criteria: [CriterionDistribution]
    /// Every standard's summary, in set order.
    public let standards: [StandardSummary]
    /// Ratings moderation lowered.
    public let lowered: [Lowered]
    /// Movement since the previous cycle, by agency and standard.
    public let movement: [Movement]
    /// Open actions of the returned assessments (a draft's are not yet commitments), earliest due first.
    public let outstandingActions: [OutstandingAction]
    /// Completion.
    public let completion: Completion

    /// Analyses a cycle.
    ///
    /// - Parameters:
    ///   - set: The standard set of the cycle.
    ///   - assessments: The cycle's assessments.
    ///   - previous: The previous cycle's assessments, for movement.
    ///   - previousSet: The previous cycle's standard set, when it differs.
    ///   - agencies: The partnership's agencies, for sectors.
    ///   - deadline: The cycle's return deadline, for lateness.
    ///   - day: The day of the analysis.
    public init(
        set: StandardSet,
        assessments: [SelfAssessment],
        previous: [SelfAssessment] = [],
        previousSet: StandardSet? = nil,
        agencies: [Agency.ID: Agency],
        deadline: Day? = nil,
        on day: Day
    ) {
        self.set = set
        let returned = assessments.filter { $0.status.isReturned }
        let tally = RatingTally(set: set, returned: returned, agencies: agencies)
        criteria = tally.criteria
        standards = tally.standards
        let lowered = tally.lowered
        self.lowered = lowered.sorted { ($0.agency, $0.criterion) < ($1.agency, $1.criterion) }

        // Movement: the mean position of each standard's ratings on the scale, before and now.
        let top = Double(max(1, set.scale.levels.count - 1))
        func positions(
            _ assessment: SelfAssessment,
            _ set: StandardSet,
            _ standards: [CriterionCode: StandardCode]
        ) -> [StandardCode: Double] {
            let levels = set.scale.levels.keyed(by: \.code, value: \.rank)
            var sums: [StandardCode: (Double, Int)] = [:]
            for response in assessment.responses {
                guard let rating = response.standingRating, let rank = levels[rating],
                    let standard = standards[response.criterion]
                else { continue }
                let current = sums[standard] ?? (0, 0)
                sums[standard] = (current.0 + Double(rank) / top, current.1 + 1)
            }
            return sums.mapValues { $0.0 / Double($0.1) }
        }
        let standardsNow = set.standardCodesByCriterion
        let standardsBefore = previousSet?.standardCodesByCriterion ?? standardsNow
        let before = previous.filter { $0.status.isReturned }
            .keyed(by: \.agency) { positions($0, previousSet ?? set, standardsBefore) }
        var movement: [Movement] = []
        for assessment in returned.sorted(by: { $0.agency < $1.agency }) {
            guard let earlier = before[assessment.agency] else { continue }
            for (standard, after) in positions(assessment, set, standardsNow).sorted(by: { $0.key < $1.key }) {
                if let was = earlier[standard] {
                    movement.append(Movement(agency: assessment.agency, standard: standard, before: was, after: after))
                }
            }
        }
        self.movement = movement

        // Only a returned assessment's actions are the agency's commitments (and the findings' and the
        // tracker's); a draft's are its author's notes until the return is submitted.
        outstandingActions = assessments.filter(\.status.isReturned).flatMap { assessment in
            assessment.actions.filter { $0.action.completedOn == nil }.map {
                OutstandingAction(agency: assessment.agency, criterion: $0.criterion, action: $0.action)
            }
        }.sorted { ($0.action.dueOn, $0.agency, $0.criterion) < ($1.action.dueOn, $1.agency, $1.criterion) }

        let notReturned = assessments.filter { !$0.status.isReturned }.map(\.agency).sorted()
        completion = Completion(
            invited: assessments.count,
            returned: returned.count,
            notReturned: notReturned,
            late: deadline.map { deadline in day > deadline ? notReturned : [] } ?? []
        )
    }

    /// Criteria rated red or amber by at least a share of the agencies that rated them.
    public func gaps(share: Double) -> [Gap] {
        criteria.compactMap { distribution in
            guard distribution.rated > 0, Double(distribution.belowGreen) / Double(distribution.rated) >= share else {
                return nil
            }
            let red = set.scale.levels.filter { $0.rag == .red }.reduce(0) { $0 + (distribution.counts[$1.code] ?? 0) }
            return Gap(
                criterion: distribution.criterion,
                text: distribution.text,
                standard: distribution.standard,
                rated: distribution.rated,
                belowGreen: distribution.belowGreen,
                red: red
            )
        }
    }

    /// Standards rated red on any criterion by more than a share of the agencies that rated them.
    public func redStandards(
        share: Double,
        assessments: [SelfAssessment]
    ) -> [(standard: Standard, red: Int, rated: Int)] {
        let levels = set.scale.levels.keyed(by: \.code, value: \.rag)
        return set.standards.compactMap { standard in
            let codes = Set(standard.criteria.map(\.code))
            var rated = 0
            var red = 0
            for assessment in assessments where assessment.status.isReturned {
                let ratings = assessment.responses.filter { codes.contains($0.criterion) }.compactMap {
                    $0.standingRating.flatMap { levels[$0] }
                }
                guard !ratings.isEmpty else { continue }
                rated += 1
                if ratings.contains(.red) { red += 1 }
            }
            guard rated > 0, Double(red) / Double(rated) > share else { return nil }
            return (standard, red, rated)
        }
    }
}
