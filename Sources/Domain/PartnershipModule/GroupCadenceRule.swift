/// A group that has fallen behind one of its cadences: meeting, reporting to the Executive, or
/// having its scrutiny session.
///
/// One rule, configured three ways.
///
/// Each activity falls due one cadence after the group last did it, or after the group was
/// established when it never has; an inactive group, or one without that cadence, owes nothing.
///
/// ```swift
/// let rules: [any AssuranceRule] = [GroupCadenceRule.meeting, .reporting, .scrutiny]
/// ```
public struct GroupCadenceRule: AssuranceRule, Hashable {
    /// What the group does at a cadence.
    public enum Activity: String, Hashable, Sendable, CaseIterable {
        /// Meeting (``Group/meetingCadence``).
        case meeting
        /// Reporting to the Executive (``Group/reportingCadence``).
        case reporting
        /// The QA lead's scrutiny session (``Group/scrutinyCadence``).
        case scrutiny
    }

    /// What this rule checks.
    public let activity: Activity

    /// Creates the rule for one activity.
    public init(_ activity: Activity) {
        self.activity = activity
    }

    /// `partnership.meeting-cadence`: a group not meeting at its cadence.
    public static let meeting = GroupCadenceRule(.meeting)
    /// `partnership.group-report-overdue`: a group that has not reported to the Executive at its cadence.
    public static let reporting = GroupCadenceRule(.reporting)
    /// `partnership.scrutiny-session-overdue`: a group whose scrutiny session is overdue.
    public static let scrutiny = GroupCadenceRule(.scrutiny)

    /// The rule's id, by activity.
    public var id: RuleID {
        switch activity {
        case .meeting: .partnershipMeetingCadence
        case .reporting: .partnershipGroupReportOverdue
        case .scrutiny: .partnershipScrutinySessionOverdue
        }
    }

    /// The rule's title.
    public var title: String {
        switch activity {
        case .meeting: "Group not meeting at its cadence"
        case .reporting: "Group report overdue"
        case .scrutiny: "Scrutiny session overdue"
        }
    }

    /// What the rule checks.
    public var summary: String {
        switch activity {
        case .meeting:
            "An active group with a meeting cadence has not met within one cadence of its last meeting (or of being "
                + "established)."
        case .reporting:
            "An active group with a reporting cadence has not reported to the bodies it is accountable to within one "
                + "cadence of its last report (or of being established)."
        case .scrutiny:
            "An active group with a scrutiny cadence has had no scrutiny session within one cadence of its last one "
                + "(or of being established)."
        }
    }

    /// The framework's description of the Practice Development Group and the groups around it.
    public var source: ObligationSource {
        switch activity {
        case .meeting:
            .framework(.practiceDevelopmentGroup, "each group meets at its meeting cadence")
        case .reporting:
            .framework(
                .practiceDevelopmentGroup,
                "each group reports to the body it is accountable to at its reporting cadence"
            )
        case .scrutiny:
            .framework(
                .practiceDevelopmentGroup,
                "each group's work is scrutinised at its scrutiny cadence"
            )
        }
    }

    /// A finding for each active group behind on the activity.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let done = try await lastDone(in: view, by: day)
        let groups = try await view.all(Group.self)
        let names = groups.keyed(by: \.id, value: \.name)
        return groups.compactMap { group in
            guard group.isActive(on: day), let cadence = cadence(of: group) else { return nil }
            let last = done[group.id]
            guard let (due, base) = group.overdue(cadence, lastDone: last, on: day) else { return nil }
            return FindingDraft(
                key: group.id.rawValue,
                subject: group.reference,
                group: group.id,
                severity: .areaForImprovement,
                level: .practiceDevelopmentGroup,
                message: message(
                    group,
                    to: group.addressees(names, otherwise: view.document.name(of: .executive)),
                    cadence: cadence,
                    last: last,
                    base: base,
                    due: due
                ),
                dueOn: due
            )
        }
    }

    private func cadence(of group: Group) -> Cadence? {
        switch activity {
        case .meeting: group.meetingCadence
        case .reporting: group.reportingCadence
        case .scrutiny: group.scrutinyCadence
        }
    }

    /// The latest day each group did the activity, up to the day.
    private func lastDone(in view: AssuranceView, by day: Day) async throws -> [Group.ID: Day] {
        var latest: [Group.ID: Day] = [:]
        func note(_ group: Group.ID, _ done: Day) {
            if done <= day, latest[group].map({ done > $0 }) ?? true { latest[group] = done }
        }
        switch activity {
        case .meeting:
            for meeting in try await view.all(Meeting.self) { note(meeting.group, meeting.day) }
        case .reporting:
            for report in try await view.all(GroupReport.self) { note(report.group, report.submittedOn) }
        case .scrutiny:
            for session in try await view.all(ScrutinySession.self) { note(session.group, session.heldOn) }
        }
        return latest
    }

    private func message(
        _ group: Group,
        to addressees: String,
        cadence: Cadence,
        last: Day?,
        base: Day,
        due: Day
    )
        -> String
    {
        switch activity {
        case .meeting:
            let since = last.map { "since \($0)" } ?? "since it was established on \(base)"
            return
                "\(group.name) has not met \(since); at its \(cadence.adjective) cadence it was due to meet by \(due)."
        case .reporting:
            let since = last.map { "since \($0)" } ?? "since it was established on \(base)"
            return
                "\(group.name) has not reported to the \(addressees) \(since); its \(cadence) report was due by \(due)."
        case .scrutiny:
            let since =
                last.map { "the last was on \($0)" } ?? "there has been none since it was established on \(base)"
            return "\(group.name)'s \(cadence) scrutiny session was due by \(due); \(since)."
        }
    }
}
