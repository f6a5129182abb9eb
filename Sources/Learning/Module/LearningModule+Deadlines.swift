public import Domain

extension LearningModule {
    /// What the one tracker and the reviews are owed: every action not yet complete, due by its day
    /// (its owner agency reminded, or the sub-group when no agency owns it), and every statutory clock
    /// of a review still running, due by its deadline.
    public func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
        let state = try await LearningState.load(view)
        var result: [Deadline] = []
        for action in state.actions where !action.status.isComplete && action.dueOn >= day {
            result.append(
                Deadline(
                    key: "tracker.action|\(action.id)",
                    kind: .trackedAction,
                    what: "The action \"\(action.text)\"",
                    dueOn: action.dueOn,
                    level: action.ownerAgency == nil ? .subGroup : .agency,
                    agency: action.ownerAgency,
                    subject: action.reference
                )
            )
        }
        for review in state.reviews where review.status == .open {
            for clock in state.clocks where clock.appliesTo.contains(review.kind) {
                let reading = ClockReading.read(clock, for: review, on: day, calendar: view.calendar)
                guard reading.state == .running, let due = reading.due, due >= day else { continue }
                result.append(
                    Deadline(
                        key: "review.clock|\(review.id)|\(clock.id)",
                        kind: .reviewClock,
                        what: "\(review.title): \(clock.endsWith) (\(clock.name.lowercased()))",
                        dueOn: due,
                        level: .practiceDevelopmentGroup,
                        subject: review.reference
                    )
                )
            }
        }
        return result
    }
}
