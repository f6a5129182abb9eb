public import Domain

/// The Section 11 and s175 cycles a day's rules and reports look at, with everything they need:
/// what the module's own rules read, loaded once per view, for a host's rule to read too.
///
/// ```swift
/// struct NoSchoolReturnedRule: AssuranceRule {
///     func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
///         let state = try await Section11State.load(view)
///         return state.cycles.filter { $0.cycle.duty == .section175 && $0.assessments.allSatisfy { !$0.status.isReturned } }
///             .map { FindingDraft(key: $0.cycle.id.rawValue, subject: $0.cycle.reference, severity: .emergingRisk,
///                                 level: .subGroup, message: "No school has returned \($0.cycle.name)") }
///     }
///     …
/// }
/// ```
public struct Section11State: Sendable {
    /// A cycle with its standard set, its assessments and the previous cycle's.
    public struct Cycle: Sendable {
        /// The cycle.
        public var cycle: AssessmentCycle
        /// Its standard set.
        public var set: StandardSet
        /// Its assessments.
        public var assessments: [SelfAssessment]
        /// The assessments of the cycle it follows, if any.
        public var previous: [SelfAssessment]
        /// The standard set of the cycle it follows, if any.
        public var previousSet: StandardSet?
    }

    /// The latest cycle of each duty, and every other open cycle, oldest first.
    public var cycles: [Cycle]
    /// Every agency, by id.
    public var agencies: [Agency.ID: Agency]
    /// Every standard set a cycle may use: the partnership's stored sets and the package's starter
    /// sets (``StandardSet/section11Classic``, ``StandardSet/schoolsSection175``) that none replaces.
    public var standardSets: [StandardSet]

    /// The state of the records a view sees, loaded once per view and shared by every rule and section.
    public static func load(_ view: AssuranceView) async throws -> Section11State {
        try await view.memoized("section11.state") {
            let cycles = try await view.all(AssessmentCycle.self)
            let stored = try await view.all(StandardSet.self)
            let storedSets = stored.keyed(by: \.id)
            let starters = [StandardSet.section11Classic, .schoolsSection175]
            let standardSets = stored + starters.filter { storedSets[$0.id] == nil }
            func set(_ id: StandardSet.ID) -> StandardSet? {
                storedSets[id] ?? starters.first { $0.id == id }
            }
            let tracked = try await TrackedActionSummary.all(in: view).keyed(by: \.id)
            let assessments = Dictionary(
                grouping: try await view.all(SelfAssessment.self).map { $0.trackingActions(in: tracked) },
                by: \.cycle
            )
            let latest = Dictionary(grouping: cycles, by: \.duty).compactMapValues {
                $0.max { ($0.issuedOn, $0.id) < ($1.issuedOn, $1.id) }
            }
            let chosen = cycles.filter { $0.status == .open || latest[$0.duty]?.id == $0.id }
            let byID = cycles.keyed(by: \.id)
            return Section11State(
                cycles: chosen.sorted { ($0.issuedOn, $0.id) < ($1.issuedOn, $1.id) }.compactMap { cycle in
                    guard let standardSet = set(cycle.standardSet) else { return nil }
                    let previous = cycle.previous.flatMap { byID[$0] }
                    return Cycle(
                        cycle: cycle,
                        set: standardSet,
                        assessments: assessments[cycle.id] ?? [],
                        previous: previous.map { assessments[$0.id] ?? [] } ?? [],
                        previousSet: previous.flatMap { set($0.standardSet) }
                    )
                },
                agencies: try await view.byID(Agency.self),
                standardSets: standardSets
            )
        }
    }
}
