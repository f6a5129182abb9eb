/// What the modules' rules and sections read of a tracked action: its place in the tracker, what
/// it is, who owns it, when it is due and how it stands, without its updates and evidence.
///
/// A national tracker holds hundreds of thousands of actions, and a whole ``TrackedAction`` makes
/// each of its updates and pieces of evidence on the heap; the Learning and Section 11 modules'
/// states hold these instead, read once per view by ``all(in:)``. A rule that needs an action's
/// updates or evidence reads the whole record by its ``id``.
///
/// ```swift
/// let actions = try await TrackedActionSummary.all(in: view)
/// let overdue = actions.filter { $0.effectiveStatus(on: day) == .overdue }
/// ```
public struct TrackedActionSummary: RecordProjection, Hashable {
    /// Tracked actions.
    public typealias Source = TrackedAction

    /// The action's id.
    public var id: TrackedAction.ID
    /// The recommendation it serves.
    public var recommendation: Recommendation.ID
    /// The work stream it belongs to.
    public var workStream: WorkStream.ID?
    /// What will be done.
    public var text: String
    /// The agency that owns it.
    public var ownerAgency: Agency.ID?
    /// The lead, by role or name.
    public var lead: String
    /// The day it starts.
    public var startOn: Day
    /// The day it is due.
    public var dueOn: Day
    /// Its declared status.
    public var status: TrackedAction.Status
    /// The day it was completed.
    public var completedOn: Day?
    /// Whether any evidence of completion is recorded.
    public var hasCompletionEvidence: Bool
    /// The day of the latest progress update, if any.
    public var lastUpdated: Day?
    /// Where it came from, when it is an agency's own plan rather than the partnership's.
    public var origin: TrackedAction.Origin?

    /// The summary of a whole action.
    public init(_ action: TrackedAction) {
        id = action.id
        recommendation = action.recommendation
        workStream = action.workStream
        text = action.text
        ownerAgency = action.ownerAgency
        lead = action.lead
        startOn = action.startOn
        dueOn = action.dueOn
        status = action.status
        completedOn = action.completedOn
        hasCompletionEvidence = !(action.completionEvidence ?? []).isEmpty
        lastUpdated = action.lastUpdated
        origin = action.origin
    }

    /// Every action of the tracker a view sees, summarised: read once per view and shared by every
    /// module that asks, in id order.
    public static func all(in view: AssuranceView) async throws -> [TrackedActionSummary] {
        try await view.memoized("domain.tracked-action-summaries") {
            try await view.records(TrackedActionSummary.self, RecordFilter())
        }
    }

    /// The action in the store.
    public var reference: RecordReference { RecordReference(TrackedAction.self, id: id) }

    /// The status that stands on a day: overdue when it is past due and not complete, as
    /// ``TrackedAction/effectiveStatus(on:)`` gives it.
    public func effectiveStatus(on day: Day) -> TrackedAction.Status {
        if !status.isComplete, dueOn < day { return .overdue }
        return status
    }
}

// Reads the keys `TrackedAction`'s own payload reader reads for these fields, in the same sorted
// order; `TrackedActionSummaryTests` holds both readers to the summary of the whole action.
extension TrackedActionSummary: RecordPayloadDecodable {
    /// Reads an action's summary from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        completedOn = try payload.dayIfPresent("completedOn")
        hasCompletionEvidence = try payload.countIfPresent("completionEvidence") > 0
        dueOn = try payload.day("dueOn")
        id = try payload.id(TrackedAction.self, "id")
        lead = try payload.string("lead")
        origin = try payload.objectIfPresent(TrackedAction.Origin.self, "origin")
        ownerAgency = try payload.idIfPresent(Agency.self, "ownerAgency")
        recommendation = try payload.id(Recommendation.self, "recommendation")
        startOn = try payload.day("startOn")
        status = try payload.raw(TrackedAction.Status.self, "status")
        text = try payload.string("text")
        lastUpdated = try payload.lastElement("updates") { try $0.day("on") }
        workStream = try payload.idIfPresent(WorkStream.self, "workStream")
    }

    /// Reads an action's summary from its coded form, where the payload reader gives up: the whole
    /// action, summarised.
    public init(from decoder: any Decoder) throws {
        self.init(try TrackedAction(from: decoder))
    }
}
