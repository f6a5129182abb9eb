/// A rule as the catalogue lists it.
public struct RuleDescription: Hashable, Sendable, Codable {
    /// The module that contributes the rule.
    public var module: String
    /// The rule's id.
    public var id: RuleID
    /// Its title.
    public var title: String
    /// What it checks.
    public var summary: String
    /// The obligation it checks.
    public var source: ObligationSource
    /// The figures it uses that its source does not state.
    public var localDefaults: [LocalDefault]
    /// What a finding of the rule asks of the level that must decide it.
    public var decision: DecisionOptions
    /// Whether the good practice it finds shows a change in practice or outcomes.
    public var showsImpact: Bool

    /// Creates a description.
    public init(
        module: String,
        id: RuleID,
        title: String,
        summary: String,
        source: ObligationSource,
        localDefaults: [LocalDefault] = [],
        decision: DecisionOptions = .standard,
        showsImpact: Bool = false
    ) {
        self.showsImpact = showsImpact
        self.localDefaults = localDefaults
        self.decision = decision
        self.module = module
        self.id = id
        self.title = title
        self.summary = summary
        self.source = source
    }

    /// The source as a report's source line gives it: the citation, then any local defaults.
    public var sourceLine: String {
        ([source.citation] + localDefaults.map(\.description)).joined(separator: "; ")
    }
}
