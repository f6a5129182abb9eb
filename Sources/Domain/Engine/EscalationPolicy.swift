/// When an unresolved finding moves up a level.
///
/// The framework says that the Practice Development Group "resolves the majority of issues,
/// minimising escalation to the Executive Group", and that it alerts the Executive to what needs a
/// decision; it gives no timescale. The package's timescales are local defaults: a finding moves up
/// a level after 2 months unresolved at each level below the Executive. Good practice is never
/// escalated.
public struct EscalationPolicy: Hashable, Sendable {
    /// How long a finding may stay unresolved at a level before it moves up; a level not listed never escalates.
    public var after: [EscalationLevel: ClockDuration]
    /// The levels a finding moves through, lowest first: all four unless a partnership's route
    /// skips one (a finding raised at a level the route skips moves to the next level on it).
    public var route: [EscalationLevel] = EscalationLevel.allCases

    /// Creates a policy.
    public init(after: [EscalationLevel: ClockDuration]) {
        self.after = after
    }

    /// Two months at each level below the Executive.
    public static let standard = EscalationPolicy(after: [
        .agency: .months(2), .subGroup: .months(2), .practiceDevelopmentGroup: .months(2),
    ])

    /// No escalation.
    public static let never = EscalationPolicy(after: [:])

    /// The level changes an open finding is due by a day, each dated the day it fell due.
    public func escalations(
        of finding: Finding,
        through day: Day,
        calendar: any WorkingDayCalendar
    ) -> [Finding.LevelChange] {
        guard finding.status == .open, finding.severity != .goodPractice else { return [] }
        var changes: [Finding.LevelChange] = []
        var level = finding.level
        var since = finding.atLevelSince
        // A level the route skips holds nothing: the finding moves on at once, on the day it got there.
        if !route.contains(level), let next = route.first(where: { $0 > level }) {
            changes.append(Finding.LevelChange(level: next, on: since))
            level = next
        }
        while let wait = after[level], let next = route.first(where: { $0 > level }) {
            let due = calendar.deadline(for: wait, from: since)
            guard due <= day else { break }
            changes.append(Finding.LevelChange(level: next, on: due))
            level = next
            since = due
        }
        return changes
    }
}

extension EscalationPolicy {
    /// The level a finding raised at a level starts at: that level when the route holds it, else the
    /// next level the route holds (the highest on the route when none is higher).
    public func levelOnRoute(_ level: EscalationLevel) -> EscalationLevel {
        if route.contains(level) { return level }
        return route.first(where: { $0 > level }) ?? route.last ?? level
    }
}
