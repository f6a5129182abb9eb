/// A group that has not met within its meeting cadence: the Practice Development Group meets monthly.
public struct MeetingCadenceRule: AssuranceRule, Hashable {
    /// `partnership.meeting-cadence`.
    public var id: RuleID { .partnershipMeetingCadence }
    /// The rule's title.
    public var title: String { "Group not meeting at its cadence" }
    /// What the rule checks.
    public var summary: String {
        "An active group with a meeting cadence has not met within one cadence of its last meeting (or of being "
            + "established)."
    }
    /// The framework's description of the Practice Development Group.
    public var source: ObligationSource {
        .framework(.practiceDevelopmentGroup, "the group meets monthly")
    }

    /// Creates the rule.
    public init() {}

    /// One finding for each active group overdue a meeting.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let meetings = Dictionary(grouping: try await view.all(Meeting.self).filter { $0.day <= day }, by: \.group)
        return try await view.all(Group.self).compactMap { group in
            guard group.isActive(on: day), let cadence = group.meetingCadence else { return nil }
            let last = meetings[group.id]?.map(\.day).max()
            guard let (due, base) = group.overdue(cadence, lastDone: last, on: day) else { return nil }
            let since = last.map { "since \($0)" } ?? "since it was established on \(base)"
            return FindingDraft(
                key: group.id.rawValue,
                subject: group.reference,
                group: group.id,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: "\(group.name) has not met \(since); at its \(cadence) cadence it was due to meet by \(due).",
                dueOn: due
            )
        }
    }
}
