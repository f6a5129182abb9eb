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
        or failed with the difference. Exits 0 when all pass, 1 when any fails, 65 for a malformed file.

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
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            let scenario = try Scenario(json: FileManager.default.contents(atPath: path) ?? Data(), source: path)
            let result: ScenarioResult
            do {
                result = try await runner.run(scenario)
            } catch let error as DomainError where error.code == .invalidInput {
                throw DomainError(.invalidInput, "\(path): \(error.message)")
            }
            if result.passed {
                output("passed  \(file): \(result.name)\n")
            } else {
                failed += 1
                output("FAILED  \(file): \(result.name)\n")
                for difference in result.differences { output("        \(difference)\n") }
            }
        }
        message("\(files.count - failed) of \(files.count) scenarios passed")
        if failed > 0 { throw CLIError(.failure, "\(failed) scenario\(failed == 1 ? "" : "s") failed") }
    }
}
