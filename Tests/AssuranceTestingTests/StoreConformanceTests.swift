import AssuranceTesting
import Domain
import Foundation
import Testing

/// The conformance suite catches stores that break the package's promises, and names what broke.
struct StoreConformanceTests {
    @Test func conformanceReportsEveryFailedCheckByName() async throws {
        // A store that loses every write fails the suite, and the failure names the checks.
        let failure = await #expect(throws: StoreConformanceFailure.self) {
            try await StoreConformance { ForgetfulStore() }.run()
        }
        let names = failure?.failures.map(\.check) ?? []
        #expect(names.contains("save and load"))
        #expect(names.contains("stale write refused"))
        #expect(failure?.description.hasPrefix("\(names.count) store conformance check(s) failed:") == true)
    }

    /// A store that lets the last writer win, whatever version it read, loses updates: the racing
    /// check must see it.
    @Test func aStoreThatLetsTheLastWriterWinFailsTheRacingCheck() async throws {
        let failure = await #expect(throws: StoreConformanceFailure.self) {
            try await StoreConformance { LastWriterWinsStore() }.run("racing updates: none lost")
        }
        #expect(failure?.failures.first?.reason.contains("updates landed") == true, "\(String(describing: failure))")
        // The same store passes checks that do not depend on versions.
        try await StoreConformance { LastWriterWinsStore() }.run("save and load")
    }

    /// A store that mends bad input instead of refusing it (a symbol beside a value kept as the value,
    /// a backup's disorder sorted out, a negative version taken as new) fails the checks that
    /// expect the refusal, and each names what it expected.
    @Test func aStoreThatMendsBadInputFailsTheRefusalChecks() async throws {
        let failure = await #expect(throws: StoreConformanceFailure.self) {
            try await StoreConformance { MendingStore() }.run()
        }
        let failed = Dictionary(uniqueKeysWithValues: (failure?.failures ?? []).map { ($0.check, $0.reason) })
        #expect(
            failed.keys.sorted() == [
                "bad records refused", "malformed backup refused",
                "observations: a series twice in one append refused",
                "observations: a symbol beside a value refused",
            ]
        )
        #expect(failed["bad records refused"]?.hasPrefix("expected invalidInput, but nothing was thrown") == true)
    }

    /// A store whose pages start at the id they were asked to follow reads that record twice: the
    /// paging check sees it, and a store that does not page has nothing to check.
    @Test func aStoreWhosePagesRepeatTheirFirstRecordFailsThePagingCheck() async throws {
        let failure = await #expect(throws: StoreConformanceFailure.self) {
            try await StoreConformance { OverlappingPagesStore() }.run("pages read what a whole read reads")
        }
        #expect(failure?.failures.first?.reason.hasPrefix("pages of 1 for") == true, "\(String(describing: failure))")
        try await StoreConformance { ForgetfulStore() }.run("pages read what a whole read reads")
    }

    @Test func everyCheckHasAName() {
        #expect(StoreConformance.checkNames.count == 30)
        #expect(Set(StoreConformance.checkNames).count == StoreConformance.checkNames.count)
        #expect(StoreConformance.checkNames.contains("racing updates: none lost"))
    }

    @Test func theScenarioSavesIntoAnyStore() async throws {
        let store = InMemoryStore()
        let scenario = PartnershipScenario.small(from: .fixture("2025-01-01"), months: 2)
        try await scenario.save(into: Records(store: store))
        let agencies = try await store.records(matching: RecordQuery(Agency.recordType))
        #expect(agencies.count == scenario.agencies.count)
        #expect(scenario.meetings.allSatisfy { $0.day >= .fixture("2025-01-01") })
    }
}

/// A store that accepts writes and keeps nothing: the conformance suite must catch it.
private struct ForgetfulStore: RecordStore {
    func record(_ reference: RecordReference) async throws -> StoredRecord? { nil }
    func records(matching query: RecordQuery) async throws -> [StoredRecord] { [] }
    func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        let saved = changes.records.compactMap { write -> StoredRecord? in
            guard case .save(var record) = write else { return nil }
            record.version += 1
            return record
        }
        return AppliedChanges(records: saved)
    }
    func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] { [] }
    func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] { [] }
    func storedSchemaVersions() async throws -> [RecordType: Int] { [:] }
    func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] { [] }
    func snapshot() async throws -> StoreSnapshot { StoreSnapshot(records: [], series: [], changeLog: []) }
    func restore(_ snapshot: StoreSnapshot) async throws {}
}

/// An in-memory store that ignores the version a writer read: each save overwrites what is held.
private actor LastWriterWinsStore: RecordStore {
    private let inner = InMemoryStore()

    func record(_ reference: RecordReference) async throws -> StoredRecord? { try await inner.record(reference) }
    func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        try await inner.records(matching: query)
    }
    func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        var fixed = changes
        fixed.records = []
        for write in changes.records {
            guard case .save(var record) = write else {
                fixed.records.append(write)
                continue
            }
            record.version = try await inner.record(record.reference)?.version ?? 0
            fixed.records.append(.save(record))
        }
        return try await inner.apply(fixed, context: context)
    }
    func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        try await inner.changeLog(for: reference)
    }
    func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        try await inner.changeLog(from: start, to: end)
    }
    func storedSchemaVersions() async throws -> [RecordType: Int] { try await inner.storedSchemaVersions() }
    func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        try await inner.observationSeries(matching: query)
    }
    func snapshot() async throws -> StoreSnapshot { try await inner.snapshot() }
    func restore(_ snapshot: StoreSnapshot) async throws { try await inner.restore(snapshot) }
}

/// An in-memory store that mends what it should refuse: the conformance suite must catch it.
private actor MendingStore: RecordStore {
    private let inner = InMemoryStore()

    func record(_ reference: RecordReference) async throws -> StoredRecord? { try await inner.record(reference) }
    func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        try await inner.records(matching: query)
    }
    func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        var mended = changes
        mended.records = changes.records.map { write -> RecordWrite in
            guard case .save(var record) = write else { return write }
            record.version = max(0, record.version)
            record.schemaVersion = max(1, record.schemaVersion)
            return .save(record)
        }
        // Merges a series given twice, and takes a value beside a symbol as an actual value.
        var merged: [SeriesKey: ObservationSeries] = [:]
        var order: [SeriesKey] = []
        for series in changes.observations {
            if merged[series.key] == nil { order.append(series.key) }
            var held = merged[series.key] ?? ObservationSeries(series.key)
            held.points += series.points.map { point in
                var point = point
                if point.value != nil, !point.status.hasValue { point.status = .actual }
                return point
            }
            merged[series.key] = held
        }
        mended.observations = order.compactMap { merged[$0] }
        return try await inner.apply(mended, context: context)
    }
    func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        try await inner.changeLog(for: reference)
    }
    func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        try await inner.changeLog(from: start, to: end)
    }
    func storedSchemaVersions() async throws -> [RecordType: Int] { try await inner.storedSchemaVersions() }
    func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        try await inner.observationSeries(matching: query)
    }
    func snapshot() async throws -> StoreSnapshot { try await inner.snapshot() }
    func restore(_ snapshot: StoreSnapshot) async throws {
        var mended = snapshot
        mended.changeLog.sort { $0.sequence < $1.sequence }
        var seen = Set<RecordReference>()
        mended.records = mended.records.filter { seen.insert($0.reference).inserted }.map {
            var record = $0
            record.version = max(1, record.version)
            return record
        }
        var seenSeries = Set<SeriesKey>()
        mended.series = mended.series.filter { seenSeries.insert($0.series.key).inserted }
        try await inner.restore(mended)
    }
}

/// An in-memory store whose pages begin at the id asked to follow, not after it.
private struct OverlappingPagesStore: PagedRecordStore, ForwardingStore {
    let inner = InMemoryStore()
    var wrapped: any RecordStore { inner }

    func records(
        matching query: RecordQuery,
        after id: Identifier<AnyRecordKind>?,
        limit: Int
    ) async throws -> [StoredRecord] {
        let whole = try await inner.records(matching: query)
        return Array(whole.filter { record in id.map { record.id >= $0 } ?? true }.prefix(limit))
    }
}
