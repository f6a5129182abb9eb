import Domain
import Foundation
import Tables
import Testing

/// The tables' page is written from the tables themselves.
///
/// `Documentation/Tables.md` lists every table with its columns as `qaf export --tables` writes
/// them. Run with `QAF_RECORD_SNAPSHOTS=1` to write it afresh.
@Suite struct TablesDocumentationTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Documentation/Tables.md")

    @Test func tablesMarkdownDescribesEveryTableAsExported() async throws {
        let scenario = try await TablesScenario.make()
        let files = try await scenario.export()
        let text = try Self.document(files, types: scenario.tables.types)
        if ProcessInfo.processInfo.environment["QAF_RECORD_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: Self.path)
        }
        let written = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(written == text, "Documentation/Tables.md is out of date; write it with QAF_RECORD_SNAPSHOTS=1")
        // Every table the miniature partnership fills is there.
        for file in files { #expect(written.contains("## `\(file.name)`")) }
    }

    /// The form of a column's cells, from the values an exported table holds.
    static func form(of values: [String]) -> String {
        let forms = Set(values.filter { !$0.isEmpty }.map(form(of:)))
        if forms.isEmpty { return "(empty in the example)" }
        if forms.contains("list, `;` between items") { return "list, `;` between items" }
        return forms.count == 1 ? forms.first! : "text"
    }

    static func form(of value: String) -> String {
        if value.hasPrefix("[") || value.hasPrefix("{") { return "JSON" }
        if (try? Day(parsing: value)) != nil { return "day (YYYY-MM-DD)" }
        if ["true", "false"].contains(value) { return "true or false" }
        if Double(value) != nil { return "number" }
        if value.contains(";") { return "list, `;` between items" }
        return "text"
    }

    static func document(_ files: [TableFile], types: [any StorableRecord.Type]) throws -> String {
        var text = """
            # Tables

            `qaf export --db DB --tables DIR` writes one CSV file per kind of record, and the
            observations of every measure as one more; `qaf import tables DIR --db DB` reads them back.
            This page lists every table as the export of the test partnership writes it: its columns in
            order, and the form and an example of each cell. It is written by a test
            (`TablesDocumentationTests`), which fails when a table changes and this page does not.

            How cells are written (see [DataFormats.md](DataFormats.md#tables) for the rules of import):

            - **text** as it is; **number** with a point for decimals and no thousands separator;
              **true or false** as `true`/`false` (`yes`/`no` and `1`/`0` are read too); **day** as
              `YYYY-MM-DD`;
            - an id of another record as that record's `id`; a list of ids or codes as the items with
              `;` between them (`council;police`);
            - anything else nested (grades, milestones, responses, updates) as JSON in its cell;
            - `stored version`: the version the row was exported at. Leave it as exported when you edit a
              row; leave it empty for a new row. A row whose record has changed in the database since
              its export is refused rather than overwritten.

            A table may hold some of its kind's records: rows are matched by `id`, a row not in the
            file is left as it is, and nothing is ever deleted by an import.

            """
        let names = Dictionary(uniqueKeysWithValues: types.map { (RecordTables.fileName(of: $0), "\($0)") })
        for file in files.sorted(by: { $0.name < $1.name }) {
            let rows = try CSVText.rows(file.data).map(\.cells)
            guard let header = rows.first else { continue }
            let kind = names[file.name].map { " (\($0))" } ?? " (the observations of every measure)"
            text += "\n## `\(file.name)`\(kind)\n\n| column | form | example |\n|---|---|---|\n"
            for (index, column) in header.enumerated() {
                let values = rows.dropFirst().map { index < $0.count ? $0[index] : "" }
                let example = values.first { !$0.isEmpty } ?? ""
                let shown = example.count > 60 ? String(example.prefix(57)) + "…" : example
                let cell = shown.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                text += "| `\(column)` | \(form(of: values)) | \(cell.isEmpty ? "" : "`\(cell)`") |\n"
            }
        }
        let absent = types.map { RecordTables.fileName(of: $0) }.filter { name in !files.contains { $0.name == name } }
        if !absent.isEmpty {
            text +=
                "\nThe test partnership holds no records of "
                + absent.sorted().map { "`\($0)`" }.joined(separator: ", ")
                + "; their tables take the same forms, and `qaf export --tables` writes them when a "
                + "database holds such records.\n"
        }
        return text
    }
}
