public import Domain

extension LearningModule {
    /// What the one tracker and the reviews are owed: every action not yet complete, due by its day
    /// (its owner agency reminded, or the sub-group when no agency owns it); every statutory clock of
    /// a review still running, due by its deadline; each agency's chronology and summary for a
    /// review; and every child protection clock recorded for a case.
    public func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
        let state = try await LearningState.load(view)
        var result: [Deadline] = []
        actionDeadlines(state, on: day, into: &result)
        reviewDeadlines(state, on: day, calendar: view.calendar, into: &result)
        let names = state.clocks.keyed(by: \.id, value: \.name)
        for clock in try await view.all(CaseClock.self) where clock.stoppedOn == nil && clock.dueOn >= day {
            result.append(
                Deadline(
                    key: "case.clock|\(clock.id)",
                    kind: .caseClock,
                    what: "\(names[clock.clock] ?? clock.clock.rawValue) for case \(clock.caseReference)",
                    dueOn: clock.dueOn,
                    level: clock.agency == nil ? .subGroup : .agency,
                    agency: clock.agency,
                    subject: clock.reference
                )
            )
        }
        followUpDeadlines(try await DevelopmentState.load(view), on: day, into: &result)
        return result
    }

    /// Every action of the one tracker not yet complete, due by its day.
    private func actionDeadlines(_ state: LearningState, on day: Day, into result: inout [Deadline]) {
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
    }

    /// Every statutory clock of a review still running, and each agency's contributions owed.
    private func reviewDeadlines(
        _ state: LearningState,
        on day: Day,
        calendar: any WorkingDayCalendar,
        into result: inout [Deadline]
    ) {
        for review in state.reviews where review.status == .open {
            for clock in state.clocks where clock.appliesTo.contains(review.kind) {
                let reading = ClockReading.read(clock, for: review, on: day, calendar: calendar)
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
        for review in state.reviews where review.status == .open || review.status == .reported {
            for participant in review.participants ?? [] {
                let owed: [(Review.Contribution, Day?, Day?)] = [
                    (.chronology, participant.chronologyDue, participant.chronologyReceived),
                    (.summary, participant.summaryDue, participant.summaryReceived),
                ]
                for (contribution, due, received) in owed {
                    guard let due, received == nil, due >= day else { continue }
                    result.append(
                        Deadline(
                            key: "review.contribution|\(review.id)|\(participant.agency)|\(contribution)",
                            kind: .reviewContribution,
                            what:
                                "\(Prose.possessive(state.name(participant.agency))) \(contribution) for \(review.title)",
                            dueOn: due,
                            level: .agency,
                            agency: participant.agency,
                            subject: review.reference
                        )
                    )
                }
            }
        }
    }

    /// The follow-up evaluation of every session held whose follow-up has not been recorded.
    private func followUpDeadlines(_ development: DevelopmentState, on day: Day, into result: inout [Deadline]) {
        let followed = Set(development.evaluations.filter { $0.stage == .followUp }.map(\.session))
        let titles = development.courses.keyed(by: \.id, value: \.title)
        for session in development.held(by: day) where !followed.contains(session.id) {
            let due = session.day.adding(months: followUpMonths)
            guard due >= day else { continue }
            result.append(
                Deadline(
                    key: "learning.follow-up|\(session.id)",
                    kind: .followUpEvaluation,
                    what:
                        "The follow-up evaluation of \(titles[session.course] ?? session.course.rawValue) on \(session.day)",
                    dueOn: due,
                    level: .subGroup,
                    subject: session.reference
                )
            )
        }
    }
}
