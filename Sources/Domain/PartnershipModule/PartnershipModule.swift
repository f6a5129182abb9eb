import Foundation

/// The Domain's own module: the partnership's structure, its groups' attendance, reporting and
/// scrutiny cadences, and what children and families told the partnership.
///
/// Compose it like any other module. Its rules:
/// - ``StatutoryPartnerAttendanceRule``: a statutory partner's attendance at a group's meetings below a threshold;
/// - ``GroupCadenceRule``, three ways: a group that has missed its reporting cadence to the Executive
///   (``GroupCadenceRule/reporting``), whose scrutiny session is overdue (``GroupCadenceRule/scrutiny``),
///   or that has not met at its cadence (``GroupCadenceRule/meeting``);
/// - ``SubGroupEscalationRule``: a sub-group report's escalation, at the level it names;
/// - ``PriorityWithoutActivityRule``: a priority of the year with no activity or no measure;
/// - ``VoiceChangedPracticeRule``: good practice, where what children and families said changed practice;
/// - ``UndeliverableMessageRule``: a message of the outbox that could not be delivered.
public struct PartnershipModule: AssuranceModule {
    /// `partnership`: the module's stable id.
    public var id: ModuleID { "partnership" }
    /// `Partnership`.
    public var name: String { "Partnership" }
    /// The attendance rule's settings.
    public var attendance: StatutoryPartnerAttendanceRule
    /// Months into the year before a priority with no activity or no measure is found.
    public var priorityGraceMonths: Int
    /// Months in which what children and families said and changed practice is reported as good practice.
    public var voiceWindowMonths: Int

    /// Creates the module.
    public init(
        attendance: StatutoryPartnerAttendanceRule = StatutoryPartnerAttendanceRule(),
        priorityGraceMonths: Int = 3,
        voiceWindowMonths: Int = 12
    ) {
        self.attendance = attendance
        self.priorityGraceMonths = priorityGraceMonths
        self.voiceWindowMonths = voiceWindowMonths
    }

    /// Memberships, meetings, group reports, scrutiny sessions and the voice of children and
    /// families; the structure (priorities among it) every module reads is the framework's own
    /// (``AssuranceFramework/coreRecordTypes``).
    public var recordTypes: [any StorableRecord.Type] {
        [
            Membership.self, Meeting.self, GroupReport.self, ScrutinySession.self, VoiceRecord.self,
            ScrutinyJudgement.self, Inspection.self, Survey.self,
        ]
    }

    /// Attendance and the voice of children and families in the Practice Development Group's and
    /// the yearly reports; group reports and the voice in sub-group reports; scrutiny sessions in
    /// scrutiny packs; progress on the priorities in the yearly report and the scrutiny pack.
    public var reportContributions: [ReportContribution] {
        [
            ReportContribution(.practiceDevelopmentAssurance, parts: [.voice, .body]),
            ReportContribution(.yearly, parts: [.voice, .body]),
            ReportContribution(.subGroupReport, parts: [.voice, .body]),
            ReportContribution(.scrutinyPack), ReportContribution(.agencyFeedback),
            ReportContribution(.practitionerBriefing, parts: [.voice]),
        ]
    }

    /// The partnership rules.
    public var rules: [any AssuranceRule] {
        [
            attendance, GroupCadenceRule.reporting, GroupCadenceRule.scrutiny, GroupCadenceRule.meeting,
            SubGroupEscalationRule(), PriorityWithoutActivityRule(graceMonths: priorityGraceMonths),
            VoiceChangedPracticeRule(months: voiceWindowMonths), UndeliverableMessageRule(),
        ]
    }

    /// Attendance by statutory partners, group reports, scrutiny sessions, progress on the
    /// priorities and the voice of children and families.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        var sections: [ReportSection] = []
        if [.yearly, .scrutinyPack].contains(request.kind),
            let priorities = try await prioritiesSection(view, request: request)
        {
            sections.append(priorities)
        }
        if [.yearly, .scrutinyPack].contains(request.kind),
            let judgements = try await judgementsSection(view, request: request)
        {
            sections.append(judgements)
        }
        if [.yearly, .practiceDevelopmentAssurance].contains(request.kind) {
            if let inspections = try await inspectionsSection(view, request: request) { sections.append(inspections) }
            if let surveys = try await surveysSection(view, request: request) { sections.append(surveys) }
        }
        switch request.kind {
        case .practiceDevelopmentAssurance, .yearly:
            if let table = try await attendanceTable(view, period: request.period) {
                sections.append(
                    ReportSection(
                        id: "partnership.attendance",
                        title: "Statutory partners' attendance",
                        module: name,
                        order: 10,
                        blocks: [.table(table)]
                    )
                )
            }
        case .subGroupReport:
            sections += try await groupReportSections(view, request: request)
        case .scrutinyPack:
            sections += try await scrutinySections(view, request: request)
        case .agencyFeedback:
            if let agency = request.agency,
                let section = try await feedbackSection(view, agency: agency, request: request)
            {
                sections.append(section)
            }
        default:
            break
        }
        if [.practiceDevelopmentAssurance, .subGroupReport, .yearly, .practitionerBriefing].contains(request.kind) {
            sections.append(try await voiceSection(view, request: request))
        }
        return sections
    }

    private func attendanceTable(_ view: AssuranceView, period: ReportingPeriod) async throws -> TableBlock? {
        let partners = try await view.all(Agency.self).filter(\.isStatutoryPartner)
        let groups = try await view.all(Group.self)
        let meetings = try await view.all(Meeting.self).filter { period.contains($0.day) }
        guard !partners.isEmpty, !meetings.isEmpty else { return nil }
        let byGroup = Dictionary(grouping: meetings, by: \.group)
        var rows: [[ReportCell]] = []
        for group in groups where byGroup[group.id] != nil {
            var row: [ReportCell] = [.text(group.name), .count(byGroup[group.id]!.count)]
            for partner in partners {
                let invited = byGroup[group.id]!.filter { $0.invited.contains(partner.id) }
                let attended = invited.filter { $0.attended.contains(partner.id) }.count
                row.append(
                    invited.isEmpty
                        ? .empty
                        : .percentage(
                            Double(attended) / Double(invited.count) * 100,
                            numerator: attended,
                            denominator: invited.count,
                            decimals: 0
                        )
                )
            }
            rows.append(row)
        }
        return TableBlock(
            caption: "Attendance of the statutory partners at partnership meetings, \(period.label)",
            columns: [.init("Group"), .init("Meetings", numeric: true)]
                + partners.map { .init($0.name, numeric: true) },
            rows: rows
        )
    }

    private func groupReportSections(_ view: AssuranceView, request: ReportRequest) async throws -> [ReportSection] {
        let reports = try await view.all(GroupReport.self).filter {
            request.period.contains($0.submittedOn) && (request.group == nil || $0.group == request.group)
        }.sorted { ($0.submittedOn, $0.id) < ($1.submittedOn, $1.id) }
        let groups = try await view.byID(Group.self)
        return reports.enumerated().map { offset, report in
            let groupName = groups[report.group]?.name ?? report.group.rawValue
            return ReportSection(
                id: "partnership.group-report.\(report.id)",
                title: "\(groupName): report of \(report.submittedOn)",
                module: name,
                order: 20 + offset,
                blocks: [
                    .text(TextBlock(heading: "Impact and outcomes", paragraphs: [report.impactAndOutcomes])),
                    .text(
                        TextBlock(
                            heading: "Barriers",
                            bullets: report.barriers.isEmpty ? ["None raised."] : report.barriers
                        )
                    ),
                    .text(
                        TextBlock(
                            heading: "Escalations",
                            bullets: report.escalations.isEmpty
                                ? ["None raised."]
                                : report.escalations.map {
                                    $0.level == .executive ? $0.text : "\($0.text) (raised to the \($0.level))"
                                }
                        )
                    ),
                ]
            )
        }
    }

    private func scrutinySections(_ view: AssuranceView, request: ReportRequest) async throws -> [ReportSection] {
        let sessions = try await view.all(ScrutinySession.self).filter {
            request.period.contains($0.heldOn) && (request.group == nil || $0.group == request.group)
        }.sorted { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) }
        let groups = try await view.byID(Group.self)
        return sessions.enumerated().map { offset, session in
            let groupName = groups[session.group]?.name ?? session.group.rawValue
            var blocks: [ReportBlock] = [
                .text(TextBlock(heading: "Outcomes", paragraphs: [session.outcomes])),
                .text(
                    TextBlock(
                        heading: "Impact on children and families",
                        paragraphs: [session.impactOnChildrenAndFamilies]
                    )
                ),
                .text(
                    TextBlock(
                        heading: "Should the group continue?",
                        paragraphs: [session.shouldContinue ? "Yes: the group continues." : "No: the group should end."]
                    )
                ),
            ]
            if let plan = session.endingPlan {
                blocks.append(.text(TextBlock(heading: "Plan for an ending", paragraphs: [plan])))
            }
            return ReportSection(
                id: "partnership.scrutiny.\(session.id)",
                title: "\(groupName): scrutiny session of \(session.heldOn)",
                module: name,
                order: 30 + offset,
                blocks: blocks
            )
        }
    }

    private func voiceSection(_ view: AssuranceView, request: ReportRequest) async throws -> ReportSection {
        let records = try await view.all(VoiceRecord.self).filter { request.period.contains($0.day) }
            .sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        var blocks: [ReportBlock] = []
        if records.isEmpty {
            blocks.append(
                .text(
                    TextBlock(paragraphs: [
                        "No views of children, young people or families were recorded in \(request.period.label)."
                    ])
                )
            )
        } else {
            let bySpeaker = Dictionary(grouping: records, by: \.speaker)
            blocks.append(
                .keyFigures(
                    VoiceRecord.Speaker.allCases.compactMap { speaker in
                        guard let count = bySpeaker[speaker]?.count else { return nil }
                        return KeyFigure(
                            label: count == 1
                                ? "View from \(speaker.label.lowercased())" : "Views from \(speaker.plural)",
                            // Records of consented views, each listed below: suppressing their count
                            // would hide nothing the table does not show.
                            value: .number(Double(count), decimals: 0)
                        )
                    }
                )
            )
            blocks.append(
                .table(
                    TableBlock(
                        caption: "What children, young people and families told us, and what changed (— where no "
                            + "change is recorded yet)",
                        columns: [
                            .init("Day"), .init("Who"), .init("How"), .init("What they told us"), .init("What changed"),
                        ],
                        rows: records.map {
                            [
                                .day($0.day), .text($0.speaker.name),
                                .text($0.channel.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst),
                                .text($0.consentedSummary),
                                .text($0.whatChanged ?? "—"),
                            ]
                        }
                    )
                )
            )
        }
        return ReportSection(
            id: "partnership.voice",
            title: "What children, young people and families told us",
            module: name,
            order: 0,
            part: .voice,
            blocks: blocks
        )
    }
}
