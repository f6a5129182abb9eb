/// What a finding asks of the level that must decide it: the options its rule knows, the one the
/// rule recommends, and what follows if nothing is decided.
///
/// A report puts these beside each decision it asks for, with who decides and by when, so that
/// a chair can put the question to the meeting as it stands. The texts may name levels the way a
/// rule's summary does (`{executive}`, `{practice-development-group}`): the partnership's own names replace them.
public struct DecisionOptions: Hashable, Sendable, Codable {
    /// The courses open to the deciding level, each a sentence in the imperative.
    public var options: [String]
    /// The index in ``options`` of the course the rule recommends.
    public var recommended: Int
    /// What happens if the level decides nothing.
    public var ifUndecided: String

    /// Creates the options; `recommended` must index one of them.
    public init(options: [String], recommended: Int = 0, ifUndecided: String) {
        precondition(options.indices.contains(recommended), "the recommended option must be one of the options")
        self.options = options
        self.recommended = recommended
        self.ifUndecided = ifUndecided
    }

    /// The course the rule recommends.
    public var recommendedOption: String { options[recommended] }

    /// The options any finding leaves to the level at the top of the route, the notification's own
    /// three: direct an action, accept the risk, or ask for more evidence.
    public static let standard = DecisionOptions(
        options: [
            "Direct an action, with an owner and a due date, in the action tracker",
            "Accept the risk and record why",
            "Ask for more evidence, to come back by the next meeting",
        ],
        recommended: 0,
        ifUndecided:
            "The finding stays open at this level and comes back to every meeting until a decision is recorded."
    )

    /// The options with every level named the partnership's way.
    func named(by document: FrameworkDocument) -> DecisionOptions {
        DecisionOptions(
            options: options.map(document.words),
            recommended: recommended,
            ifUndecided: document.words(ifUndecided)
        )
    }
}
