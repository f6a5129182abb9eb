// qaf: the thin demo CLI over the library. Each subcommand parses its arguments, calls the public API
// and prints; it holds no domain logic.
import Domain
import Foundation

let version = "0.2.0"

let commands: [any Command.Type] = [
    DemoCommand.self, NewCommand.self, ProfileCommand.self, CheckCommand.self, DeliverCommand.self, OutboxCommand.self,
    RemindersCommand.self,
    ReportCommand.self, RulesCommand.self, ScenariosCommand.self, ImportCommand.self, ExportCommand.self,
    RestoreCommand.self, VerifyCommand.self, Section11Command.self, FormCommand.self, SPCCommand.self,
    CompareCommand.self,
    ClocksCommand.self, DeadlineCommand.self,
    WorkingDaysCommand.self,
]

/// The options of every command that take no value.
let commandFlags: Set<String> = [
    "screen-outliers", "no-screen-outliers", "replace", "dry-run", "deliver", "now", "retry-undeliverable",
]

@MainActor func overview() -> String {
    var text = """
        qaf \(version): a safeguarding partnership's quality assurance framework, from the command line.

        usage: qaf <command> [options]

        commands:

        """
    let width = commands.map { $0.name.count }.max() ?? 0
    for command in commands {
        text += "  \(command.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)\n"
    }
    text += "\nRun 'qaf <command> --help' for a command's options and an example.\n"
    return text
}

var raw = Array(CommandLine.arguments.dropFirst())
guard let first = raw.first else {
    message(overview())
    exit(ExitCode.usage.rawValue)
}
if first == "--help" || first == "-h" || first == "help" {
    output(overview())
    exit(0)
}
if first == "--version" {
    output("qaf \(version)\n")
    exit(0)
}
guard let command = commands.first(where: { $0.name == first }) else {
    message("qaf: unknown command \(DomainError.quote(first)); see 'qaf --help'")
    exit(ExitCode.usage.rawValue)
}
raw.removeFirst()
if raw.contains("--help") || raw.contains("-h") {
    output(command.help + "\n")
    exit(0)
}
do {
    var arguments = try Arguments(command: command.name, raw, flags: commandFlags)
    try await command.run(&arguments)
    exit(0)
} catch let error as CLIError {
    message("qaf \(command.name): \(error.message)")
    exit(error.code.rawValue)
} catch let error as DomainError {
    message("qaf \(command.name): \(error.message)")
    exit(error.code.exitStatus)
} catch {
    message("qaf \(command.name): internal error: \(error)")
    exit(ExitCode.software.rawValue)
}
