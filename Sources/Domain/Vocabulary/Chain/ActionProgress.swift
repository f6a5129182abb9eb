/// Progress reported on a tracked action: its status now, what was done, and, when it is complete,
/// the evidence.
public struct ActionProgress: Hashable, Sendable {
    /// The action.
    public var action: TrackedAction.ID
    /// The version of the action the progress was reported against; `nil` to report against
    /// whatever is held.
    public var version: Int?
    /// The status reported; a completing status completes the action.
    public var status: TrackedAction.Status
    /// What was done.
    public var note: String
    /// The evidence of completion.
    public var evidence: [EvidenceReference]

    /// Creates a progress report.
    public init(
        action: TrackedAction.ID,
        version: Int? = nil,
        status: TrackedAction.Status,
        note: String,
        evidence: [EvidenceReference] = []
    ) {
        self.action = action
        self.version = version
        self.status = status
        self.note = note
        self.evidence = evidence
    }
}
