import Domain
import Foundation
import Measures
import SQLiteStore
import Section11

/// `qaf import`: observations, published comparators and (with Section 11) assessments into a database.
enum ImportCommand: Command {
    static let name = "import"
    static let summary =
        "import measures (CSV), published DfE comparators (EES CSV) Section 11 returns (JSON or .xlsx) or tables"
    static let help = """
        usage: qaf import measures FILE --db DB [--replace]
               qaf import ees FILE --db DB --indicator COLUMN --neighbours SN.csv --la CODE --measure ID
                   [--decimals N] [--filter COL=VALUE]
               qaf import section11 FILE.json|FILE.xlsx --db DB
               qaf import form FILE.xlsx --db DB
               qaf import tables DIR --db DB [--dry-run] [--by NAME]

        measures: a CSV file with the header measure,scope,period,value and optionally numerator,
          denominator and status. measure is a catalogue id; scope is partnership, or an agency or locality
          id; period is the canonical text of a period of the measure's frequency (2025-04, FY2025-26-Q1).
          Every row is checked before any is written, and all are written in one transaction. A period
          already held is refused unless --replace is given.
        ees: an indicator of an Explore Education Statistics CSV file, for one local authority: its values,
          its statistical neighbours' median, England's and its region's, as series of the measure and
          its comparators (ID.sn-median, ID.england, ID.region).
        section11: a cycle's assessments in the qaf-section11-assessments JSON format: each agency's
          ratings, narrative, evidence and actions, and "submit": true to submit. The cycle must be open.
          Or one agency's return as a spreadsheet (.xlsx) that qaf section11 template wrote and the agency
          filled in: its answers are set and, when its "Ready to submit" says Yes, it is submitted.
          Sheets renamed or moved, dates typed as dates or as text, are read.

        form: any form qaf form writes, filled in: a Section 11 return, an agency's case returns (every
          case sheet submitted), an action-plan update (each status, update and evidence), or a meeting's
          attendance register. A form written before its records changed is refused (exit 65).

        tables: a folder of CSV tables as qaf export --tables writes them (Documentation/Tables.md), with
          the partnership's profile.qaf-profile.json beside them. A database that does not exist is made
          from that profile. Rows are matched by id: a row the database holds as it is changes nothing,
          a changed row is a new version with its history, a new row is added; a row exported from a
          version since replaced is refused (exit 65). --dry-run checks and counts without writing;
          --by names who imports, in the change log.

        A bad value is an error naming the file, line and column (exit 65); nothing is written.

        example:
          qaf import measures april.csv --db qaf-demo/partnership.sqlite
        """

    static func run(_ arguments: inout Arguments) async throws {
        let positionals = arguments.positionals
        guard positionals.count == 2 else {
            throw CLIError.usage("expected KIND FILE (KIND is measures, ees, section11, form or tables)", command: name)
        }
        let kind = positionals[0]
        let file = positionals[1]
        if kind == "tables" {
            try await importTables(file, arguments: &arguments)
            return
        }
        let database = try arguments.required("db")
        switch kind {
        case "measures":
            let replace = arguments.flag("replace")
            try arguments.finish()
            let data = try readInput(file)
            let store = try openDatabase(database, create: true)
            let summary = try await MeasureData(environment: environment(store)).importObservations(
                csv: data,
                source: file,
                mode: replace ? .replaceExisting : .insertOnly,
                by: operatorPrincipal
            )
            message(
                "imported \(summary.inserted + summary.replaced) observations (\(summary.replaced) replaced) in \(summary.series) series"
            )
        case "ees":
            let indicator = try arguments.required("indicator")
            let neighboursPath = try arguments.required("neighbours")
            let code = try arguments.required("la")
            let measureText = try arguments.required("measure")
            let decimals = try arguments.integer("decimals", in: 0...10)
            let filters = try arguments.pairs("filter")
            try arguments.finish()
            guard let measure = MeasureID(rawValue: measureText) else {
                throw CLIError.usage("--measure \(DomainError.quote(measureText)) is not a measure id", command: name)
            }
            let statistics = try PublishedStatistics(
                data: try readInput(file),
                source: file,
                indicator: indicator,
                filters: filters
            )
            let model = try StatisticalNeighbourModel(data: try readInput(neighboursPath), source: neighboursPath)
            let store = try openDatabase(database, create: true)
            let summary = try await MeasureData(environment: environment(store)).importComparators(
                statistics,
                neighbours: model,
                localAuthority: code,
                measure: measure,
                decimals: decimals,
                by: operatorPrincipal
            )
            message("imported \(summary.inserted + summary.replaced) published values in \(summary.series) series")
        case "section11":
            try await importSection11(file, database: database, arguments: &arguments)
        case "form":
            try await importForm(file, database: database, arguments: &arguments)
        default:
            throw CLIError.usage(
                "unknown kind \(DomainError.quote(kind)); expected measures, ees, section11, form or tables",
                command: name
            )
        }
    }

    /// A cycle's assessments as JSON, or one agency's return form as a spreadsheet.
    static func importSection11(_ file: String, database: String, arguments: inout Arguments) async throws {
        try arguments.finish()
        let data = try readInput(file)
        let store = try openDatabase(database, create: false)
        if data.starts(with: Array("PK".utf8)) {
            let assessment = try await Section11Forms(environment: environment(store)).importReturn(
                try readWorkbook(data, file: file),
                file: file,
                by: operatorPrincipal
            )
            try await store.checkpoint()
            message("imported \(assessment.agency)'s return (\(assessment.status))")
            return
        }
        let written = try await SelfAssessments(environment: environment(store)).importAssessments(
            json: data,
            source: file,
            by: operatorPrincipal
        )
        let submitted = written.filter { $0.status == .submitted }.count
        message("imported \(written.count) assessments (\(submitted) submitted)")
    }
}
