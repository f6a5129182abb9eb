import Domain

/// The positions of a standard set's criteria, standards and rating levels, for analyses that count
/// by position rather than hash a criterion's code and a rating's code for every response.
///
/// An assessment's responses come in the set's order, so a criterion is looked for first just after
/// the one before it, and its code compared once; a rating among the scale's few levels is compared
/// in turn. Either falls back to the same answer a dictionary keyed by code gives: a criterion's
/// first place in the set, a level's first place on the scale.
struct SetPositions {
    /// The scale's levels, worst first.
    let levels: [RatingLevel]
    /// Each criterion's code, once, in the order the set first lists it.
    let criteria: [CriterionCode]
    /// The position in `standards` of the standard that first lists each criterion.
    let criterionStandard: [Int]
    /// Each standard's code, once, in set order.
    let standards: [StandardCode]
    private let criterionPosition: [CriterionCode: Int]
    private let standardPosition: [StandardCode: Int]

    init(_ set: StandardSet) {
        levels = set.scale.levels
        var standardPosition: [StandardCode: Int] = [:]
        var standards: [StandardCode] = []
        var criterionPosition: [CriterionCode: Int] = [:]
        var criteria: [CriterionCode] = []
        var criterionStandard: [Int] = []
        for standard in set.standards {
            let position = standardPosition[standard.code] ?? standards.count
            if position == standards.count {
                standardPosition[standard.code] = position
                standards.append(standard.code)
            }
            for criterion in standard.criteria where criterionPosition[criterion.code] == nil {
                criterionPosition[criterion.code] = criteria.count
                criteria.append(criterion.code)
                criterionStandard.append(position)
            }
        }
        self.standards = standards
        self.criteria = criteria
        self.criterionStandard = criterionStandard
        self.criterionPosition = criterionPosition
        self.standardPosition = standardPosition
    }

    /// The first level with a code, or `nil` when the scale has none.
    func level(_ code: RatingCode) -> Int? { levels.firstIndex { $0.code == code } }

    /// A criterion's position, looked for first just after `previous` (the position of the response
    /// before it, or -1), or `nil` when the set does not list it.
    func criterion(_ code: CriterionCode, after previous: Int) -> Int? {
        let guess = previous + 1
        if guess < criteria.count, criteria[guess] == code { return guess }
        return criterionPosition[code]
    }

    /// A standard's position, or `nil` when the set does not list it.
    func standard(_ code: StandardCode) -> Int? { standardPosition[code] }
}
