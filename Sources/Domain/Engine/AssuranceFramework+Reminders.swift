extension AssuranceFramework {
    /// Every deadline the modules list that is due on the day or later, soonest first; with
    /// `workingDays`, only those due within that many working days of the day.
    ///
    /// - Parameters:
    ///   - day: The day.
    ///   - workingDays: How far ahead to look, in working days; `nil` for every open deadline.
    ///   - principal: Who asks: they see the deadlines of the agencies whose findings they may read.
    /// - Returns: The deadlines, soonest due first, then by what is owed.
    /// - Throws: What a module throws reading its records.
    public func deadlines(
        on day: Day,
        within workingDays: Int? = nil,
        as principal: Principal = .system
    )
        async throws -> [Deadline]
    {
        let view = makeView()
        let horizon = workingDays.map { environment.calendar.adding(workingDays: $0, to: day) }
        var result: [Deadline] = []
        for module in modules {
            result += try await module.deadlines(in: view, on: day).filter { deadline in
                deadline.dueOn >= day && horizon.map { deadline.dueOn <= $0 } ?? true
                    && environment.access.permits(principal, .read, AccessScope(.finding, agency: deadline.agency))
            }
        }
        return result.sorted { ($0.dueOn, $0.what, $0.key) < ($1.dueOn, $1.what, $1.key) }
    }

    /// Reminds whoever owes each deadline inside its reminder window, once for each due day.
    func remind(
        on day: Day,
        in view: AssuranceView,
        into batch: inout RecordBatch,
        notifications: inout [AssuranceNotification],
        outcome: inout CycleOutcome
    ) async throws {
        let sent = Set(try await view.all(Reminder.self).map(\.id))
        var seen = Set<Reminder.ID>()
        var owed: [Deadline] = []
        for module in modules { owed += try await module.deadlines(in: view, on: day) }
        // In a stable order, so that the same day's cycle writes the same store byte for byte.
        owed.sort { ($0.dueOn, $0.what, $0.key) < ($1.dueOn, $1.what, $1.key) }
        do {
            for deadline in owed where deadline.dueOn >= day {
                let before = reminders.workingDays(before: deadline.kind)
                guard before >= 0, reminders.remindFrom(deadline, calendar: environment.calendar) <= day else {
                    continue
                }
                let id = Reminder.id(of: deadline)
                guard !sent.contains(id), seen.insert(id).inserted else { continue }
                let reminder = Reminder(deadline, sentOn: day)
                try batch.save(reminder, version: 0)
                outcome.reminded.append(reminder)
                notifications.append(notification(for: reminder))
            }
        }
        outcome.reminded.sort { ($0.dueOn, $0.what, $0.key) < ($1.dueOn, $1.what, $1.key) }
    }

    private func notification(for reminder: Reminder) -> AssuranceNotification {
        let remaining = environment.calendar.workingDays(after: reminder.sentOn, through: reminder.dueOn)
        let when =
            remaining == 0
            ? "today" : "on \(reminder.dueOn), in \(remaining) working day\(remaining == 1 ? "" : "s")"
        return AssuranceNotification(
            key: "reminder:\(reminder.id)",
            kind: .reminder,
            subject: "Reminder: \(reminder.what) is due \(remaining == 0 ? "today" : "on \(reminder.dueOn)")",
            body: "\(reminder.what) is due \(when).",
            level: reminder.level,
            levelName: document.name(of: reminder.level),
            agency: reminder.agency,
            group: reminder.group,
            about: reminder.subject,
            action: "Have it done and recorded by \(reminder.dueOn): \(reminder.what).",
            raisedOn: reminder.sentOn,
            dueOn: reminder.dueOn
        )
    }
}
