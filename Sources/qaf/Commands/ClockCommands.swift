import Domain
import Foundation
import Learning

/// The clocks of a database, or the starter clocks.
func loadClocks(_ arguments: inout Arguments) async throws -> [StatutoryClock] {
    guard let path = try arguments.option("db") else { return StatutoryClock.starter }
    return try await LearningTracker(environment: environment(try openDatabase(path, create: false))).clocks()
}

/// A day given as an argument: malformed text is bad data (exit 65).
func dayArgument(_ text: String, name: String) throws -> Day {
    do {
        return try Day(parsing: text)
    } catch {
        throw CLIError(.dataError, "\(name): \(error.message)")
    }
}

/// `qaf clocks`: every statutory clock with its rule and source.
enum ClocksCommand: Command {
    static let name = "clocks"
    static let summary = "list the statutory clocks with their rules and sources"
    static let help = """
        usage: qaf clocks [--db DB] [--format text|json]

        Lists every clock: its id, what it measures, its rule and the source of the obligation. With --db,
        a partnership's own changes to the clocks are shown.

        example:
          qaf clocks
        """

    struct Row: Encodable {
        var id: String
        var name: String
        var rule: String
        var endsWith: String
        var source: String
        var url: String?
    }

    static func run(_ arguments: inout Arguments) async throws {
        let format = try arguments.choice("format", ["text", "json"], default: "text")
        let clocks = try await loadClocks(&arguments)
        _ = try arguments.positional([])
        try arguments.finish()
        let rows = clocks.map {
            Row(
                id: $0.id.rawValue,
                name: $0.name,
                rule: $0.rule,
                endsWith: $0.endsWith,
                source: $0.source.citation,
                url: $0.source.url
            )
        }
        if format == "json" {
            output(try json(rows))
            return
        }
        let width = rows.map(\.id.count).max() ?? 0
        for row in rows {
            output(
                "\(row.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(row.name): \(row.rule), until \(row.endsWith)\n"
            )
            output("\(String(repeating: " ", count: width))  source: \(row.source)\n")
        }
    }
}

/// `qaf deadline`: the day a clock falls due.
enum DeadlineCommand: Command {
    static let name = "deadline"
    static let summary = "the day a statutory clock falls due (ISO 8601)"
    static let help = """
        usage: qaf deadline [--db DB] CLOCK START-DAY

        Prints the day CLOCK falls due when it starts on START-DAY (YYYY-MM-DD). N working days from a day
        is the Nth working day after it in England and Wales (the day itself is day 0, working day or not);
        N months from a day is the same day of the month N months later, or that month's last day.

        example:
          qaf deadline rapid-review 2025-12-19        # prints 2026-01-14
        """

    static func run(_ arguments: inout Arguments) async throws {
        let clocks = try await loadClocks(&arguments)
        let values = try arguments.positional(["clock", "start-day"])
        try arguments.finish()
        guard let clock = clocks.first(where: { $0.id.rawValue == values[0] }) else {
            throw CLIError.usage(
                "unknown clock \(DomainError.quote(values[0])); expected one of \(clocks.map(\.id.rawValue).joined(separator: ", "))",
                command: name
            )
        }
        let start = try dayArgument(values[1], name: "START-DAY")
        output("\(clock.deadline(from: start, calendar: EnglandAndWalesCalendar()))\n")
    }
}

/// `qaf working-days`: the working days between two days.
enum WorkingDaysCommand: Command {
    static let name = "working-days"
    static let summary = "the number of working days after one day up to and including another"
    static let help = """
        usage: qaf working-days FROM TO

        Prints the number of working days (England and Wales) after FROM up to and including TO; negative
        when TO is before FROM.

        example:
          qaf working-days 2025-12-19 2026-01-02      # prints 7
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["from", "to"])
        try arguments.finish()
        let from = try dayArgument(values[0], name: "FROM")
        let to = try dayArgument(values[1], name: "TO")
        output("\(EnglandAndWalesCalendar().workingDays(after: from, through: to))\n")
    }
}
