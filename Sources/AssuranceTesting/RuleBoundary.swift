public import Domain

/// What a rule raises on the three days a test of a timescale checks: the day before a boundary,
/// the day itself and the day after.
///
/// A rule's timescale is right only when it is right at its edges. Probe the rule around the day
/// its source says something falls due, and compare what it raised on each day by finding key:
///
/// ```swift
/// let probe = try await RuleBoundary.probe(ChallengeOverdueRule(), around: .fixture("2025-11-01"), in: store)
/// #expect(probe == RuleBoundary(dayBefore: [], day: [], dayAfter: ["a2"]))
/// ```
///
/// Each day is evaluated in a view of its own, as the assurance cycle would on that day.
public struct RuleBoundary: Hashable, Sendable, CustomStringConvertible {
    /// The keys of the findings raised on the day before.
    public var dayBefore: Set<String>
    /// The keys of the findings raised on the day.
    public var day: Set<String>
    /// The keys of the findings raised on the day after.
    public var dayAfter: Set<String>

    /// Creates the expected result of a probe.
    public init(dayBefore: Set<String>, day: Set<String>, dayAfter: Set<String>) {
        self.dayBefore = dayBefore
        self.day = day
        self.dayAfter = dayAfter
    }

    /// A rule that raises nothing before the day after: it fires once the day has passed.
    public static func firesAfter(_ keys: Set<String>) -> RuleBoundary {
        RuleBoundary(dayBefore: [], day: [], dayAfter: keys)
    }

    /// A rule that raises until the day, and clears the day after: a window that closes.
    public static func clearsAfter(_ keys: Set<String>) -> RuleBoundary {
        RuleBoundary(dayBefore: keys, day: keys, dayAfter: [])
    }

    /// Evaluates a rule on the day before, the day and the day after.
    ///
    /// - Parameters:
    ///   - rule: The rule.
    ///   - day: The boundary.
    ///   - store: The records it reads.
    ///   - calendar: Which days are working days.
    /// - Returns: The keys of the findings it raised on each day.
    /// - Throws: What the rule throws.
    public static func probe(
        _ rule: any AssuranceRule,
        around day: Day,
        in store: any RecordStore,
        calendar: any WorkingDayCalendar = EnglandAndWalesCalendar()
    ) async throws -> RuleBoundary {
        func keys(on day: Day) async throws -> Set<String> {
            let view = AssuranceView(store: store, calendar: calendar)
            return Set(try await rule.evaluate(in: view, on: day).map(\.key))
        }
        return RuleBoundary(
            dayBefore: try await keys(on: day.adding(days: -1)),
            day: try await keys(on: day),
            dayAfter: try await keys(on: day.adding(days: 1))
        )
    }

    /// The keys raised on each day, for a failing expectation.
    public var description: String {
        func list(_ keys: Set<String>) -> String { "[" + keys.sorted().joined(separator: ", ") + "]" }
        return "day before \(list(dayBefore)), day \(list(day)), day after \(list(dayAfter))"
    }
}
