extension PartnershipModule {
    /// What each active group owes the bodies it is accountable to: its next report, a reporting
    /// cadence after its last (or after it was established), and its next scrutiny session likewise.
    public func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
        let reports = Dictionary(
            grouping: try await view.all(GroupReport.self).filter { $0.submittedOn <= day },
            by: \.group
        )
        let sessions = Dictionary(
            grouping: try await view.all(ScrutinySession.self).filter { $0.heldOn <= day },
            by: \.group
        )
        var result: [Deadline] = []
        let groups = try await view.all(Group.self)
        let names = groups.keyed(by: \.id, value: \.name)
        for group in groups where group.isActive(on: day) {
            if let cadence = group.reportingCadence,
                let base = reports[group.id]?.map(\.submittedOn).max() ?? group.established
            {
                let due = cadence.after(base)
                if due >= day {
                    result.append(
                        Deadline(
                            key: "partnership.group-report|\(group.id)|\(due)",
                            kind: .groupReport,
                            what: "\(Prose.possessive(group.name)) \(cadence) report to the "
                                + group.addressees(names, otherwise: view.document.name(of: .executive)),
                            dueOn: due,
                            level: .subGroup,
                            group: group.id,
                            subject: group.reference
                        )
                    )
                }
            }
            if let cadence = group.scrutinyCadence,
                let base = sessions[group.id]?.map(\.heldOn).max() ?? group.established
            {
                let due = cadence.after(base)
                if due >= day {
                    result.append(
                        Deadline(
                            key: "partnership.scrutiny-session|\(group.id)|\(due)",
                            kind: .scrutinySession,
                            what: "\(Prose.possessive(group.name)) \(cadence) scrutiny session",
                            dueOn: due,
                            level: .subGroup,
                            group: group.id,
                            subject: group.reference
                        )
                    )
                }
            }
        }
        return result
    }
}
