import AssuranceTesting
import Domain
import Foundation
import SQLiteStore
import Testing

@testable import PostgreSQLStore

/// A partnership moves between SQLite and PostgreSQL through a `qaf-backup`, byte for byte.
@Suite struct RoundTripTests {
    /// A partnership with records of every kind the scenario makes, a change log, and observations
    /// with values, fractions, provisional figures and a suppressed one.
    static func fill(_ store: any RecordStore) async throws {
        let day = Day.fixture("2025-09-15")
        try await PartnershipScenario.small(from: .fixture("2025-03-01"))
            .save(into: Records(store: store, clock: .fixed(day)))
        let quarters = try ["2024-Q4", "2025-Q1", "2025-Q2"].map { try ReportingPeriod(parsing: $0) }
        try await store.append(
            [
                ObservationSeries(
                    measure: "referrals",
                    scope: .partnership,
                    points: [
                        SeriesPoint(period: quarters[0], value: 0.1 + 0.2),
                        SeriesPoint(period: quarters[1], value: 41, numerator: 41, denominator: 97),
                        SeriesPoint(period: quarters[2], value: 1e-300, status: .provisional),
                    ]
                ),
                ObservationSeries(
                    measure: "referrals",
                    scope: .agency(PartnershipScenario.police),
                    points: [SeriesPoint(period: quarters[2], value: nil, status: .symbol(.c))]
                ),
            ],
            mode: .insertOnly,
            context: tester
        )
    }

    @Test func aBackupFromSQLiteRestoresIntoPostgreSQLAndExportsByteIdentical() async throws {
        let sqlite = try SQLiteStore.inMemory()
        try await Self.fill(sqlite)
        let backup = StoreBackup.encode(try await sqlite.snapshot())

        let postgres = try await TestServer.store()
        try await StoreBackup.restore(backup, source: "sqlite.qaf-backup", into: postgres)
        #expect(StoreBackup.encode(try await postgres.snapshot()) == backup)
    }

    @Test func aBackupFromPostgreSQLRestoresIntoSQLiteAndExportsByteIdentical() async throws {
        let postgres = try await TestServer.store()
        try await Self.fill(postgres)
        let backup = StoreBackup.encode(try await postgres.snapshot())

        let sqlite = try SQLiteStore.inMemory()
        try await StoreBackup.restore(backup, source: "postgres.qaf-backup", into: sqlite)
        #expect(StoreBackup.encode(try await sqlite.snapshot()) == backup)
        // And the two stores hold the same partnership.
        #expect(try await sqlite.snapshot() == (try await postgres.snapshot()))
    }

    @Test func aRestoreIntoAStoreThatHoldsDataIsRefusedAndChangesNothing() async throws {
        let source = try SQLiteStore.inMemory()
        try await Self.fill(source)
        let postgres = try await TestServer.store()
        try await postgres.write([.save(thing("already-here"))], context: tester)
        let before = try await postgres.snapshot()
        await #expect {
            try await postgres.restore(try await source.snapshot())
        } throws: { error in
            (error as? DomainError)?.code == .invalidInput && "\(error)".contains("not empty")
        }
        #expect(try await postgres.snapshot() == before)
    }
}
