public import Domain

/// An action an agency commits to, to close a gap a criterion found.
public struct AssessmentAction: Hashable, Sendable, Codable {
    /// A progress update on an action, with its evidence.
    public struct Progress: Hashable, Sendable, Codable {
        /// The day of the update.
        public var on: Day
        /// What has happened.
        public var text: String
        /// Evidence of progress.
        public var evidence: [EvidenceReference]?

        /// Creates an update.
        public init(on: Day, text: String, evidence: [EvidenceReference]? = nil) {
            self.on = on
            self.text = text
            self.evidence = evidence
        }
    }

    /// A short id, unique in its assessment.
    public var id: String
    /// What will be done.
    public var text: String
    /// Who owns it, by role or name in the agency.
    public var owner: String
    /// The day it is due.
    public var dueOn: Day
    /// The day it was completed, for an action not in the one tracker.
    ///
    /// That is one from a return made before actions were tracked there. A tracked action's
    /// progress is its ``tracked`` action's.
    public package(set) var completedOn: Day?
    /// Progress updates, oldest first, for an action not in the one tracker.
    public var progress: [Progress]?
    /// The action in the one tracker that this is, once the return is submitted: its progress,
    /// completion and evidence of impact are recorded there, and carried forward with it from one
    /// cycle to the next.
    public var tracked: TrackedAction.ID?

    /// Creates an action.
    public init(
        id: String,
        text: String,
        owner: String,
        dueOn: Day,
        completedOn: Day? = nil,
        progress: [Progress]? = nil
    ) {
        self.id = id
        self.text = text
        self.owner = owner
        self.dueOn = dueOn
        self.completedOn = completedOn
        self.progress = progress
    }

    /// Whether the action is open and past its due day.
    public func isOverdue(on day: Day) -> Bool { completedOn == nil && dueOn < day }
}
