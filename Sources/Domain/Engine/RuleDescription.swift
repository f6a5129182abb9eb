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

    /// Creates a description.
    public init(
        module: String,
        id: RuleID,
        title: String,
        summary: String,
        source: ObligationSource,
        localDefaults: [LocalDefault] = []
    ) {
        self.localDefaults = localDefaults
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
