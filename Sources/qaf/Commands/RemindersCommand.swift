import Domain
import Foundation

/// `qaf reminders`: what falls due soon, soonest first, and who owes it.
enum RemindersCommand: Command {
    static let name = "reminders"
    static let summary = "list what falls due within some working days, soonest first, and who owes it"
    static let help = """
        usage: qaf reminders --db DB [--day YYYY-MM-DD] [--within N] [--format text|json]

        Lists every deadline the modules know of that falls due from the day (default today) to N working
        days after it (default 10): self-assessment returns, audit case returns, quarterly summaries,
        tracked actions, review clocks, child protection clocks recorded for a case, agencies'
        contributions to reviews, sub-group reports and scrutiny sessions. Each line names what is owed,
        the day it is due, the level and agency that owe it, and the day its reminder goes out (the
        partnership's reminder policy). The assurance cycle (qaf check) sends each reminder once.

        example:
          qaf reminders --db qaf-demo/partnership.sqlite --day 2026-04-30 --within 15
        """

    struct Row: Encodable {
        var dueOn: String
        var remindFrom: String
        var kind: String
        var what: String
        var level: String
        var agency: String?
        var group: String?
        var key: String
    }

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let dayText = try arguments.option("day")
        let within = try arguments.integer("within", in: 0...2_000) ?? 10
        let format = try arguments.choice("format", ["text", "json"], default: "text")
        _ = try arguments.positional([])
        try arguments.finish()
        let givenDay = try dayText.map { try dayArgument($0, name: "--day") }
        let store = try openDatabase(database, create: false)
        let environment = environment(store)
        let day = givenDay ?? environment.today()
        let framework = try await composedFramework(environment)
        let deadlines = try await framework.deadlines(on: day, within: within, as: operatorPrincipal)
        let agencies = try await framework.makeView().byID(Agency.self)
        let rows = deadlines.map {
            Row(
                dueOn: $0.dueOn.description,
                remindFrom: framework.reminders.remindFrom($0, calendar: environment.calendar).description,
                kind: $0.kind.rawValue,
                what: $0.what,
                level: $0.level.rawValue,
                agency: $0.agency?.rawValue,
                group: $0.group?.rawValue,
                key: $0.key
            )
        }
        if format == "json" {
            output(try json(rows))
        } else {
            for (deadline, row) in zip(deadlines, rows) {
                let owner =
                    deadline.agency.map { agencies[$0]?.name ?? $0.rawValue }
                    ?? framework.document.name(of: deadline.level)
                output("\(row.dueOn) · \(deadline.what) · owed by \(owner) · reminded from \(row.remindFrom)\n")
            }
        }
        message(
            "\(deadlines.count) due from \(day) to \(environment.calendar.adding(workingDays: within, to: day)) (\(within) working days)"
        )
    }
}
