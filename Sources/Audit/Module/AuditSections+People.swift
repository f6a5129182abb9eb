import Domain
import Foundation

extension AuditSections {
    /// One agency's part in the audit programme over the period: each case return it made, on time
    /// or not, the grades it gave and, where the case was moderated, the overall grade.
    func feedback(_ state: AuditState, agency: Agency.ID, request: ReportRequest) -> [ReportSection] {
        let returns = state.returns.filter { $0.agency == agency && request.period.contains($0.dueOn) }
            .sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
        guard !returns.isEmpty else { return [] }
        let name = state.name(agency)
        let titles = state.audits.keyed(by: \.id, value: \.title)
        let cases = state.cases.keyed(by: \.id)
        let audits = state.audits.keyed(by: \.id)
        func label(_ code: RatingCode?, on scale: RatingScale) -> String {
            code.map { scale.level($0)?.label ?? $0.rawValue } ?? "—"
        }
        let onTime = returns.filter { held in held.submittedOn.map { $0 <= held.dueOn } ?? false }
        return [
            ReportSection(
                id: "audit.feedback",
                title: "\(Prose.possessive(name)) case returns to audits",
                module: module.name,
                order: 30,
                blocks: [
                    .keyFigures([
                        KeyFigure(label: "Case returns due", value: .number(Double(returns.count), decimals: 0)),
                        KeyFigure(label: "Returned on time", value: .number(Double(onTime.count), decimals: 0)),
                    ]),
                    .table(
                        TableBlock(
                            caption:
                                "\(Prose.possessive(name)) case returns, \(request.period.label): the grades it gave and the moderated judgement",
                            columns: [
                                .init("Audit"), .init("Due"), .init("Returned"), .init("Its grades"),
                                .init("Moderated overall"),
                            ],
                            rows: returns.map { held in
                                let tool = state.template(of: audits[held.audit])
                                let sections = tool.sections.keyed(by: \.code, value: \.title)
                                let grades = held.grades.keys.sorted().map {
                                    "\(sections[$0] ?? $0.rawValue): \(label(held.grades[$0]?.level, on: tool.scale))"
                                }
                                return [
                                    .text(titles[held.audit] ?? held.audit.rawValue), .day(held.dueOn),
                                    held.submittedOn.map { .day($0) } ?? .text("Not yet"),
                                    .text(grades.isEmpty ? "—" : grades.joined(separator: "; ")),
                                    .text(label(cases[held.auditCase]?.overall?.level, on: tool.scale)),
                                ]
                            }
                        )
                    ),
                ]
            )
        ]
    }

    /// What audits reported in the period found, strengths first, and what they recommend: for
    /// practitioners, in plain words.
    func briefing(
        _ state: AuditState,
        recommendations: [Recommendation.ID: String],
        request: ReportRequest
    ) -> [ReportSection] {
        let audits = state.audits.filter { $0.reached(.reported).map(request.period.contains) ?? false }
            .sorted { ($0.reached(.reported)!, $0.id) < ($1.reached(.reported)!, $1.id) }
        guard !audits.isEmpty else { return [] }
        let blocks: [ReportBlock] = audits.map { audit in
            let strengths = audit.findings.filter { $0.kind == .strength }.map(\.text)
            let gaps = audit.findings.filter { $0.kind != .strength }.map(\.text)
            var bullets = strengths.map { "Working well: \($0)" } + gaps.map { "To improve: \($0)" }
            bullets += audit.recommendations.compactMap { recommendations[$0] }.map { "What to do: \($0)" }
            return .text(
                TextBlock(
                    heading:
                        "\(audit.themes.map(\.label).joined(separator: ", ")): \(module.label(of: audit.type).lowercased())",
                    bullets: bullets.isEmpty ? ["Its findings are being written up."] : bullets
                )
            )
        }
        return [
            ReportSection(
                id: "audit.briefing",
                title: "What audits found",
                module: module.name,
                order: 20,
                blocks: blocks
            )
        ]
    }
}
