extension PartnershipModule {
    /// An agency's part in the partnership over the period: its attendance at each group's meetings
    /// and the groups it is a member of.
    func feedbackSection(
        _ view: AssuranceView,
        agency: Agency.ID,
        request: ReportRequest
    ) async throws
        -> ReportSection?
    {
        let groups = try await view.byID(Group.self)
        let name = try await view.byID(Agency.self)[agency]?.name ?? agency.rawValue
        let meetings = try await view.all(Meeting.self).filter {
            request.period.contains($0.day) && $0.invited.contains(agency)
        }
        let byGroup = Dictionary(grouping: meetings, by: \.group)
        let attendance: [[ReportCell]] = byGroup.keys.sorted().map { group in
            let invited = byGroup[group] ?? []
            let came = invited.filter { $0.attended.contains(agency) }.count
            return [
                .text(groups[group]?.name ?? group.rawValue),
                .number(Double(invited.count), decimals: 0),
                .number(Double(came), decimals: 0),
                .percentage(Double(came) / Double(invited.count) * 100, numerator: nil, denominator: nil, decimals: 0),
            ]
        }
        let memberships = try await view.all(Membership.self).filter {
            $0.agency == agency && $0.since <= request.period.lastDay
                && ($0.until.map { $0 >= request.period.firstDay } ?? true)
        }
        guard !attendance.isEmpty || !memberships.isEmpty else { return nil }
        var blocks: [ReportBlock] = []
        if !attendance.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption:
                            "\(Prose.possessive(name)) attendance at partnership meetings it was invited to, \(request.period.label)",
                        columns: [
                            .init("Group"), .init("Invited", numeric: true), .init("Attended", numeric: true),
                            .init("Share", numeric: true),
                        ],
                        rows: attendance
                    )
                )
            )
        }
        if !memberships.isEmpty {
            let names = Set(memberships.map { groups[$0.group]?.name ?? $0.group.rawValue }).sorted()
            blocks.append(.text(TextBlock(heading: "Groups \(name) sits on", bullets: names)))
        }
        return ReportSection(
            id: "partnership.feedback",
            title: "\(name) in the partnership",
            module: self.name,
            order: 40,
            blocks: blocks
        )
    }
}
