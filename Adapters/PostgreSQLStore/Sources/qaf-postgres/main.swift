// qaf-postgres: a partnership kept in PostgreSQL, on the package's public API alone.
//
//   qaf-postgres restore FILE [--db CONNINFO] [--namespace NAME]
//   qaf-postgres cycle [--db CONNINFO] [--namespace NAME] [--day YYYY-MM-DD] [--period PERIOD] [-o FILE]
//   qaf-postgres export -o FILE [--db CONNINFO] [--namespace NAME]
//   qaf-postgres verify [--db CONNINFO] [--namespace NAME]
//
// --db is a libpq connection string; without it, QAF_POSTGRES (which Scripts/postgres.sh sets).
import Audit
import Domain
import Foundation
import Learning
import Measures
import PostgreSQLStore
import Reporting
import Section11

let usage = """
    usage: qaf-postgres restore FILE [--db CONNINFO] [--namespace NAME]
           qaf-postgres cycle [--db CONNINFO] [--namespace NAME] [--day YYYY-MM-DD] [--period PERIOD] [-o FILE]
           qaf-postgres export -o FILE [--db CONNINFO] [--namespace NAME]
           qaf-postgres verify [--db CONNINFO] [--namespace NAME]

    restore  fills an empty PostgreSQL store from a qaf-backup file (from `qaf export`, say)
    cycle    runs the assurance cycle for the day (default today) and writes the Practice Development
             Group's assurance report for the period (default the financial quarter before the day),
             as HTML, or Markdown when FILE ends in .md
    export   writes the store as a qaf-backup file, which `qaf restore` reads into SQLite; a store
             that does not verify is not exported
    verify   checks the change log's chain and every record and series against its last entry,
             printing each problem (exit 65) or the log's head hash (exit 0)

    --db CONNINFO   a libpq connection string (default: $QAF_POSTGRES), such as
                    "host=/var/run/postgresql dbname=partnership"
    --namespace     the PostgreSQL schema holding the store (default: the search path's first)

    example (a throw-away server for both commands):
      swift run qaf demo && swift run qaf export --db qaf-demo/partnership.sqlite -o qaf-demo/backup.json
      Scripts/postgres.sh sh -c 'qaf-postgres restore qaf-demo/backup.json && qaf-postgres cycle --day 2026-04-30 -o pdg.html'
    """

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("qaf-postgres: \(message)\n".utf8))
    exit(status)
}

func say(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// Every module of the package, configured from the database's profile as `qaf` configures them.
let moduleTypes: [any ProfileConfigurable.Type] = [
    PartnershipModule.self, Section11Module.self, AuditModule.self, MeasuresModule.self, LearningModule.self,
]

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, ["restore", "cycle", "export", "verify"].contains(command) else {
    fail(usage, status: 64)
}
arguments.removeFirst()
var options: [String: String] = [:]
var positional: [String] = []
while let argument = arguments.first {
    arguments.removeFirst()
    if argument.hasPrefix("-") {
        let name = String(argument.drop { $0 == "-" })
        guard ["db", "namespace", "day", "period", "o"].contains(name), let value = arguments.first else {
            fail("unknown option or missing value: \(argument)\n\n\(usage)", status: 64)
        }
        arguments.removeFirst()
        options[name] = value
    } else {
        positional.append(argument)
    }
}
guard let conninfo = options["db"] ?? ProcessInfo.processInfo.environment["QAF_POSTGRES"] else {
    fail("no database: pass --db CONNINFO or set QAF_POSTGRES", status: 64)
}

do {
    let framework = try AssuranceFramework(modules: moduleTypes.map { $0.init(profile: nil) })
    let store = try await PostgreSQLStore(
        connectingTo: conninfo,
        options: PostgreSQLStore.Options(namespace: options["namespace"]),
        schema: framework.schemaVersions
    )
    switch command {
    case "restore":
        guard positional.count == 1 else { fail("restore needs one FILE\n\n\(usage)", status: 64) }
        let data = try Data(contentsOf: URL(fileURLWithPath: positional[0]))
        let snapshot = try StoreBackup.decode(data, source: positional[0], schema: framework.schemaVersions)
        try await store.restore(snapshot)
        say(
            "restored \(snapshot.records.count) records, \(snapshot.series.count) series and "
                + "\(snapshot.changeLog.count) changes into PostgreSQL"
        )
    case "export":
        guard let out = options["o"] else { fail("export needs -o FILE", status: 64) }
        let snapshot = try await store.snapshot()
        try StoreBackup.verifiedEncoding(of: snapshot).write(to: URL(fileURLWithPath: out), options: .atomic)
        say(
            "wrote \(snapshot.records.count) records, \(snapshot.series.count) series and \(snapshot.changeLog.count) changes to \(out)"
        )
    case "verify":
        let verification = await store.verify()
        for problem in verification.problems { print(problem) }
        guard verification.isSound else {
            fail("\(verification.problems.count) problems in \(verification.summary)", status: 65)
        }
        say("sound: \(verification.summary)")
        print("head \(verification.head?.hex ?? "(empty log)")")
    default:
        let environment = AssuranceEnvironment(store: store, clock: .system, ids: .random)
        let day = try options["day"].map { try Day(parsing: $0) } ?? environment.today()
        let profile =
            try await Records(store: store).load(StoredProfile.self, id: StoredProfile.current, as: .system)?.value
            .profile() ?? PartnershipProfile.starter(modules: moduleTypes)
        let configured = try AssuranceFramework(profile: profile, modules: moduleTypes, environment: environment)
        let operatorPrincipal = Principal(id: "qaf-postgres", roles: [.qaLead])
        let outcome = try await configured.runCycle(on: day, by: operatorPrincipal)
        say(
            "cycle of \(day): \(outcome.raised.count) raised, \(outcome.kept.count) still open, "
                + "\(outcome.resolved.count) resolved, \(outcome.escalated.count) escalated; \(outcome.open.count) open"
        )
        let period =
            try options["period"].map { try ReportingPeriod(parsing: $0) }
            ?? ReportingPeriod.containing(day, kind: .quarter, basis: .financial).advanced(by: -1)
        let report = try await StandardReports(framework: configured).make(
            ReportRequest(kind: .practiceDevelopmentAssurance, period: period, audience: .partnership, day: day),
            as: operatorPrincipal
        )
        let out = options["o"] ?? "pdg-assurance-\(period).html"
        let text = out.hasSuffix(".md") ? MarkdownRenderer().render(report) : HTMLRenderer().render(report)
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        say("wrote \(out)")
    }
} catch let error as DomainError {
    fail(error.message, status: error.code.exitStatus)
} catch {
    fail("\(error)")
}
