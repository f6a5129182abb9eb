import Domain
import Foundation
import Spreadsheets
import Testing

/// A partnership's own data in, without Swift: the README's "Your own partnership" run command by
/// command, and a second, unlike partnership loaded from CSV and spreadsheet files alone.
@Suite(.serialized) struct OwnPartnershipTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The README's commands, in order, exactly as it shows them.
    static let readmeCommands = [
        "qaf profile init -o partnership.qaf-profile.json",
        "qaf profile check partnership.qaf-profile.json",
        "qaf new --profile partnership.qaf-profile.json --db partnership.sqlite",
        "qaf export --db partnership.sqlite --tables tables",
        "qaf import tables tables --db partnership.sqlite --dry-run",
        "qaf import tables tables --db partnership.sqlite",
        "qaf import measures measures.csv --db partnership.sqlite",
        "CYCLE=$(qaf section11 open --db partnership.sqlite --set section11-classic-v1 --name \"Section 11 2026\" "
            + "--issued 2026-05-01 --deadline 2026-07-31)",
        "qaf form section11 --db partnership.sqlite --cycle \"$CYCLE\" --agency police -o police.xlsx",
        "qaf import form police.xlsx --db partnership.sqlite",
        "qaf check --db partnership.sqlite --day 2026-08-03",
        "qaf report pdg-assurance --db partnership.sqlite --period FY2026-27-Q1 --day 2026-08-03 -o pdg.html",
    ]

    /// A command line's words, as a shell splits them (double quotes only), with `$CYCLE` replaced.
    static func words(_ line: String, cycle: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words.map { $0.replacingOccurrences(of: "$CYCLE", with: cycle) }
    }

    /// The partnership's own rows, as its business manager adds them to the exported tables.
    static func addOwnRows(in folder: URL) throws {
        let tables: [String: String] = [
            "domain.locality.csv": "id,name\nnorth,North\nsouth,South\n",
            "domain.agency.csv": """
            id,name,sector,isStatutoryPartner,locality
            council,Northshire Council Children's Services,local-authority,true,
            police,Northshire Police,police,true,
            icb,Northshire Integrated Care Board,health,true,
            north-academy,North Academy,education,false,north

            """,
            "domain.membership.csv": """
            id,group,agency,role,since
            qadg-council,qadg,council,member,2026-04-01
            qadg-police,qadg,police,member,2026-04-01
            qadg-icb,qadg,icb,member,2026-04-01

            """,
            "domain.meeting.csv": """
            id,group,day,invited,attended
            qadg-2026-05-14,qadg,2026-05-14,council;icb;police,council;police
            qadg-2026-07-09,qadg,2026-07-09,council;icb;police,council;icb;police

            """,
        ]
        for (name, text) in tables { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    /// Sixteen months of one measure, as a partnership's performance team exports it.
    static var measures: String {
        var text = "measure,scope,period,value,numerator,denominator\n"
        for (index, month) in (0..<16).map({ ($0, ($0 + 3) % 12 + 1) }) {
            let year = 2025 + (index + 3) / 12
            let denominator = 90 + index % 5
            let numerator = denominator - 8 - index % 4
            let value = (Double(numerator) / Double(denominator) * 1000).rounded() / 10
            text +=
                "assessments-within-45wd,partnership,\(year)-\(month < 10 ? "0" : "")\(month),"
                + "\(value),\(numerator),\(denominator)\n"
        }
        return text
    }

    /// The police fill in their form: every criterion Green, and ready to submit.
    static func fillIn(_ url: URL) throws {
        var workbook = try Workbook(data: try Data(contentsOf: url), file: url.lastPathComponent)
        let answers = try #require(workbook.sheets.firstIndex { $0.name == "Your return" })
        for row in 2...workbook.sheets[answers].lastRow {
            workbook.sheets[answers][row, 4] = .text("Green")
            workbook.sheets[answers][row, 5] = .text("In place and checked at the May board.")
        }
        let about = try #require(workbook.sheets.firstIndex { $0.name == "About this form" })
        for row in 1...workbook.sheets[about].lastRow where workbook.sheets[about][row, 1]?.text == "Ready to submit" {
            workbook.sheets[about][row, 2] = .text("Yes")
        }
        try workbook.data().write(to: url)
    }

    @Test func theReadmesOwnPartnershipRunsCommandByCommand() throws {
        let scratch = Scratch()
        var cycle = ""
        for line in Self.readmeCommands {
            if line.hasPrefix("qaf import tables tables --db partnership.sqlite --dry-run") {
                try Self.addOwnRows(in: scratch.url.appendingPathComponent("tables"))
                try Data(Self.measures.utf8).write(to: scratch.url.appendingPathComponent("measures.csv"))
            }
            if line.hasPrefix("qaf import form") { try Self.fillIn(scratch.url.appendingPathComponent("police.xlsx")) }
            let assignment = line.hasPrefix("CYCLE=$(")
            let command = assignment ? String(line.dropFirst("CYCLE=$(".count).dropLast()) : line
            let result = try QAF.run(Array(Self.words(command, cycle: cycle).dropFirst()), in: scratch.url)
            #expect(result.status == 0, "\(line): \(result.standardError)")
            if assignment { cycle = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let report = String(decoding: try #require(scratch.contents("pdg.html")), as: UTF8.self)
        #expect(report.contains("Northshire Police"))
        let imported = try QAF.run(["check", "--db", "partnership.sqlite", "--day", "2026-08-03"], in: scratch.url)
        #expect(
            imported.standardOutput.contains("Northshire Integrated Care Board has not returned its Section 11 2026")
        )
        #expect(!imported.standardOutput.contains("Northshire Police has not returned"))
    }

    @Test func theReadmeShowsExactlyTheCommandsThisTestRuns() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Your own partnership").dropFirst().first)
        let block = try #require(
            section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first
        )
        let shown = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces) }
        #expect(shown == Self.readmeCommands)
    }

    @Test func anUnlikePartnershipLoadsFromTablesAndAFormAloneAndReportsAsItWasBuilt() throws {
        let scratch = Scratch()
        let profile = Self.root.appendingPathComponent("Tests/ReliabilityTests/Fixtures/northfield.qaf-profile.json")
            .path
        // The partnership's records, as CSV: built here by the demo from the profile, and exported.
        #expect(try QAF.run(["demo", "--profile", profile, "--path", "built.sqlite"], in: scratch.url).status == 0)
        #expect(try QAF.run(["export", "--db", "built.sqlite", "--tables", "tables"], in: scratch.url).status == 0)
        // A new database from the folder alone.
        let imported = try QAF.run(["import", "tables", "tables", "--db", "ours.sqlite"], in: scratch.url)
        #expect(imported.status == 0, "\(imported.standardError)")
        for (kind, period) in [
            ("pdg-assurance", "FY2025-26-Q4"), ("yearly", "FY2025-26"), ("practitioner-briefing", "FY2025-26"),
        ] {
            for audience in ["internal", "partnership", "public"] {
                var outputs: [String] = []
                for database in ["built.sqlite", "ours.sqlite"] {
                    let result = try QAF.run(
                        [
                            "report", kind, "--db", database, "--period", period, "--audience", audience, "--day",
                            "2026-04-30",
                        ],
                        in: scratch.url
                    )
                    #expect(result.status == 0, "\(kind) \(audience): \(result.standardError)")
                    outputs.append(result.standardOutput)
                }
                #expect(outputs[0] == outputs[1], "\(kind) for \(audience) differs after the tables")
            }
        }
        // A Section 11 cycle of the partnership's own standards opened, the police's form filled in and
        // imported, and the cycle run.
        let sets = String(decoding: try #require(scratch.contents("tables/section11.standard-set.csv")), as: UTF8.self)
        let set = try #require(sets.split(separator: "\n").dropFirst().first?.split(separator: ",").first)
        let opened = try QAF.run(
            [
                "section11", "open", "--db", "ours.sqlite", "--set", String(set), "--name", "Section 11 2026",
                "--issued", "2026-05-01", "--deadline", "2026-07-31",
            ],
            in: scratch.url
        )
        #expect(opened.status == 0, "\(opened.standardError)")
        let cycle = opened.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let form = [
            "form", "section11", "--db", "ours.sqlite", "--cycle", cycle, "--agency", "police", "-o", "police.xlsx",
        ]
        #expect(try QAF.run(form, in: scratch.url).status == 0)
        try Self.fillIn(scratch.url.appendingPathComponent("police.xlsx"))
        let returned = try QAF.run(["import", "form", "police.xlsx", "--db", "ours.sqlite"], in: scratch.url)
        #expect(returned.standardError.contains("imported police's Section 11 return (submitted)"))
        let check = try QAF.run(["check", "--db", "ours.sqlite", "--day", "2026-08-03"], in: scratch.url)
        #expect(check.status == 0)
        #expect(check.standardOutput.contains("has not returned its Section 11 2026"))
        let report = try QAF.run(
            ["report", "pdg-assurance", "--db", "ours.sqlite", "--period", "FY2026-27-Q1", "--day", "2026-08-03"],
            in: scratch.url
        )
        #expect(report.status == 0, "\(report.standardError)")
    }
}
