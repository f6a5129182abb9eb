/// What a notification announces.
public enum NotificationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A finding the cycle has raised.
    case findingRaised = "finding-raised"
    /// A finding moved up to a higher level, because it stayed unresolved too long.
    case findingEscalated = "finding-escalated"
    /// A finding whose condition has cleared.
    case findingResolved = "finding-resolved"
    /// A finding put to the top level of the route for a decision: raised there, escalated there,
    /// or one that says a decision is needed now. It goes out at once, whatever the recipient prefers.
    case decisionAsked = "decision-asked"
    /// A deadline falling due soon.
    case reminder
    /// Anything else a host sends.
    case other

    /// Whether it announces something about a finding.
    public var isAboutAFinding: Bool {
        [.findingRaised, .findingEscalated, .findingResolved, .decisionAsked].contains(self)
    }

    /// The kind a notification written before kinds were recorded had, read from its key.
    static func implied(byKey key: String) -> NotificationKind {
        if key.hasPrefix("reminder:") { return .reminder }
        if key.hasPrefix("finding:") { return key.hasSuffix(":resolved") ? .findingResolved : .findingRaised }
        return .other
    }
}
