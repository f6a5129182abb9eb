import AssuranceTesting
import Domain
import Foundation

/// `qaf scenarios run`: runs scenario files through the real assurance cycle, like a test runner.
enum ScenariosCommand: Command {
    static let name = "scenarios"
    static let summary = "run scenario files (a state, days, expected findings) through the assurance cycle"
    static let help = """
        usage: qaf scenarios run DIR [--profile FILE]

        Runs every *.json scenario file in DIR (qaf-scenario; see Documentation/DataFormats.md): each sets
        up a small partnership from the profile (default the starter profile) and its own records and
        observations, runs the assurance cycle on each of its days on an in-memory store, and compares the
        open findings, their levels and the reminders sent with what it expects. Prints each as passed
        or failed with the difference, and every malformed file with its problems (the run goes on).
        Exits 0 when all pass, 65 when any file is malformed, otherwise 1 when any fails.

        example:
          qaf scenarios run Tests/Scenarios/starter
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["action", "dir"])
        let profilePath = try arguments.option("profile")
        try arguments.finish()
        guard values[0] == "run" else {
            throw CLIError.usage("unknown action \(DomainError.quote(values[0])); expected run", command: name)
        }
        let directory = values[1]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw CLIError(.noInput, "no directory at \(directory)")
        }
        let profile = try profilePath.map { try ProfileCommand.readWhole($0).0 } ?? starterProfile
        let runner = ScenarioRunner(profile: profile, modules: moduleTypes)
        var failed = 0
        var malformed = 0
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            // A malformed file is reported and the run goes on: one mistake must not hide the rest.
            let result: ScenarioResult
            do {
                let scenario = try Scenario(json: FileManager.default.contents(atPath: path) ?? Data(), source: path)
                result = try await runner.run(scenario)
            } catch let error as DomainError where error.code == .invalidInput {
                malformed += 1
                let text = error.message.hasPrefix(path) ? error.message : "\(path): \(error.message)"
                output("MALFORMED  \(file)\n" + text.split(separator: "\n").map { "        \($0)\n" }.joined())
                continue
            }
            if result.passed {
                output("passed  \(file): \(result.name)\n")
            } else {
                failed += 1
                output("FAILED  \(file): \(result.name)\n")
                for difference in result.differences { output("        \(difference)\n") }
            }
        }
        message(
            "\(files.count - failed - malformed) of \(files.count) scenarios passed"
                + (malformed > 0 ? "; \(malformed) malformed" : "") + (failed > 0 ? "; \(failed) failed" : "")
        )
        if malformed > 0 {
            throw CLIError(.dataError, "\(malformed) scenario file\(malformed == 1 ? " is" : "s are") malformed")
        }
        if failed > 0 { throw CLIError(.failure, "\(failed) scenario\(failed == 1 ? "" : "s") failed") }
    }
}
