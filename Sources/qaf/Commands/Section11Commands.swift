import Domain
import Foundation
import SQLiteStore
import Section11
import Spreadsheets

/// `qaf section11`: open a Section 11 or s175 cycle, and write an agency's return form.
enum Section11Command: Command {
    static let name = "section11"
    static let summary = "open a Section 11 or s175 cycle, or write an agency's return form (.xlsx)"
    static let help = """
        usage: qaf section11 open --db DB --set ID --name TEXT --issued DAY --deadline DAY
                   [--invite all|SECTOR…] [--previous CYCLE] [--every MONTHS]
               qaf section11 template --db DB --cycle ID --agency ID -o FILE.xlsx

        open      opens a cycle of a standard set (qaf profile show lists them): each invited agency gets
                  an assessment to fill in, with its answers from --previous carried forward as a draft
                  where the criterion is unchanged. --invite all (the default) invites every agency the
                  set has criteria for; --invite education, --invite police,health, or several --invite,
                  invite the agencies of those sectors. --every is the cycle's cadence in months (12).
        template  writes an agency's own return as a spreadsheet: its criteria only, the rating scale as a
                  drop-down, columns for narrative, evidence, areas for improvement and an action, and
                  the instructions and deadline on a sheet of their own. The agency fills it in with
                  Excel or LibreOffice Calc and sends it back; qaf import section11 FILE.xlsx reads it.

        example:
          qaf section11 open --db p.sqlite --set section11-classic-v1 --name "Section 11 2026" \\
              --issued 2026-05-01 --deadline 2026-07-31
          qaf section11 template --db p.sqlite --cycle CYCLE --agency police -o police-s11.xlsx
        """

    static func run(_ arguments: inout Arguments) async throws {
        let action = try arguments.positional(["action"])[0]
        let store = try openDatabase(try arguments.required("db"), create: false)
        let environment = environment(store)
        switch action {
        case "open":
            try await open(&arguments, environment)
        case "template":
            let cycle = try AssessmentCycle.ID(validating: try arguments.required("cycle"))
            let agency = try Agency.ID(validating: try arguments.required("agency"))
            guard let out = try arguments.option("o") else {
                throw CLIError.usage("section11 template needs -o FILE.xlsx", command: name)
            }
            try arguments.finish()
            let workbook = try await Section11Forms(environment: environment).template(
                cycle: cycle,
                agency: agency,
                as: operatorPrincipal
            )
            try FormCommand.write(workbook, to: out)
            message("wrote \(agency)'s return for cycle \(cycle) to \(out)")
        default:
            throw CLIError.usage(
                "unknown action \(DomainError.quote(action)); expected open or template",
                command: name
            )
        }
        try await store.checkpoint()
    }

    private static func open(_ arguments: inout Arguments, _ environment: AssuranceEnvironment) async throws {
        let set = try StandardSet.ID(validating: try arguments.required("set"))
        let cycleName = try arguments.required("name")
        let issued = try dayArgument(try arguments.required("issued"), name: "--issued")
        let deadline = try dayArgument(try arguments.required("deadline"), name: "--deadline")
        let invite = try arguments.options("invite").flatMap { $0.split(separator: ",").map(String.init) }
        let previous = try arguments.option("previous").map { try AssessmentCycle.ID(validating: $0) }
        let months = try arguments.integer("every", in: 1...120) ?? 12
        try arguments.finish()
        let assessments = SelfAssessments(environment: environment)
        let standards = try await assessments.standardSet(set)
        let agencies = try await environment.records.all(Agency.self, as: operatorPrincipal).map(\.value)
        let known = Set(agencies.map(\.sector.rawValue))
        for sector in invite where sector != "all" && !known.contains(sector) {
            throw CLIError(
                .dataError,
                "--invite: no agency is in sector \(DomainError.quote(sector)); the partnership's sectors are "
                    + known.sorted().joined(separator: ", ")
            )
        }
        let invited = agencies.filter { agency in
            !standards.criteria(for: agency.sector).isEmpty
                && (invite.isEmpty || invite.contains("all") || invite.contains(agency.sector.rawValue))
        }
        guard !invited.isEmpty else {
            throw CLIError(.dataError, "no agency is invited: \(standards.name) has criteria for none of them")
        }
        let cycle = try await assessments.openCycle(
            name: cycleName,
            standardSet: set,
            cadence: Cadence(months: months),
            issuedOn: issued,
            returnDeadline: deadline,
            invite: invited.map(\.id),
            previous: previous,
            by: operatorPrincipal
        )
        output("\(cycle.id)\n")
        message(
            "opened \(cycle.name) (\(standards.name)) with \(invited.count) agencies invited; returns by \(deadline)"
        )
    }
}
