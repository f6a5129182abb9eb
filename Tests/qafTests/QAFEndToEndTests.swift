import Foundation
import Testing

/// The built `qaf` binary, end to end.
@Suite(.serialized) struct QAFEndToEndTests {
    @Test func theDemoWithTheSameSeedWritesTheSameFiles() throws {
        let first = Scratch()
        let second = Scratch()
        let one = try QAF.run(["demo", "--path", first.path("p.sqlite"), "--seed", "11"])
        #expect(one.status == 0, "\(one.standardError)")
        let two = try QAF.run(["demo", "--path", second.path("p.sqlite"), "--seed", "11"])
        #expect(two.status == 0)
        let names = [
            "p.sqlite", "pdg-assurance-FY2025-26-Q4-partnership.html", "pdg-assurance-FY2025-26-Q4-partnership.md",
            "agency-feedback-FY2025-26-brackenshire-constabulary-partnership.html",
            "practitioner-briefing-FY2025-26-Q4-public.html",
        ]
        for name in names {
            let data = try #require(first.contents(name), "\(name) was not written")
            #expect(data == second.contents(name), "\(name) differs between runs")
        }
        // Run again over its own database: the earlier demo is replaced, with the same result.
        let again = try QAF.run(["demo", "--path", first.path("p.sqlite"), "--seed", "11"])
        #expect(again.status == 0)
        #expect(first.contents("p.sqlite") == second.contents("p.sqlite"))
        // The summary names what was written and the levels.
        #expect(one.standardOutput.contains("Open findings by the level that must act"))
        #expect(one.standardOutput.contains(first.path("pdg-assurance-FY2025-26-Q4-partnership.html")))
        #expect(one.standardOutput.contains("Spot audit accepted"))
        // Progress goes to a terminal only: here standard error is a file.
        #expect(one.standardError.isEmpty)
        // Another seed, other data.
        let other = try QAF.run(["demo", "--path", second.path("q.sqlite"), "--seed", "12"])
        #expect(other.status == 0)
        #expect(second.contents("q.sqlite") != second.contents("p.sqlite"))
    }

    @Test func theDemoLeavesAPartnershipsOwnDatabaseAlone() throws {
        let scratch = Scratch()
        try "measure,scope,period,value\nreferrals,partnership,2025-04,120\n".write(
            toFile: scratch.path("m.csv"),
            atomically: true,
            encoding: .utf8
        )
        let imported = try QAF.run(["import", "measures", scratch.path("m.csv"), "--db", scratch.path("own.sqlite")])
        #expect(imported.status == 0, "\(imported.standardError)")
        let before = scratch.contents("own.sqlite")
        let demo = try QAF.run(["demo", "--path", scratch.path("own.sqlite")])
        #expect(demo.status == 65)
        #expect(demo.standardError.contains("not the demo's"))
        #expect(scratch.contents("own.sqlite") == before)
    }

    @Test func exportRestoreExportGivesTheSameFile() throws {
        let scratch = Scratch()
        #expect(try QAF.run(["demo", "--path", scratch.path("p.sqlite")]).status == 0)
        let export = try QAF.run(["export", "--db", scratch.path("p.sqlite"), "-o", scratch.path("one.json")])
        #expect(export.status == 0, "\(export.standardError)")
        let restore = try QAF.run(["restore", scratch.path("one.json"), "--db", scratch.path("r.sqlite")])
        #expect(restore.status == 0, "\(restore.standardError)")
        #expect(try QAF.run(["export", "--db", scratch.path("r.sqlite"), "-o", scratch.path("two.json")]).status == 0)
        let one = try #require(scratch.contents("one.json"))
        #expect(one == scratch.contents("two.json"))
        // The file holds exactly what the export and the restore said they wrote.
        let file = try #require(try JSONSerialization.jsonObject(with: one) as? [String: Any])
        let counts = [file["records"], file["series"], file["changeLog"]].map { ($0 as? [Any])?.count ?? -1 }
        let said = "\(counts[0]) records, \(counts[1]) series and \(counts[2]) changes"
        #expect(export.standardError.contains("wrote \(said)"), "\(export.standardError)")
        #expect(restore.standardError.contains("restored \(said)"), "\(restore.standardError)")
        #expect(counts.allSatisfy { $0 > 0 })
        // Restoring over a database that holds anything is refused, and it is left as it was.
        let held = scratch.contents("r.sqlite")
        let again = try QAF.run(["restore", scratch.path("one.json"), "--db", scratch.path("r.sqlite")])
        #expect(again.status == 65)
        #expect(again.standardError.contains("not empty"))
        #expect(scratch.contents("r.sqlite") == held)
    }

    @Test func checkAndReportWorkOnTheDemoDatabase() throws {
        let scratch = Scratch()
        #expect(try QAF.run(["demo", "--path", scratch.path("p.sqlite")]).status == 0)
        let check = try QAF.run(["check", "--db", scratch.path("p.sqlite"), "--day", "2026-04-30", "--format", "json"])
        #expect(check.status == 0, "\(check.standardError)")
        let findings = try #require(
            try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [[String: Any]]
        )
        #expect(!findings.isEmpty)
        #expect(findings.first?["severity"] as? String == "decision-required")
        #expect(check.standardError.contains("cycle of 2026-04-30: 0 raised"), "the demo already ran this day's cycle")

        let reminders = try QAF.run([
            "reminders", "--db", scratch.path("p.sqlite"), "--day", "2026-04-30", "--within", "10", "--format", "json",
        ])
        #expect(reminders.status == 0, "\(reminders.standardError)")
        let due = try #require(
            try JSONSerialization.jsonObject(with: Data(reminders.standardOutput.utf8)) as? [[String: Any]]
        )
        let days = due.compactMap { $0["dueOn"] as? String }
        #expect(!days.isEmpty)
        #expect(days == days.sorted(), "soonest first")
        #expect(days.allSatisfy { $0 >= "2026-04-30" && $0 <= "2026-05-15" })
        #expect(reminders.standardError.contains("\(due.count) due from 2026-04-30 to 2026-05-15 (10 working days)"))

        for format in ["html", "md", "json"] {
            let out = scratch.path("report.\(format)")
            let report = try QAF.run([
                "report", "yearly", "--db", scratch.path("p.sqlite"), "--period", "FY2025-26", "--day", "2026-04-30",
                "--format", format, "--audience", "public", "-o", out,
            ])
            #expect(report.status == 0, "\(report.standardError)")
            #expect((scratch.contents("report.\(format)")?.count ?? 0) > 10_000)
        }
        let csv = try QAF.run([
            "report", "mash-quarterly", "--db", scratch.path("p.sqlite"), "--period", "FY2025-26-Q4", "--day",
            "2026-04-30",
            "--format", "csv", "-o", scratch.path("csv"),
        ])
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.path("csv")).contains { $0.hasSuffix(".csv") }
        )
        let markdown = try QAF.run([
            "report", "sub-group", "--db", scratch.path("p.sqlite"), "--period", "FY2025-26-Q4", "--group", "qadg",
            "--day", "2026-04-30", "--format", "md",
        ])
        #expect(markdown.status == 0)
        #expect(
            markdown.standardOutput.hasPrefix("# Sub-group report to the Executive: Quality Assurance Delivery Group")
        )
        // A report about an agency or a group the partnership does not have is refused, naming those it has.
        for (option, value, noun) in [("--agency", "polce", "agency"), ("--group", "qdag", "group")] {
            let unknown = try QAF.run([
                "report", option == "--agency" ? "agency-feedback" : "sub-group", "--db", scratch.path("p.sqlite"),
                "--period", option == "--agency" ? "FY2025-26" : "FY2025-26-Q4", option, value, "--day", "2026-04-30",
            ])
            #expect(unknown.status == 65, "\(unknown.standardError)")
            #expect(unknown.standardError.contains("the partnership has no \(noun) \"\(value)\"; expected one of"))
            #expect(unknown.standardError.contains(option == "--agency" ? "police" : "qadg"))
        }
    }

    @Test func aProfileIsWrittenCheckedAndDrivesTheDemoAndANewDatabase() throws {
        let scratch = Scratch()
        let written = try QAF.run(["profile", "init", "-o", scratch.path("p.json")])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try QAF.run(["profile", "check", scratch.path("p.json")]).status == 0)
        // Renamed: every rule's source carries the new name, and none the starter's.
        var text = String(decoding: try #require(scratch.contents("p.json")), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "Devon SCP Quality Assurance Framework",
            with: "Riverside Assurance Framework"
        )
        .replacingOccurrences(of: "The Role of the Devon SCP Business Team", with: "The Partnership Office")
        .replacingOccurrences(of: "The Voices of Devon's Children and Families", with: "Listening to Children")
        try text.write(toFile: scratch.path("r.json"), atomically: true, encoding: .utf8)
        let demo = try QAF.run(["demo", "--path", scratch.path("d.sqlite"), "--profile", scratch.path("r.json")])
        #expect(demo.status == 0, "\(demo.standardError)")
        let report = String(
            decoding: try #require(scratch.contents("pdg-assurance-FY2025-26-Q4-partnership.md")),
            as: UTF8.self
        )
        #expect(report.contains("Riverside Assurance Framework"))
        #expect(!report.contains("Devon"))
        // The catalogue cites the profile's framework.
        let rules = try QAF.run(["rules", "--profile", scratch.path("r.json"), "--format", "md"])
        #expect(rules.status == 0, "\(rules.standardError)")
        #expect(
            rules.standardOutput.contains("Riverside Assurance Framework") && !rules.standardOutput.contains("Devon")
        )
        // The database keeps its profile: a later report on it cites the same.
        let yearly = try QAF.run([
            "report", "yearly", "--db", scratch.path("d.sqlite"), "--period", "FY2025-26", "--day", "2026-04-30",
            "--format", "md",
        ])
        #expect(yearly.status == 0)
        #expect(
            yearly.standardOutput.contains("Riverside Assurance Framework") && !yearly.standardOutput.contains("Devon")
        )
        // A broken profile: every problem with its path, exit 65.
        try text.replacingOccurrences(of: "\"format\"", with: "\"colour\" : 1,\n  \"format\"")
            .write(toFile: scratch.path("bad.json"), atomically: true, encoding: .utf8)
        let bad = try QAF.run(["profile", "check", scratch.path("bad.json")])
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("colour: unknown key \"colour\""))
        // A new database from the profile, ready for data.
        let made = try QAF.run(["new", "--db", scratch.path("n.sqlite"), "--profile", scratch.path("r.json")])
        #expect(made.status == 0, "\(made.standardError)")
        let check = try QAF.run(["check", "--db", scratch.path("n.sqlite"), "--day", "2026-04-30"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(try QAF.run(["new", "--db", scratch.path("n.sqlite")]).status == 65)
    }

    @Test func scenariosRunLikeTestsAndFailWithTheirDifference() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios/starter").path
        let run = try QAF.run(["scenarios", "run", scenarios])
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardError.contains("28 of 28 scenarios passed"))
        let scratch = Scratch()
        let source = try String(contentsOfFile: scenarios + "/audit-past-planned-window.json", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: scratch.path("wrong"), withIntermediateDirectories: true)
        try source.replacingOccurrences(of: "\"level\": \"sub-group\"", with: "\"level\": \"executive\"")
            .write(toFile: scratch.path("wrong/w.json"), atomically: true, encoding: .utf8)
        let failed = try QAF.run(["scenarios", "run", scratch.path("wrong")])
        #expect(failed.status == 1)
        #expect(failed.standardOutput.contains("FAILED  w.json"))
        #expect(
            failed.standardOutput.contains(
                "expected a finding of audit.past-planned-window at executive; found audit.past-planned-window at sub-group"
            )
        )
        try "{\"format\": \"qaf-scenario\"}".write(
            toFile: scratch.path("wrong/w.json"),
            atomically: true,
            encoding: .utf8
        )
        #expect(try QAF.run(["scenarios", "run", scratch.path("wrong")]).status == 65)

        // Every file is reported though one is malformed; a misspelt rule is refused; a documented
        // point, {"period", "value"}, is read.
        try source.write(toFile: scratch.path("wrong/a-good.json"), atomically: true, encoding: .utf8)
        try source.replacingOccurrences(
            of: "\"rule\": \"audit.past-planned-window\"",
            with: "\"rule\": \"audit.past-planed-window\""
        )
        .write(toFile: scratch.path("wrong/b-misspelt.json"), atomically: true, encoding: .utf8)
        let points = #"""
            {"format": "qaf-scenario", "version": 1, "name": "Points as documented", "days": ["2025-06-01"],
             "observations": [{"measure": "mash-contacts", "scope": "partnership",
                               "points": [{"period": "2025-04", "value": 12}, {"period": "2025-05", "value": 14}]}],
             "expect": {"noFindingsFrom": ["measures.off-target"]}}
            """#
        try points.write(toFile: scratch.path("wrong/c-points.json"), atomically: true, encoding: .utf8)
        let mixed = try QAF.run(["scenarios", "run", scratch.path("wrong")])
        #expect(mixed.status == 65)
        #expect(mixed.standardOutput.contains("passed  a-good.json"))
        #expect(mixed.standardOutput.contains("MALFORMED  b-misspelt.json"))
        #expect(
            mixed.standardOutput.contains(
                "expect.findings[0].rule: \"audit.past-planed-window\" is not a rule of the composed modules"
            ),
            "\(mixed.standardOutput)"
        )
        #expect(mixed.standardOutput.contains("passed  c-points.json"), "\(mixed.standardOutput)")
        #expect(mixed.standardOutput.contains("MALFORMED  w.json"))
        #expect(mixed.standardError.contains("2 of 4 scenarios passed; 2 malformed"))
    }

    /// `qaf verify` finds a record changed outside the store (exit 65, naming it), and export then
    /// refuses to carry the damage into a backup; a sound database verifies (exit 0, the head hash).
    @Test func verifyFindsAChangeOutsideTheStore() throws {
        let scratch = Scratch()
        #expect(try QAF.run(["demo", "--path", scratch.path("p.sqlite")]).status == 0)
        let sound = try QAF.run(["verify", "--db", scratch.path("p.sqlite")])
        #expect(sound.status == 0, "\(sound.standardError)")
        #expect(sound.standardOutput.hasPrefix("head "))
        #expect(sound.standardError.contains("sound"))
        #expect(try QAF.run(["export", "--db", scratch.path("p.sqlite"), "-o", scratch.path("b.json")]).status == 0)
        let backup = try QAF.run(["verify", scratch.path("b.json")])
        #expect(backup.status == 0)
        #expect(backup.standardOutput == sound.standardOutput)
        // As a person with the file would: through another program, here Python's sqlite3.
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        edit.arguments = [
            "python3", "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()",
            scratch.path("p.sqlite"),
            "UPDATE records SET payload = CAST('{}' AS BLOB) WHERE type = 'domain.agency' AND id = 'police'",
        ]
        try edit.run()
        edit.waitUntilExit()
        #expect(edit.terminationStatus == 0)
        let damaged = try QAF.run(["verify", "--db", scratch.path("p.sqlite")])
        #expect(damaged.status == 65)
        #expect(damaged.standardOutput.contains("record domain.agency/police: differs from what change log entry"))
        let export = try QAF.run(["export", "--db", scratch.path("p.sqlite"), "-o", scratch.path("c.json")])
        #expect(export.status == 65)
        #expect(export.standardError.contains("does not verify"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("c.json")))
    }

    /// A backup written by a newer release (a record's schema, or the file's format) is refused
    /// before anything is written, with the same exit status as every other tool on the package.
    @Test func aBackupFromANewerReleaseIsRefusedBeforeAnythingIsWritten() throws {
        let scratch = Scratch()
        #expect(try QAF.run(["demo", "--path", scratch.path("p.sqlite")]).status == 0)
        #expect(try QAF.run(["export", "--db", scratch.path("p.sqlite"), "-o", scratch.path("b.json")]).status == 0)
        let data = try #require(scratch.contents("b.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var records = try #require(object["records"] as? [[String: Any]])
        records[0]["schemaVersion"] = 999
        object["records"] = records
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: scratch.path("new.json")))
        object["records"] = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])["records"]
        object["version"] = 99
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: scratch.path("format.json")))
        for file in ["new.json", "format.json"] {
            let restore = try QAF.run(["restore", scratch.path(file), "--db", scratch.path("r.sqlite")])
            #expect(restore.status == 65, "\(restore.standardError)")
            #expect(restore.standardError.contains("this build reads up to version"))
            #expect(!FileManager.default.fileExists(atPath: scratch.path("r.sqlite")))
        }
    }

    @Test func everySubcommandHasHelpWithAnExample() throws {
        let overview = try QAF.run(["--help"])
        #expect(overview.status == 0)
        let names = overview.standardOutput.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        #expect(names.count == 21)
        for required in [
            "demo", "new", "profile", "scenarios", "check", "deliver", "outbox", "reminders", "report", "rules",
            "verify",
            "import", "export",
            "restore", "spc", "compare", "section11", "form",
        ] {
            #expect(names.contains(required), "\(required) is not listed")
        }
        for name in names {
            let help = try QAF.run([name, "--help"])
            #expect(help.status == 0, "\(name) --help")
            #expect(help.standardOutput.contains("usage: qaf \(name)"), "\(name)'s help has no usage line")
            #expect(
                help.standardOutput.contains("example:\n          qaf \(name)")
                    || help.standardOutput.contains("example:\n  qaf \(name)"),
                "\(name)'s help has no example"
            )
        }
        let version = try QAF.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.hasPrefix("qaf "))
    }

    /// The BSD sysexits numbers: 64 usage, 65 bad data, 66 no input, 70 internal error.
    @Test func eachExitStatusOnADeliberatelyBadInput() throws {
        let scratch = Scratch()
        #expect(try QAF.run([]).status == 64)
        #expect(try QAF.run(["frobnicate"]).status == 64)
        #expect(try QAF.run(["check", "--db"]).status == 64)
        #expect(try QAF.run(["check", "--db", scratch.path("p.sqlite"), "--colour", "red"]).status == 64)
        #expect(
            try QAF.run(["report", "yearly", "--db", scratch.path("none.sqlite"), "--period", "FY2025-26"]).status == 66
        )
        #expect(try QAF.run(["restore", scratch.path("missing.json"), "--db", scratch.path("r.sqlite")]).status == 66)

        try "measure,scope,period,value\nreferrals,partnership,2025-04,12o\n".write(
            toFile: scratch.path("bad.csv"),
            atomically: true,
            encoding: .utf8
        )
        let bad = try QAF.run(["import", "measures", scratch.path("bad.csv"), "--db", scratch.path("m.sqlite")])
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("bad.csv:2: column value: \"12o\" is not a number"), "file, line and field")

        try "{\"format\": \"qaf-backup\", \"version\": 1, \"records\": [{}], \"series\": [], \"changeLog\": []}".write(
            toFile: scratch.path("bad.json"),
            atomically: true,
            encoding: .utf8
        )
        let backup = try QAF.run(["restore", scratch.path("bad.json"), "--db", scratch.path("r.sqlite")])
        #expect(backup.status == 65)
        #expect(backup.standardError.contains("bad.json: at records[0]"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("r.sqlite")), "nothing half-made is left")

        #expect(try QAF.run(["demo", "--path", scratch.path("d.sqlite")]).status == 0)
        let unwritable = try QAF.run([
            "export", "--db", scratch.path("d.sqlite"), "-o", scratch.path("no/such/dir/b.json"),
        ])
        #expect(unwritable.status == 70)
        #expect(unwritable.standardError.contains("cannot write"))

        let published = try QAF.run([
            "report", "agency-feedback", "--db", scratch.path("d.sqlite"), "--period", "FY2025-26",
            "--agency", "brackenshire-constabulary", "--audience", "public",
        ])
        #expect(published.status == 65)
        #expect(
            published.standardError.contains(
                "Agency feedback is for the partnership and the agency, not for the public"
            )
        )
    }

    /// Bad arguments are refused before anything is created.
    ///
    /// A bad argument is a usage error (64) naming the option and what was expected; a malformed day
    /// is bad input (65).
    @Test(arguments: [
        (["check", "--db", "p.sqlite", "--colour", "red"], Int32(64), "unknown option --colour"),
        (["check", "--db"], 64, "--db needs a value"),
        (["check", "--db", "p.sqlite", "--day", "2025-02-30"], 65, "2025-02-30"),
        (["check", "--db", "p.sqlite", "--format", "xml"], 64, "--format \"xml\" is not one of text, json"),
        (["check", "--db", "p.sqlite", "extra"], 64, "expected no arguments"),
        (["report", "yearly", "--db", "p.sqlite", "--period", "FY2025-27"], 64, "--period"),
        (
            ["report", "yearly", "--db", "p.sqlite", "--period", "FY2025-26", "--audience", "everyone"], 64,
            "--audience"
        ),
        (["report", "weekly", "--db", "p.sqlite", "--period", "FY2025-26"], 64, "unknown report \"weekly\""),
        (["report", "yearly", "--db", "p.sqlite", "--period", "FY2025-26", "--group", "has space"], 64, "--group"),
        (["report", "yearly", "--db", "p.sqlite", "--period", "FY2025-26", "--format", "csv"], 64, "csv needs -o"),
        (["demo", "--seed", "lots"], 64, "--seed \"lots\" is not a whole number"),
        (["import", "spreadsheet", "x.csv", "--db", "p.sqlite"], 64, "unknown kind \"spreadsheet\""),
        (["import", "measures", "--db", "p.sqlite"], 64, "expected KIND FILE"),
        (["spc", "--shift-length", "0", "x.csv"], 64, "--shift-length"),
        (["spc", "--target", "NaN", "x.csv"], 64, "--target \"NaN\" is not a number"),
        (["working-days", "2025-01-01"], 64, "expected FROM TO"),
        (["deadline", "no-such-clock", "2025-01-01"], 64, "unknown clock"),
        (["restore", "--db", "r.sqlite"], 64, "expected FILE"),
        (
            ["compare", "--data", "d.csv", "--indicator", "i", "--neighbours", "n.csv", "--filter", "=x"], 64,
            "--filter \"=x\" is not COLUMN=VALUE"
        ),
        (
            [
                "import", "ees", "x.csv", "--db", "p.sqlite", "--indicator", "i", "--neighbours", "n.csv", "--la",
                "878",
                "--measure", "m", "--filter", "a=1", "--filter", "a=2",
            ], 64, "--filter names the column \"a\" twice"
        ),
        (
            [
                "import", "ees", "x.csv", "--db", "p.sqlite", "--indicator", "i", "--neighbours", "n.csv", "--la",
                "878",
                "--measure", "m", "--filter", "=1",
            ], 64, "--filter \"=1\" is not COLUMN=VALUE"
        ),
    ])
    func badArgumentsAreUsageErrors(_ arguments: [String], _ status: Int32, _ says: String) throws {
        let scratch = Scratch()
        let result = try QAF.run(arguments, in: scratch.url)
        #expect(result.status == status, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(says), "\(arguments): \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty, "nothing is created")
    }

    @Test func theCommittedRuleCatalogueMatchesTheCode() throws {
        let rules = try QAF.run(["rules", "--format", "md"])
        #expect(rules.status == 0)
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Documentation/Rules.md")
        let text = try String(contentsOf: committed, encoding: .utf8)
        #expect(text == rules.standardOutput, "regenerate it: swift run qaf rules --format md > Documentation/Rules.md")
    }
}
