/// Rules composed without a module of their own: a name for the rule catalogue and the rules.
///
/// ``AssuranceFramework/init(modules:rules:environment:notifier:contacts:escalation:reminders:document:)`` wraps a host's extra
/// rules in one named `Local rules`; compose a ``RuleSet`` yourself to give them another name.
///
/// ```swift
/// let framework = try AssuranceFramework(
///     modules: [PartnershipModule(), LearningModule()],
///     rules: [ReviewWithoutChronologyRule()]
/// )
/// ```
public struct RuleSet: AssuranceModule {
    /// The set's stable id.
    public let id: ModuleID
    /// The name the rule catalogue lists the rules under.
    public let name: String
    /// The rules.
    public let rules: [any AssuranceRule]

    /// Creates a rule set.
    ///
    /// - Parameters:
    ///   - id: Its stable id; by default the name's (`ModuleID.formerlyNamed(_:)`).
    ///   - name: The name the rule catalogue lists the rules under.
    ///   - rules: The rules.
    public init(id: ModuleID? = nil, name: String, rules: [any AssuranceRule]) {
        self.id = id ?? .formerlyNamed(name)
        self.name = name
        self.rules = rules
    }

    /// None: the rules read the records of other modules.
    public var recordTypes: [any StorableRecord.Type] { [] }
}
