public import Domain
import Foundation

/// Assembles the partnership's standard reports from the composed modules and the open findings.
///
/// Reporting never imports a feature module: each module contributes its sections through
/// `AssuranceModule.reportSections`, and the findings come from the store. A report
/// that draws on a module the host did not compose says so in ``Report/absentModules``.
///
/// ```swift
/// let reports = StandardReports(framework: framework)
/// let report = try await reports.make(
///     ReportRequest(kind: .practiceDevelopmentAssurance, period: quarter, audience: .partnership, day: day),
///     as: qaLead)
/// let html = HTMLRenderer().render(report)
/// ```
public struct StandardReports: Sendable {
    /// The framework whose modules and records the reports draw on.
    public let framework: AssuranceFramework
    /// The disclosure policy for partnership and public audiences.
    public let disclosure: Disclosure

    /// Creates the assembler.
    ///
    /// - Parameters:
    ///   - framework: The framework whose modules and records the reports draw on.
    ///   - disclosure: The disclosure policy; by default, the framework's rule
    ///     (`FrameworkDocument.suppressedCounts` and `FrameworkDocument.sectionsNamingAgencies`, from
    ///     the profile).
    public init(framework: AssuranceFramework, disclosure: Disclosure? = nil) {
        self.framework = framework
        self.disclosure =
            disclosure
            ?? Disclosure(
                smallCounts: framework.document.suppressedCounts,
                sectionsNamingAgencies: framework.document.sectionsNamingAgencies
            )
    }

    /// A report about a group or an agency is about one the partnership has.
    static func check<Kind: IdentifierKind, Record>(
        _ id: Identifier<Kind>?,
        in known: [Identifier<Kind>: Record],
        noun: String
    ) throws(DomainError) {
        guard let id, known[id] == nil else { return }
        throw DomainError(
            .invalidInput,
            "the partnership has no \(noun) \(DomainError.quote(id.rawValue)); expected one of "
                + known.keys.map(\.rawValue).sorted().joined(separator: ", "),
            context: .init(field: noun, value: id.rawValue)
        )
    }

    /// Makes a report, fitted to its audience.
    ///
    /// The report's `ReportDefinition` (from the framework: a standard one or a module's) gives
    /// its title, what it is about, the periods it may cover and the order of its parts; the
    /// composed modules that contribute to its kind give the sections of each part.
    ///
    /// Every section reads one view, made by `AssuranceFramework.view(for:as:)`, which checks the
    /// maker may read what the report shows; each analysis a module memoizes on it (every series'
    /// SPC) is made once for the whole report.
    ///
    /// - Throws: `DomainError.Code.accessDenied` when the principal may not read the
    ///   partnership's findings, or, for an internal report, its audit case records;
    ///   `DomainError.Code.invalidInput` for a kind the framework does not know, a report about a
    ///   group without a group, a group or an agency the partnership does not have (naming the ones
    ///   it has), a period of a kind the report does not cover, or a report about one agency (its
    ///   feedback) for the public.
    public func make(_ request: ReportRequest, as principal: Principal) async throws -> Report {
        let definition = try framework.reportDefinition(for: request.kind)
        if definition.subject == .agency, request.audience == .public {
            // An agency's report judges the agency criterion by criterion: the disclosure rules keep
            // agency-level ratings out of anything published.
            throw DomainError(
                .invalidInput,
                "\(definition.title) is for the partnership and the agency, not for the public: it rates one "
                    + "agency criterion by criterion; ask for the partnership audience (or internal)",
                context: .init(field: "audience", value: request.audience.rawValue)
            )
        }
        let view = try framework.view(for: request, as: principal)
        let partnership = try await view.all(Partnership.self).first?.name ?? "The partnership"
        let groups = try await view.byID(Group.self)
        let agencies = try await view.byID(Agency.self)
        try Self.check(request.group, in: groups, noun: "group")
        try Self.check(request.agency, in: agencies, noun: "agency")
        let groupName =
            request.group.map { groups[$0]?.name ?? $0.rawValue }
            ?? (definition.subject == .agency ? request.agency.map { agencies[$0]?.name ?? $0.rawValue } : nil)
        var contributed = try await framework.reportSections(for: request, in: view)
        let findings = try await findingSections(request, definition, view)
        let absent = definition.expectedModules.filter { !framework.moduleNames.contains($0) }
        let carrier = framework.reportDefinitions.first { $0.detailOf == request.kind }
        if carrier == nil {
            // No composed report carries this one's detail: it stays in the body.
            for index in contributed.indices where contributed[index].part == .detail {
                contributed[index].part = .body
            }
        }
        var appendixFindings = definition.layout.contains(.findings) && carrier == nil ? findings.items : []
        if let detailOf = definition.detailOf {
            let detail = try await detailSections(of: detailOf, for: request, as: principal)
            let held = Set(contributed.map(\.id))
            contributed += detail.sections.filter { !held.contains($0.id) }
            appendixFindings = detail.findings
        }

        var sections: [ReportSection] = []
        for part in definition.layout {
            switch part {
            case .summary:
                var summary = summary(
                    request,
                    definition,
                    findings: findings.items,
                    absent: absent,
                    groupName: groupName
                )
                if let carrier {
                    summary.blocks.append(.text(Self.detailNote(contributed, carrier: carrier)))
                }
                sections.append(summary)
            case .findings:
                sections += findings.sections
            default:
                sections += ordered(contributed.filter { $0.part == part })
            }
        }
        if let appendix = rulesAppendix(appendixFindings) { sections.append(appendix) }
        if !absent.isEmpty { sections.append(Self.notIncluded(absent)) }
        let title = [definition.title, groupName].compactMap(\.self).joined(separator: ": ")
        let report = Report(
            kind: request.kind,
            title: title,
            partnership: partnership,
            period: request.period,
            audience: request.audience,
            day: request.day,
            group: groupName,
            absentModules: absent,
            sections: sections
        )
        var policy = disclosure
        if policy.agencyNames.isEmpty { policy.agencyNames = agencies.values.map(\.name) }
        return policy.apply(to: report)
    }

    /// Stores a report as published, so that viewers may read it.
    @discardableResult
    public func publish(_ report: Report, by principal: Principal) async throws -> PublishedReport {
        let environment = framework.environment
        let published = PublishedReport(
            id: PublishedReport.ID(rawValue: report.fileStem) ?? environment.ids.make(),
            kind: report.kind,
            title: report.title,
            period: report.period,
            audience: report.audience,
            publishedOn: report.day,
            json: JSONRenderer().render(report)
        )
        let held = try await environment.records.load(PublishedReport.self, id: published.id, as: principal)
        return try await environment.records.save(published, version: held?.version ?? 0, by: principal).value
    }

    /// The section naming the modules a report would draw on that the host did not compose.
    static func notIncluded(_ absent: [String]) -> ReportSection {
        ReportSection(
            id: "report.absent",
            title: "Not included",
            module: "Reporting",
            order: 0,
            blocks: [
                .text(
                    TextBlock(
                        paragraphs: ["This report would draw on modules that are not part of this installation:"],
                        bullets: absent.map { "\($0): its sections are not included." }
                    )
                )
            ]
        )
    }

    /// The detail of the report `kind` that a report carrying it shows: the sections its modules
    /// place in the detail part, and the findings whose rules its appendix explains.
    private func detailSections(
        of kind: ReportKind,
        for request: ReportRequest,
        as principal: Principal
    ) async throws -> (sections: [ReportSection], findings: [Finding]) {
        let definition = try framework.reportDefinition(for: kind)
        var carried = request
        carried.kind = kind
        let view = try framework.view(for: carried, as: principal)
        let sections = try await framework.reportSections(for: carried, in: view).filter { $0.part == .detail }
        return (sections, try await findingSections(carried, definition, view).items)
    }

    /// Where a report's detail is: the report that carries it, and what that holds.
    static func detailNote(_ contributed: [ReportSection], carrier: ReportDefinition) -> TextBlock {
        TextBlock(
            paragraphs: ["The detail behind this report is in the \(carrier.title.lowercased()) of the same period:"],
            bullets: contributed.filter { $0.part == .detail }.map(\.title)
                + ["The rules behind the findings, with every threshold"]
        )
    }

    private func ordered(_ sections: [ReportSection]) -> [ReportSection] {
        let modules = framework.moduleNames
        return sections.enumerated().sorted { lhs, rhs in
            let left = modules.firstIndex(of: lhs.element.module) ?? Int.max
            let right = modules.firstIndex(of: rhs.element.module) ?? Int.max
            if left != right { return left < right }
            if lhs.element.order != rhs.element.order { return lhs.element.order < rhs.element.order }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    private func summary(
        _ request: ReportRequest,
        _ definition: ReportDefinition,
        findings: [Finding],
        absent: [String],
        groupName: String?
    ) -> ReportSection {
        let bySeverity = Dictionary(grouping: findings, by: \.severity)
        let byLevel = Dictionary(grouping: findings, by: \.level)
        var paragraphs = [
            "\(definition.title) for \(request.period.label) (\(request.period.firstDay.longForm) to \(request.period.lastDay.longForm)), made on \(request.day.longForm) for a\(request.audience == .internal ? "n" : "") \(request.audience) audience."
        ]
        if let groupName { paragraphs.append("It concerns \(groupName).") }
        if !absent.isEmpty {
            paragraphs.append(
                "Sections of \(absent.joined(separator: ", ")) are not included: see the end of the report."
            )
        }
        return ReportSection(
            id: "report.summary",
            title: "Summary",
            module: "Reporting",
            order: 0,
            blocks: [
                .text(TextBlock(paragraphs: paragraphs)),
                .keyFigures(
                    Severity.balancedOrder.map { severity in
                        KeyFigure(
                            label: severity.description,
                            value: .number(Double(bySeverity[severity]?.count ?? 0), decimals: 0)
                        )
                    }
                ),
                .table(
                    TableBlock(
                        caption: "Open findings by the level that must act",
                        columns: [.init("Level"), .init("Findings", numeric: true)],
                        rows: framework.escalation.route.reversed().map {
                            [.text(levelName($0)), .number(Double(byLevel[$0]?.count ?? 0), decimals: 0)]
                        }
                    )
                ),
            ]
        )
    }

    private struct FindingSections {
        var items: [Finding]
        var sections: [ReportSection]
    }

    /// The balanced assurance report's parts, in the framework's order: decisions needed now, emerging
    /// risks and issues, unresolved or recurring concerns, areas for improvement, good practice.
    ///
    /// A report about one group lists every finding. A report to the Executive lists in full the
    /// findings that the Executive and the Practice Development Group must act on, and counts the rest
    /// by rule: a county raises hundreds of agency-level findings, which their sub-groups and agencies
    /// handle, and the Executive needs to see how many there are and how long the oldest has stood,
    /// not each one.
    private func findingSections(
        _ request: ReportRequest,
        _ definition: ReportDefinition,
        _ view: AssuranceView
    ) async throws -> FindingSections {
        var findings = try await view.all(Finding.self).filter { $0.status == .open && $0.raisedOn <= request.day }
        let aboutOneGroup = definition.findings == .group || definition.findings == .agency
        if let group = request.group, definition.findings == .group {
            findings = findings.filter { $0.group == group }
        }
        if definition.findings == .agency {
            findings = findings.filter { $0.agency != nil && $0.agency == request.agency }
        }
        let rules = framework.ruleCatalogue.keyed(by: \.id)
        let agencies = try await view.byID(Agency.self)
        func source(_ rule: RuleID) -> String { Self.source(rule, rules) }
        let top = framework.escalation.route.last ?? .executive
        let deciding = try await deciders(for: findings, top: top, on: request.day, in: view)
        func decision(_ finding: Finding) -> FindingsBlock.DecisionAsked? {
            guard finding.severity != .goodPractice, finding.decision == nil,
                finding.severity == .decisionRequired || finding.level == top,
                let options = rules[finding.rule]?.decision, let decider = deciding[finding.level]
            else { return nil }
            return FindingsBlock.DecisionAsked(
                options: options.options,
                recommended: options.recommended,
                decider: decider.name,
                decideBy: decider.nextMeeting,
                ifUndecided: options.ifUndecided
            )
        }
        let sections = Severity.balancedOrder.map { severity -> ReportSection in
            let all = findings.filter { $0.severity == severity }.sorted(by: Finding.inFrameworkOrder)
            var itemised = aboutOneGroup ? all : all.filter { $0.level >= .practiceDevelopmentGroup }
            let counted = aboutOneGroup ? [] : all.filter { $0.level < .practiceDevelopmentGroup }
            var blocks: [ReportBlock] = []
            if all.isEmpty { blocks.append(.text(TextBlock(paragraphs: ["None."]))) }
            var byTheme: ReportBlock?
            if severity == .goodPractice, !aboutOneGroup, itemised.count > Self.goodPracticeListedInFull {
                let grouped = Self.goodPracticeByTheme(itemised, rules: rules)
                itemised = grouped.strongest
                byTheme = grouped.table
            }
            if !itemised.isEmpty {
                blocks.append(
                    .findings(
                        FindingsBlock(
                            caption: severity.description,
                            items: itemised.map { finding in
                                FindingsBlock.Item(
                                    severity: finding.severity,
                                    level: finding.level,
                                    since: finding.atLevelSince,
                                    message: Prose.longDays(in: finding.message),
                                    source: source(finding.rule),
                                    evidence: finding.evidence.map { Prose.longDays(in: $0.title) },
                                    agency: finding.agency.map { agencies[$0]?.name ?? $0.rawValue },
                                    levelName: levelName(finding.level),
                                    arose: finding.aroseOn,
                                    decision: decision(finding)
                                )
                            }
                        )
                    )
                )
            }
            if let byTheme { blocks.append(byTheme) }
            if !counted.isEmpty { blocks.append(countedByRule(counted, severity: severity, rules: rules)) }
            return ReportSection(
                id: "findings.\(severity.rawValue)",
                title: severity.description,
                module: "Reporting",
                order: 0,
                blocks: blocks
            )
        }
        return FindingSections(items: findings, sections: sections)
    }

    static func shortCitation(_ citation: String) -> String {
        citation.components(separatedBy: "; ").map { part in
            part.range(of: ": ").map { String(part[..<$0.lowerBound]) } ?? part
        }.joined(separator: "; ")
    }

    /// The appendix naming, for each rule behind a finding in the report, what it checks, its whole
    /// source and the thresholds it used, so that the body's source lines can stay short.
    private func rulesAppendix(_ findings: [Finding]) -> ReportSection? {
        let rules = framework.ruleCatalogue.keyed(by: \.id)
        let used = Set(findings.map(\.rule)).compactMap { rules[$0] }.sorted { $0.title < $1.title }
        guard !used.isEmpty else { return nil }
        return ReportSection(
            id: "report.rules",
            title: "The rules behind the findings",
            module: "Reporting",
            order: 0,
            blocks: [
                .table(
                    TableBlock(
                        caption: "Each rule behind a finding in this report: what it checks, its source and thresholds",
                        columns: [.init("Rule"), .init("What it checks"), .init("Source"), .init("Thresholds")],
                        rows: used.map { rule in
                            [
                                .text(rule.title), .text(rule.summary), .text(rule.source.citation),
                                .text(
                                    rule.localDefaults.isEmpty
                                        ? "None" : rule.localDefaults.map(\.description).joined(separator: "; ")
                                ),
                            ]
                        }
                    )
                )
            ]
        )
    }

    /// Findings below the Practice Development Group, counted by level and rule, with the oldest's day.
    private func countedByRule(
        _ counted: [Finding],
        severity: Severity,
        rules: [RuleID: RuleDescription]
    ) -> ReportBlock {
        let groups = Dictionary(grouping: counted) { "\($0.level.rawValue)|\($0.rule)" }
        let rows = groups.values.map { members -> (EscalationLevel, String, [ReportCell]) in
            let first = members[0]
            let title = rules[first.rule]?.title ?? first.rule.rawValue
            let oldest: Day = members.map(\.atLevelSince).min()!
            let cells: [ReportCell] = [
                .text(title), .text(levelName(first.level)), .number(Double(members.count), decimals: 0),
                .day(oldest), .text(rules[first.rule].map { Self.shortCitation($0.source.citation) } ?? ""),
            ]
            return (first.level, title, cells)
        }.sorted {
            (lhs: (EscalationLevel, String, [ReportCell]), rhs: (EscalationLevel, String, [ReportCell])) in
            lhs.0 != rhs.0 ? lhs.0 > rhs.0 : lhs.1 < rhs.1
        }.map(\.2)
        return .table(
            TableBlock(
                caption: "\(severity.description) that sub-groups and agencies are acting on, by rule",
                columns: [
                    .init("Finding"), .init("Level"), .init("Open", numeric: true),
                    .init("Oldest at its level since"),
                    .init("Source"),
                ],
                rows: rows
            )
        )
    }

    /// A level as the partnership names it, for a table or a list.
    func levelName(_ level: EscalationLevel) -> String {
        let name = framework.document.name(of: level)
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
