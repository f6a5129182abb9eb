import Domain
import Foundation
import Reporting

/// `qaf check`: runs the assurance cycle on a database and prints the open findings.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "run the assurance cycle for a day and print the open findings"
    static let help = """
        usage: qaf check --db DB [--day YYYY-MM-DD] [--format text|json]
                   [--deliver [--sendmail PROGRAM] [--webhook URL]]

        Runs every rule of every module for the day (default today): raises new findings, keeps those
        still found, resolves those no longer found and escalates those left too long. Prints the open
        findings, most serious first, each with the level that must act and since when.
        What must be told to whom goes into the outbox in the same transaction: a daily digest for each
        contact of the profile (or a message each, as they prefer; a decision asked of the top level at
        once). --deliver then sends what is pending, as 'qaf deliver' does; --sendmail and --webhook
        override the profile's, for trying it. Running the same day again sends nothing twice.

        example:
          qaf check --db qaf-demo/partnership.sqlite --day 2026-04-30
          qaf check --db partnership.sqlite --deliver --sendmail /usr/bin/msmtp
        """

    struct Row: Encodable {
        var severity: String
        var level: String
        var since: String
        var rule: String
        var message: String
        var agency: String?
        var group: String?
        var dueOn: String?
    }

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let dayText = try arguments.option("day")
        let format = try arguments.choice("format", ["text", "json"], default: "text")
        let deliver = arguments.flag("deliver")
        let sendmail = try arguments.option("sendmail")
        let webhook = try webhookOption(try arguments.option("webhook"), command: name)
        _ = try arguments.positional([])
        try arguments.finish()
        if !deliver, sendmail != nil || webhook != nil {
            throw CLIError.usage("--sendmail and --webhook go with --deliver", command: name)
        }
        let givenDay = try dayText.map { try dayArgument($0, name: "--day") }
        let store = try openDatabase(database, create: false)
        let environment = environment(store)
        let day = givenDay ?? environment.today()
        let profile = try await profile(of: store)
        let framework = try AssuranceFramework(
            profile: profile,
            modules: moduleTypes,
            environment: environment,
            notifier: composedNotifier(environment, contacts: profile.contacts, sendmail: sendmail, webhook: webhook)
        )
        let outcome = try await framework.runCycle(on: day, by: operatorPrincipal, delivering: deliver)
        let open = outcome.open.sorted(by: Finding.inFrameworkOrder)
        let rows = open.map {
            Row(
                severity: $0.severity.rawValue,
                level: $0.level.rawValue,
                since: $0.atLevelSince.description,
                rule: $0.rule.rawValue,
                message: $0.message,
                agency: $0.agency?.rawValue,
                group: $0.group?.rawValue,
                dueOn: $0.dueOn?.description
            )
        }
        if format == "json" {
            output(try json(rows))
        } else {
            for finding in open {
                output(
                    "\(finding.severity.description) · \(framework.document.name(of: finding.level)) since \(finding.atLevelSince) · \(finding.rule)\n"
                )
                output("  \(finding.message)\n")
            }
        }
        message(
            "cycle of \(day): \(outcome.raised.count) raised, \(outcome.kept.count) still open, \(outcome.resolved.count) resolved, "
                + "\(outcome.escalated.count) escalated; \(open.count) open; "
                + "\(outcome.messages.count) message\(outcome.messages.count == 1 ? "" : "s") for the outbox"
        )
        if let delivery = outcome.delivery {
            for failed in delivery.retrying + delivery.undeliverable {
                message("\(failed.recipient): \(failed.error ?? "failed")")
            }
            message(deliverySummary(delivery))
        }
    }
}

/// `qaf report`: one of the standard reports, in a format.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "write a standard report as HTML, Markdown, JSON or CSV"
    static let kinds = (ReportDefinition.standard + composedModules().flatMap(\.reportDefinitions)).map(\.kind.rawValue)
    static let help = """
        usage: qaf report KIND --db DB --period PERIOD [--format html|md|json|csv] [--audience AUDIENCE]
                   [--group GROUP] [--agency AGENCY] [--day YYYY-MM-DD] [-o OUT]

        KIND is one of \(kinds.joined(separator: ", ")).
        PERIOD is a period's canonical text: FY2025-26 (a year from 1 April), FY2025-26-Q4 (a quarter),
        2026-03 (a month). A quarterly summary needs a quarter; a sub-group report or scrutiny pack needs
        --group, the group's id; an agency's feedback needs a year and --agency, the agency's id.
        --audience internal (everything), partnership (no case references; the default) or public (small
        numbers suppressed as c, no agency-level ratings).
        --day the day the report is made (default today): findings open on that day are reported.
        -o the file to write (default standard output); for csv, a directory that gets one file per table.

        example:
          qaf report pdg-assurance --db qaf-demo/partnership.sqlite --period FY2025-26-Q4 --format html -o pdg.html
          qaf report agency-feedback --db qaf-demo/partnership.sqlite --period FY2025-26 --agency police -o police.html
          qaf report practitioner-briefing --db qaf-demo/partnership.sqlite --period FY2025-26-Q4 --audience public
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["kind"])
        guard let kind = try? ReportKind(validating: values[0]), kinds.contains(kind.rawValue) else {
            throw CLIError.usage(
                "unknown report \(DomainError.quote(values[0])); expected one of \(kinds.joined(separator: ", "))",
                command: name
            )
        }
        let database = try arguments.required("db")
        let periodText = try arguments.required("period")
        let format = try arguments.choice("format", ["html", "md", "json", "csv"], default: "html")
        let audienceText = try arguments.choice("audience", Audience.allCases.map(\.rawValue), default: "partnership")
        let groupText = try arguments.option("group")
        let agencyText = try arguments.option("agency")
        let dayText = try arguments.option("day")
        let out = try arguments.option("o")
        try arguments.finish()
        let period: ReportingPeriod
        do {
            period = try ReportingPeriod(parsing: periodText)
        } catch {
            throw CLIError.usage("--period: \(error.message)", command: name)
        }
        let group: Group.ID?
        do {
            group = try groupText.map { try Group.ID(validating: $0) }
        } catch {
            throw CLIError.usage("--group: \((error as? DomainError)?.message ?? "\(error)")", command: name)
        }
        let agency: Agency.ID?
        do {
            agency = try agencyText.map { try Agency.ID(validating: $0) }
        } catch {
            throw CLIError.usage("--agency: \((error as? DomainError)?.message ?? "\(error)")", command: name)
        }
        if format == "csv", out == nil { throw CLIError.usage("csv needs -o DIRECTORY for its files", command: name) }
        let givenDay = try dayText.map { try dayArgument($0, name: "--day") }
        let store = try openDatabase(database, create: false)
        let environment = environment(store)
        let day = givenDay ?? environment.today()
        let framework = try await composedFramework(environment)
        let request = ReportRequest(
            kind: kind,
            period: period,
            audience: Audience(rawValue: audienceText)!,
            day: day,
            group: group,
            agency: agency
        )
        let report = try await StandardReports(framework: framework).make(request, as: operatorPrincipal)
        switch format {
        case "csv":
            let directory = out!
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let files = CSVRenderer().render(report)
            for file in files {
                try DemoCommand.write(file.contents, to: (directory as NSString).appendingPathComponent(file.name))
            }
            message("wrote \(files.count) CSV files to \(directory)")
        default:
            let text =
                switch format {
                case "md": MarkdownRenderer().render(report)
                case "json": JSONRenderer().render(report)
                default: HTMLRenderer().render(report)
                }
            if let out {
                try DemoCommand.write(text, to: out)
                message("wrote \(out)")
            } else {
                output(text)
            }
        }
    }
}

/// `qaf rules`: the rule catalogue with each rule's source.
enum RulesCommand: Command {
    static let name = "rules"
    static let summary = "list every assurance rule with the obligation it checks and its source"
    static let help = """
        usage: qaf rules [--profile FILE] [--format text|md|json]

        Lists the rules of every module the CLI composes, citing the framework of a partnership
        profile (default the starter profile) in its own words, with its thresholds and how its
        findings escalate. --format md writes the catalogue as Markdown, as committed in
        Documentation/Rules.md.

        example:
          qaf rules --format md > Documentation/Rules.md
          qaf rules --profile partnership.qaf-profile.json
        """

    static func run(_ arguments: inout Arguments) async throws {
        let format = try arguments.choice("format", ["text", "md", "json"], default: "text")
        let path = try arguments.option("profile")
        _ = try arguments.positional([])
        try arguments.finish()
        let profile = try path.map { try ProfileCommand.readWhole($0).0 } ?? starterProfile
        let framework = try AssuranceFramework(profile: profile, modules: moduleTypes)
        let catalogue = framework.ruleCatalogue
        switch format {
        case "json": output(try json(catalogue))
        case "md": output(RuleCatalogueRenderer().markdown(catalogue, escalation: framework.escalationSummary))
        default: output(RuleCatalogueRenderer().text(catalogue, escalation: framework.escalationSummary))
        }
    }
}
