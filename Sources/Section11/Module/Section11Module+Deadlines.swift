public import Domain

extension Section11Module {
    /// Every self-assessment still owed: a return not yet made to an open cycle, due by the cycle's
    /// deadline, and one returned for rework, due back ``reworkWorkingDays`` working days after.
    public func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
        let state = try await Section11State.load(view)
        var result: [Deadline] = []
        for entry in state.cycles where entry.cycle.status == .open {
            for assessment in entry.assessments {
                let name = state.agencies[assessment.agency]?.name ?? assessment.agency.rawValue
                let reworked = assessment.returnedOn
                let due: Day
                let what: String
                switch assessment.status {
                case .invited,
                    .inProgress where reworked == nil:
                    due = entry.cycle.returnDeadline
                    what = "\(Prose.possessive(name)) return to \(entry.cycle.name)"
                case .returned, .inProgress:
                    guard let reworked else { continue }
                    due = view.calendar.adding(workingDays: reworkWorkingDays, to: reworked)
                    what = "\(Prose.possessive(name)) return to \(entry.cycle.name), resubmitted after rework"
                default:
                    continue
                }
                guard due >= day else { continue }
                result.append(
                    Deadline(
                        key: "section11.return|\(assessment.id)|\(reworked.map(\.description) ?? "first")",
                        kind: .selfAssessmentReturn,
                        what: what,
                        dueOn: due,
                        level: .agency,
                        agency: assessment.agency,
                        subject: assessment.reference
                    )
                )
            }
        }
        return result
    }
}
