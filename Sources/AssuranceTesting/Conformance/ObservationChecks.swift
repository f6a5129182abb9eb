import Domain
import Foundation

func series(_ measure: String, _ scope: SeriesScope, _ points: [(String, Double?)]) throws -> ObservationSeries {
    ObservationSeries(
        measure: MeasureID(rawValue: measure)!,
        scope: scope,
        points: try points.map { SeriesPoint(period: try ReportingPeriod(parsing: $0.0), value: $0.1) }
    )
}

func observationsAppend(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let first = try series("contacts", .partnership, [("2025-01", 10), ("2025-02", 12)])
    let summary = try await store.append([first], mode: .insertOnly, context: writer)
    try expect(summary == ObservationWriteSummary(inserted: 2, replaced: 0, series: 1), "two inserted, got \(summary)")
    let clash = try series("contacts", .partnership, [("2025-03", 9), ("2025-02", 99)])
    try await expectError(StoreRules.duplicateObservation(clash, try ReportingPeriod(parsing: "2025-02"))) {
        try await store.append([clash], mode: .insertOnly, context: writer)
    }
    let held = try await store.observationSeries(matching: .all)
    try expect(held.first?.points.count == 2, "a refused batch writes nothing, got \(held)")
    let replaced = try await store.append([clash], mode: .replaceExisting, context: writer)
    try expect(
        replaced == ObservationWriteSummary(inserted: 1, replaced: 1, series: 1),
        "one new, one replaced, got \(replaced)"
    )
    let values = try await store.observationSeries(matching: .all).first?.points.map(\.value)
    try expect(values == [10, 99, 9], "replacement kept in period order, got \(String(describing: values))")
    let log = try await store.changeLog(
        for: RecordReference(type: .observationSeries, id: first.changeLogID)
    )
    try expect(log.map(\.kind) == [.appended, .appended], "one entry per series per append, got \(log)")
    try expect(log.map(\.version) == [1, 2], "the series' version counts its appends")
}

func observationsQuery(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let north = SeriesScope.locality("north")
    try await store.append(
        [
            try series("referrals", north, [("2025-02", 3), ("2025-01", 2)]),
            try series("contacts", .agency("police"), [("2025-01", 5)]),
            try series("contacts", .partnership, [("2025-01", 10), ("2025-02", nil), ("2025-03", 11)]),
        ],
        mode: .insertOnly,
        context: writer
    )
    let all = try await store.observationSeries(matching: .all)
    try expect(
        all.map { "\($0.measure) \($0.scope)" } == [
            "contacts partnership", "contacts agency:police", "referrals locality:north",
        ],
        "ordered by measure then scope, got \(all.map { "\($0.measure) \($0.scope)" })"
    )
    try expect(all[2].points.map(\.period.description) == ["2025-01", "2025-02"], "points in period order")
    try expect(all[0].points[1].value == nil, "a missing value stays missing")
    let filtered = try await store.observationSeries(
        matching: ObservationQuery(measures: ["contacts"], scopes: [.partnership], from: try Day(parsing: "2025-02-01"))
    )
    try expect(
        filtered.count == 1 && filtered[0].points.map(\.period.description) == ["2025-02", "2025-03"],
        "filters apply"
    )
    let symbol = ObservationSeries(
        measure: "suppressed",
        scope: .partnership,
        points: [SeriesPoint(period: try ReportingPeriod(parsing: "FY2024-25"), value: nil, status: .symbol(.c))]
    )
    try await store.append([symbol], mode: .insertOnly, context: writer)
    let read = try await store.observationSeries(matching: ObservationQuery(measures: ["suppressed"]))
    try expect(read.first?.points.first?.status == .symbol(.c), "a statistics symbol is kept as what it is")
    try expect(read.first?.points.first?.period.description == "FY2024-25", "a financial period is kept")
}

func observationsRefuseBadValues(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let bad = try series("contacts", .partnership, [("2025-01", 10), ("2025-02", .nan)])
    try await expectError(try ruleError { try StoreRules.validate(bad.points[1], in: bad) }) {
        try await store.append([bad], mode: .insertOnly, context: writer)
    }
    let twice = try series("contacts", .partnership, [("2025-01", 10), ("2025-01", 11)])
    try await expectError(StoreRules.repeatedPeriod(twice, try ReportingPeriod(parsing: "2025-01"))) {
        try await store.append([twice], mode: .replaceExisting, context: writer)
    }
    try expect(try await store.observationSeries(matching: .all).isEmpty, "nothing written")
}

func observationsRefuseSymbolWithValue(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let both = ObservationSeries(
        measure: "suppressed",
        scope: .partnership,
        points: [
            SeriesPoint(period: try ReportingPeriod(parsing: "FY2023-24"), value: 4),
            SeriesPoint(period: try ReportingPeriod(parsing: "FY2024-25"), value: 3, status: .symbol(.c)),
        ]
    )
    try await expectError(try ruleError { try StoreRules.validate(both.points[1], in: both) }) {
        try await store.append([both], mode: .insertOnly, context: writer)
    }
    try expect(try await store.observationSeries(matching: .all).isEmpty, "nothing written")
    try expect(try await store.snapshot().isEmpty, "a refused append leaves no trace in the change log")
}

func observationsSeriesTwiceRefused(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let first = try series("contacts", .partnership, [("2025-01", 10)])
    let again = try series("contacts", .partnership, [("2025-02", 11)])
    try await expectError(StoreRules.repeatedSeries(again, at: 1)) {
        try await store.append([first, again], mode: .insertOnly, context: writer)
    }
    try expect(try await store.snapshot().isEmpty, "a refused append writes nothing, and logs nothing")
}

func recordsAndObservationsInOneTransaction(
    _ store: any RecordStore,
    _ makeStore: StoreConformance.MakeStore
) async throws {
    let survey = try series("survey-felt-heard", .partnership, [("FY2025-26", 71)])
    let applied = try await store.apply(
        StoreChanges(records: [.save(record("a"))], observations: [survey], observationMode: .insertOnly),
        context: writer
    )
    try expect(applied.records.map(\.version) == [1], "the record is saved at version 1, got \(applied.records)")
    try expect(
        applied.observations == ObservationWriteSummary(inserted: 1, replaced: 0, series: 1),
        "the observation is appended, got \(applied.observations)"
    )
    let log = try await store.changeLog(from: .distantPast, to: .distantFuture)
    try expect(
        log.map(\.kind) == [.created, .appended] && log.map(\.sequence) == [1, 2],
        "the record's entry, then the series', in one log, got \(log)"
    )
    // A stale record refuses the observations with it; a held observation refuses the records with it.
    let more = try series("survey-felt-heard", .partnership, [("FY2026-27", 75)])
    try await expectError(StoreRules.stale(RecordReference(type: "test.thing", id: "a"), expected: 0, held: 1)) {
        try await store.apply(StoreChanges(records: [.save(record("a"))], observations: [more]), context: writer)
    }
    try await expectError(StoreRules.duplicateObservation(survey, try ReportingPeriod(parsing: "FY2025-26"))) {
        try await store.apply(StoreChanges(records: [.save(record("b"))], observations: [survey]), context: writer)
    }
    try expect(try await store.record(RecordReference(type: "test.thing", id: "b")) == nil, "b was not written")
    let points = try await store.observationSeries(matching: .all).flatMap(\.points)
    try expect(points.map(\.value) == [71], "FY2026-27 was not written, got \(points)")
    try expect(try await store.changeLog(from: .distantPast, to: .distantFuture) == log, "nothing more was logged")
}
