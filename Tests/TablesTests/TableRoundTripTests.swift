import Domain
import Foundation
import Tables
import Testing

/// Every record out to tables and back: the same reports, nothing changed twice, a changed row a
/// new version, a stale row refused.
@Suite struct TableRoundTripTests {
    @Test func tablesImportedIntoANewStoreGiveByteIdenticalReportsForEveryKindAndAudience() async throws {
        let source = try await TablesScenario.make()
        let files = try await source.export()
        let copy = try TablesScenario.empty()
        let imported = try await copy.importFiles(files)
        let sourceRecords = try await source.store.snapshot().records
        #expect(imported.added.count == sourceRecords.count)
        #expect(imported.changed.isEmpty)
        #expect(
            imported.observations
                == (try await source.store.snapshot().series.reduce(0) { $0 + $1.series.points.count })
        )

        let expected = try await source.reports()
        let reports = try await copy.reports()
        #expect(
            reports.count == 23,
            "8 kinds for the partnership and internally, 7 for the public: an agency's feedback is not public"
        )
        #expect(reports.keys.sorted() == expected.keys.sorted())
        for (name, html) in expected {
            #expect(reports[name] == html, "\(name) differs after the round trip")
        }
    }

    @Test func importingTheSameTablesAgainChangesNothing() async throws {
        let source = try await TablesScenario.make()
        let files = try await source.export()
        let copy = try TablesScenario.empty()
        try await copy.importFiles(files)
        let changes = try await copy.changeCount()
        let again = try await copy.importFiles(files)
        #expect(again.isEmpty)
        #expect(again.unchanged == (try await source.store.snapshot().records.count))
        #expect(try await copy.changeCount() == changes)
        // The copy's own export imports into itself as a no-op too.
        #expect(try await copy.importFiles(try await copy.export()).isEmpty)
    }

    @Test func aChangedRowWritesANewVersionWithItsChangeLogEntry() async throws {
        let scenario = try await TablesScenario.make()
        let files = try await scenario.export()
        let changes = try await scenario.changeCount()
        let edited = try files.setting("domain.agency.csv", column: "name", to: "Renamed Family Support Project")
        let imported = try await scenario.importFiles(edited)
        #expect(imported.changed.count == 1)
        #expect(imported.added.isEmpty)
        let reference = try #require(imported.changed.first)
        let stored = try #require(
            try await scenario.store.snapshot().records.first { $0.reference == reference }
        )
        #expect(stored.version == 2)
        let agency = try RecordCoder.decode(Agency.self, from: stored).value
        #expect(agency.name == "Renamed Family Support Project")
        let log = try await scenario.store.snapshot().changeLog
        #expect(log.count == changes + 1)
        #expect(log.last?.record == reference)
    }

    @Test func aRowExportedBeforeTheStoreChangedItIsRefusedAsStale() async throws {
        let scenario = try await TablesScenario.make()
        let files = try await scenario.export()
        try await scenario.importFiles(try files.setting("domain.agency.csv", column: "name", to: "First change"))
        let before = try await scenario.store.snapshot()
        let stale = try files.setting("domain.agency.csv", column: "name", to: "Second change, from the old export")
        let error = try await #require(throws: DomainError.self) { try await scenario.importFiles(stale) }
        #expect(error.code == .staleWrite)
        #expect(error.message.contains("domain.agency.csv: line 2"))
        #expect(error.message.contains("version 1"))
        #expect(try await scenario.store.snapshot() == before)
    }

    @Test func aDryRunCountsWhatItWouldWriteAndWritesNothing() async throws {
        let source = try await TablesScenario.make()
        let files = try await source.export()
        let copy = try TablesScenario.empty()
        let dry = try await copy.importFiles(files, dryRun: true)
        #expect(dry.added.count == (try await source.store.snapshot().records.count))
        #expect(try await copy.store.snapshot().isEmpty)
        let real = try await copy.importFiles(files)
        #expect(real == dry)
    }

    @Test func tablesSavedAgainByLibreOfficeCalcChangeNothing() async throws {
        let scenario = try await TablesScenario.make()
        var files = try await scenario.export()
        if let folder = ProcessInfo.processInfo.environment["QAF_WRITE_TABLES"] {
            for file in files {
                try file.data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(file.name))
            }
        }
        for name in ["domain.agency.csv", "domain.meeting.csv", "audit.case-return.csv", "learning.action.csv"] {
            files = files.replacing(name, with: try TablesScenario.fixture("libreoffice/\(name)"))
        }
        let imported = try await scenario.importFiles(files)
        #expect(imported.isEmpty, "\(imported)")
    }

    @Test func daysWrittenTheBritishWayAreRead() async throws {
        let scenario = try await TablesScenario.make()
        let files = try await scenario.export()
        // As Excel in the United Kingdom saves a day it recognised: DD/MM/YYYY.
        let edited = try files.editing("domain.meeting.csv") { rows in
            let column = rows[0].firstIndex(of: "day")!
            let parts = rows[1][column].split(separator: "-")
            rows[1][column] = "\(parts[2])/\(parts[1])/\(parts[0])"
        }
        #expect(try await scenario.importFiles(edited).isEmpty)
    }

    @Test func spreadsheetCSVIsRead() async throws {
        let scenario = try await TablesScenario.make()
        let files = try await scenario.export()
        let agencies = try #require(files.file("domain.agency.csv"))
        // As Excel's "CSV UTF-8" saves: a byte-order mark, CRLF line ends, every field quoted,
        // and empty rows at the end.
        let rows = try CSVText.rows(agencies.data).map(\.cells)
        var text = "\u{FEFF}"
        for row in rows { text += row.map { "\"\($0)\"" }.joined(separator: ",") + "\r\n" }
        text += ",,,,,\r\n,,,,,\r\n"
        let imported = try await scenario.importFiles(files.replacing("domain.agency.csv", text: text))
        #expect(imported.isEmpty)
    }
}
