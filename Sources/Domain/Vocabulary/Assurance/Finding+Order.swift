extension Severity {
    /// The order of the balanced assurance report's parts, as the framework gives it.
    ///
    /// Decisions needed now, emerging risks and issues, unresolved or recurring concerns, areas for
    /// improvement, good practice and strengths. It is not the order of gravity: a recurring concern
    /// is graver than an emerging risk but is reported after it.
    public static let balancedOrder: [Severity] = [
        .decisionRequired, .emergingRisk, .recurringConcern, .areaForImprovement, .goodPractice,
    ]

    /// The severity's place in ``balancedOrder``, from 0.
    public var balancedPosition: Int { Self.balancedOrder.firstIndex(of: self) ?? Self.balancedOrder.count }
}

extension Finding {
    /// Whether one finding comes before another in the framework's order: by the part of the
    /// balanced report it belongs to (``Severity/balancedOrder``), then the level that must act
    /// (the Executive first), then the longest at its level, then by key.
    ///
    /// Every list of findings the package shows uses it: the reports, the command line and
    /// ``AssuranceFramework/findings(status:as:)``.
    ///
    /// ```swift
    /// let ordered = findings.sorted(by: Finding.inFrameworkOrder)
    /// ```
    public static func inFrameworkOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity.balancedPosition < rhs.severity.balancedPosition }
        if lhs.level != rhs.level { return lhs.level > rhs.level }
        if lhs.atLevelSince != rhs.atLevelSince { return lhs.atLevelSince < rhs.atLevelSince }
        return lhs.key < rhs.key
    }
}

extension Finding {
    /// The day the finding first arose: the day after what it is about fell due, when that came
    /// before the cycle raised it (a return overdue since November, found by a cycle run in April),
    /// or the day it was raised.
    public var aroseOn: Day {
        guard let due = dueOn?.adding(days: 1), due < raisedOn else { return raisedOn }
        return due
    }
}
