import Audit
import Domain
import Foundation
import Reporting
import SQLiteStore
import SyntheticPartnership

/// `qaf demo`: the main job on the embedded default, from nothing to the PDG's report.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "build the demo partnership, run the assurance cycle and write its reports"
    static let help = """
        usage: qaf demo [--path DB] [--day YYYY-MM-DD] [--seed N] [--profile FILE]

        Builds Brackenshire, a fictional partnership: the three statutory partners and 60 other agencies
        and schools, 10 localities, the framework's groups with three years of meetings, three years of
        measures with planted special causes, a Section 11 and an s175 cycle, the audit programme, and
        reviews with their recommendations and actions. It keeps them in a SQLite database, runs the
        assurance cycle for the day, accepts the spot audit the planted fall in conversion calls for,
        runs the cycle again, and writes the Practice Development Group's report to the Executive as
        HTML and Markdown next to the database, with the police's feedback for the year and the
        practitioners' briefing (for the public) as HTML.

        --path  the database (default qaf-demo/partnership.sqlite); a demo database there is replaced,
                any other file is left alone and the command fails
        --day   the day of the cycle (default 2026-04-30, a month after the data's year end)
        --seed  the seed of the generated data (default 20260430); the same seed gives the same files
        --profile  a partnership profile (qaf profile init writes the starter one): the demo is that
                partnership's: its name, groups and their cadences, priorities, measure catalogue,
                standard sets and audit tool, filled with generated agencies, localities and data;
                its framework in every rule's source and report title, its escalation and reminder
                policies and its modules' settings

        example:
          qaf demo
          qaf demo --path /tmp/brackenshire.sqlite --seed 7
        """

    static let defaultPath = "qaf-demo/partnership.sqlite"

    static func run(_ arguments: inout Arguments) async throws {
        let path = try arguments.option("path") ?? defaultPath
        let day = try arguments.option("day").map { try dayArgument($0, name: "--day") } ?? PartnershipGenerator.demoDay
        let seedText = try arguments.option("seed")
        let profilePath = try arguments.option("profile")
        _ = try arguments.positional([])
        try arguments.finish()
        var seed: UInt64 = 20_260_430
        if let seedText {
            guard let value = UInt64(seedText) else {
                throw CLIError.usage("--seed \(DomainError.quote(seedText)) is not a whole number", command: name)
            }
            seed = value
        }

        let profile = try profilePath.map { try ProfileCommand.readWhole($0).0 } ?? starterProfile
        let profileText = String(decoding: try profile.encoded(), as: UTF8.self)
        let modules = try ProfileCommand.modules(profile, source: profilePath ?? "the starter profile")
        let clock = ContinuousClock()
        let started = clock.now
        try await removeEarlierDemo(at: path)
        progress("generating the demo partnership (seed \(seed))…")
        var generator = PartnershipGenerator(scale: .demo, seed: seed)
        // A profile's demo is its own partnership's shape filled with generated data.
        if profilePath != nil { generator.shape = PartnershipShape(profile: profile, modules: modules) }
        let store = try openDatabase(path, create: true)
        try await generator.load(into: store)

        // A fixed clock and seeded identifiers: the same seed and day give the same files.
        let environment = AssuranceEnvironment(
            store: store,
            clock: .constant(day.start(in: .england).addingTimeInterval(12 * 3600)),
            ids: .seeded(seed)
        )
        try await environment.records.save(StoredProfile(json: profileText), version: 0, by: operatorPrincipal)
        let framework = try AssuranceFramework(profile: profile, modules: moduleTypes, environment: environment)
        progress("running the assurance cycle for \(day)…")
        let first = try await framework.runCycle(on: day, by: operatorPrincipal)

        let spotAudit = try await acceptSpotAudit(framework, environment: environment, day: day)
        let outcome = try await framework.runCycle(on: day, by: operatorPrincipal)
        let (report, written) = try await writeReports(framework, day: day, besides: path)
        let (delivery, digests) = try await writeDigests(environment, profile: profile, besides: path)
        try await store.checkpoint()

        output(
            summary(
                of: profilePath == nil ? "Brackenshire demo partnership" : "\(profile.partnershipName) (demo)",
                framework: framework,
                first: first,
                outcome: outcome,
                spotAudit: spotAudit,
                report: report,
                paths: [path] + written + (delivery.sent.isEmpty ? [] : [digests])
            )
        )
        if !delivery.sent.isEmpty {
            progress(
                "\(delivery.sent.count) message\(delivery.sent.count == 1 ? "" : "s") to the profile's contacts written to \(digests) as .eml files"
            )
        }
        let elapsed = started.duration(to: clock.now).components
        progress("done in \(elapsed.seconds).\(elapsed.attoseconds / 100_000_000_000_000_000) s")
    }

    /// Accepts the spot audit that the planted fall in conversion calls for, if it stands.
    static func acceptSpotAudit(
        _ framework: AssuranceFramework,
        environment: AssuranceEnvironment,
        day: Day
    ) async throws -> Audit? {
        let mash = Set(framework.measures(playing: .mash))
        let concerns = try await framework.makeView().all(Signal.self).filter {
            $0.status == .active && $0.kind == .specialCauseConcern && !$0.isAnswered
        }
        let conversion =
            concerns.first { $0.measure == "mash-contact-conversion" }
            ?? concerns.first { $0.measure.map(mash.contains) ?? false }
        guard let conversion else { return nil }
        progress("accepting the spot audit of \(conversion.summary)…")
        let audit = try await AuditProgramme(environment: environment).acceptSpotAudit(
            for: conversion.id,
            themes: [.thresholds],
            lead: "Quality Assurance Lead",
            window: day...day.adding(days: 42),
            by: operatorPrincipal
        )
        progress("running the assurance cycle again…")
        return audit
    }

    /// Writes the PDG's report as HTML and Markdown, the police's feedback for the year and the
    /// practitioners' public briefing beside the database.
    ///
    /// - Returns: The PDG's report and the paths written.
    static func writeReports(
        _ framework: AssuranceFramework,
        day: Day,
        besides path: String
    ) async throws -> (Report, [String]) {
        let request = ReportRequest(
            kind: .practiceDevelopmentAssurance,
            period: ReportingPeriod.containing(day, kind: .quarter, basis: .financial).advanced(by: -1),
            audience: .partnership,
            day: day
        )
        progress("writing the report for \(request.period.label)…")
        let reports = StandardReports(framework: framework)
        let report = try await reports.make(request, as: operatorPrincipal)
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "" : directory + "/"
        try write(HTMLRenderer().render(report), to: folder + report.fileStem + ".html")
        try write(MarkdownRenderer().render(report), to: folder + report.fileStem + ".md")
        var written = [folder + report.fileStem + ".html", folder + report.fileStem + ".md"]
        let year = ReportingPeriod.containing(request.period.lastDay, kind: .year, basis: .financial)
        if let police = try await framework.makeView().all(Agency.self).first(where: { $0.sector == .police }) {
            progress("writing \(police.name)'s feedback for \(year.label)…")
            let feedback = try await reports.make(
                ReportRequest(kind: .agencyFeedback, period: year, audience: .partnership, day: day, agency: police.id),
                as: operatorPrincipal
            )
            try write(HTMLRenderer().render(feedback), to: folder + feedback.fileStem + ".html")
            written.append(folder + feedback.fileStem + ".html")
        }
        progress("writing the practitioners' briefing…")
        let briefing = try await reports.make(
            ReportRequest(kind: .practitionerBriefing, period: request.period, audience: .public, day: day),
            as: operatorPrincipal
        )
        try write(HTMLRenderer().render(briefing), to: folder + briefing.fileStem + ".html")
        written.append(folder + briefing.fileStem + ".html")
        return (report, written)
    }

    /// Delivers the outbox's messages into a folder beside the database, as `.eml` files a mail
    /// program opens, instead of sending them.
    ///
    /// - Returns: What delivery did, and the folder.
    static func writeDigests(
        _ environment: AssuranceEnvironment,
        profile: PartnershipProfile,
        besides path: String
    ) async throws -> (DeliveryReport, String) {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = (directory.isEmpty ? "" : directory + "/") + "digests"
        if FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
        var contacts = profile.contacts
        if contacts.reports == nil { contacts.reports = directory.isEmpty ? "./" : directory + "/" }
        progress("writing the outbox's messages to \(folder)…")
        let notifier = composedNotifier(
            environment,
            contacts: contacts,
            emailFolder: URL(fileURLWithPath: folder, isDirectory: true)
        )
        return (try await notifier.deliverPending(), folder)
    }

    /// Replaces a database the demo made before; refuses to touch anything else.
    static func removeEarlierDemo(at path: String) async throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let isDemo: Bool
        do {
            let earlier = try SQLiteStore(path: path, schema: schemaVersions())
            let log = try await earlier.changeLog(from: .distantPast, to: .distantFuture)
            isDemo = log.first?.principal == PartnershipGenerator.principal.id
        } catch let error as DomainError {
            throw CLIError(.dataError, "\(path) is not a demo database (\(error.message)); choose another --path")
        }
        guard isDemo else {
            throw CLIError(
                .dataError,
                "\(path) holds a partnership's own records, not the demo's; choose another --path"
            )
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError(.software, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func summary(
        of title: String,
        framework: AssuranceFramework,
        first: CycleOutcome,
        outcome: CycleOutcome,
        spotAudit: Audit?,
        report: Report,
        paths: [String]
    )
        -> String
    {
        let open = outcome.open
        let names = framework.document
        var text = "\(title), assurance cycle of \(outcome.day)\n\n"
        text += "Open findings by the level that must act:\n"
        for level in framework.escalation.route.reversed() {
            let count = open.filter { $0.level == level }.count
            text += "  \(names.name(of: level).padding(toLength: 28, withPad: " ", startingAt: 0)) \(count)\n"
        }
        text += "\nMost important:\n"
        let top = open.prefix(3)
        for (index, finding) in top.enumerated() {
            text +=
                "  \(index + 1). [\(finding.severity.description); \(names.name(of: finding.level))] \(finding.message)\n"
        }
        if let spotAudit {
            text += "\nSpot audit accepted: \(spotAudit.title)\n"
            let answered = first.open.count - open.count
            if answered > 0 {
                text += "  (the second cycle closed \(answered) finding\(answered == 1 ? "" : "s") it answered)\n"
            }
        }
        text += "\nWritten:\n"
        for path in paths { text += "  \(path)\n" }
        return text
    }
}
