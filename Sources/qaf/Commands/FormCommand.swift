import Audit
import Domain
import Foundation
import SQLiteStore
import Section11
import Spreadsheets

/// `qaf form`: write a form for an agency or a meeting to fill in with a spreadsheet program.
enum FormCommand: Command {
    static let name = "form"
    static let summary = "write a spreadsheet form: a Section 11 return, case returns, an action plan, a register"
    static let help = """
        usage: qaf form section11 --db DB --cycle ID --agency ID -o FILE.xlsx
               qaf form case-returns --db DB --audit ID --agency ID -o FILE.xlsx
               qaf form action-plan --db DB --agency ID -o FILE.xlsx
               qaf form register --db DB --group ID --day DAY -o FILE.xlsx

        Writes an .xlsx workbook for an agency (or a meeting's clerk) to fill in with Excel or LibreOffice
        Calc: the questions on one sheet, with drop-downs for the choices, and the instructions and the
        deadline on a sheet of their own. qaf import form FILE.xlsx reads any of them back; sheets may be
        renamed or moved, and dates typed as dates or as text.
          section11     an agency's Section 11 or s175 return for a cycle (as qaf section11 template)
          case-returns  an agency's returns for the cases an audit sampled: a sheet per case, each
                        section graded with its rationale and each question answered
          action-plan   an agency's open actions: the new status, what was done, the evidence
          register      the attendance register of a group's meeting on a day

        example:
          qaf form action-plan --db p.sqlite --agency police -o police-actions.xlsx
        """

    static func run(_ arguments: inout Arguments) async throws {
        let kind = try arguments.positional(["kind"])[0]
        let store = try openDatabase(try arguments.required("db"), create: false)
        let environment = environment(store)
        guard let out = try arguments.option("o") else {
            throw CLIError.usage("form needs -o FILE.xlsx", command: name)
        }
        let workbook: Workbook
        switch kind {
        case "section11":
            let cycle = try AssessmentCycle.ID(validating: try arguments.required("cycle"))
            let agency = try Agency.ID(validating: try arguments.required("agency"))
            try arguments.finish()
            workbook = try await Section11Forms(environment: environment).template(
                cycle: cycle,
                agency: agency,
                as: operatorPrincipal
            )
        case "case-returns":
            let audit = try Audit.ID(validating: try arguments.required("audit"))
            let agency = try Agency.ID(validating: try arguments.required("agency"))
            try arguments.finish()
            workbook = try await CaseReturnForms(environment: environment).template(
                audit: audit,
                agency: agency,
                as: operatorPrincipal
            )
        case "action-plan":
            let agency = try Agency.ID(validating: try arguments.required("agency"))
            try arguments.finish()
            workbook = try await ActionPlanForms(environment: environment).template(
                agency: agency,
                as: operatorPrincipal
            )
        case "register":
            let group = try Group.ID(validating: try arguments.required("group"))
            let day = try dayArgument(try arguments.required("day"), name: "--day")
            try arguments.finish()
            workbook = try await AttendanceRegisterForms(environment: environment).template(
                group: group,
                day: day,
                as: operatorPrincipal
            )
        default:
            throw CLIError.usage(
                "unknown form \(DomainError.quote(kind)); expected section11, case-returns, action-plan or register",
                command: name
            )
        }
        try write(workbook, to: out)
        message("wrote the \(kind) form to \(out)")
    }

    /// Writes a workbook to a file.
    static func write(_ workbook: Workbook, to path: String) throws {
        do {
            try workbook.data().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError(.software, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}

extension ImportCommand {
    /// Any form the package writes, filled in.
    static func importForm(_ file: String, database: String, arguments: inout Arguments) async throws {
        try arguments.finish()
        let data = try readInput(file)
        let store = try openDatabase(database, create: false)
        let imported = try await PartnershipForms(environment: environment(store)).importForm(
            data,
            file: file,
            by: operatorPrincipal
        )
        try await store.checkpoint()
        switch imported {
        case .section11Return(let assessment):
            message("imported \(assessment.agency)'s Section 11 return (\(assessment.status))")
        case .caseReturns(let returns):
            message("imported and submitted \(returns.count) case return\(returns.count == 1 ? "" : "s")")
        case .actionPlanUpdate(let actions):
            let completed = actions.filter(\.status.isComplete).count
            message("imported updates on \(actions.count) actions (\(completed) completed)")
        case .attendanceRegister(let meeting):
            message(
                "imported the register of \(meeting.group) on \(meeting.day): \(meeting.attended.count) of \(meeting.invited.count) attended"
            )
        }
    }
}
