public import Foundation
import Synchronization

/// A read-only view of the partnership's records for rules, analyses and report sections.
///
/// Each record type is decoded once per view and shared by every rule that reads it, so an
/// assurance cycle decodes each record once however many rules look at it, and an analysis a
/// module memoizes on the view (every series' SPC) is made once for the signals, the rules, the
/// reminders and the report sections that share it.
///
/// A view is made for a reader: the assurance cycle reads as ``Principal/system``, and a report's
/// view is made by ``AssuranceFramework/view(for:as:)``, which checks once that its maker may read
/// what the report shows.
public final class AssuranceView: Sendable {
    /// Which days are working days.
    public let calendar: any WorkingDayCalendar
    /// The partnership's time zone.
    public let timeZone: TimeZone
    /// The names of the modules composed into the framework.
    public let moduleNames: [String]
    /// Who reads through the view: the cycle's ``Principal/system``, or a report's maker.
    public let reader: Principal
    /// The partnership's framework in its own words.
    ///
    /// Its names for the levels, what it says of each obligation, its report titles: rules and
    /// sections word what they say with it.
    public let document: FrameworkDocument
    /// The measures the partnership's catalogue defines, by id: their names, units and roles.
    public let measures: [MeasureID: MeasureDescription]
    private let store: any RecordStore
    private let decoded: DecodedRecordCache?
    // Guards the caches: lists of decoded records by type, and the observation series.
    private let cache = Mutex<[RecordType: any Sendable]>([:])
    private let seriesCache = Mutex<[ObservationSeries]?>(nil)
    // Guards values a module derives once per view, such as every series' SPC chart, and the keys
    // derived, in the order they were first asked for.
    private let derived = Mutex<(values: [String: any Sendable], keys: [String])>(([:], []))

    /// Creates a view over a store.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - calendar: Which days are working days.
    ///   - timeZone: The partnership's time zone.
    ///   - moduleNames: The names of the composed modules.
    ///   - decodedRecords: Records decoded by earlier views, reused where the store still holds the
    ///     same bytes; an ``AssuranceFramework`` passes its environment's.
    ///   - reader: Who reads through the view, once allowed to.
    ///   - document: The partnership's framework in its own words.
    ///   - measures: The measures the partnership's catalogue defines.
    public init(
        store: any RecordStore,
        calendar: any WorkingDayCalendar = EnglandAndWalesCalendar(),
        timeZone: TimeZone = .england,
        moduleNames: [String] = [],
        decodedRecords: DecodedRecordCache? = nil,
        reader: Principal = .system,
        document: FrameworkDocument = .unnamed,
        measures: [MeasureDescription] = []
    ) {
        self.store = store
        self.decoded = decodedRecords
        self.calendar = calendar
        self.timeZone = timeZone
        self.moduleNames = moduleNames
        self.reader = reader
        self.document = document
        self.measures = Dictionary(measures.map { ($0.id, $0) }) { first, _ in first }
    }

    /// A measure's name, or its id when the catalogue does not define it.
    public func name(of measure: MeasureID) -> String { measures[measure]?.name ?? measure.rawValue }

    /// Every record of a type with its version, in id order (decoded once per view).
    ///
    /// The pairs are made on each call; a rule that needs only the values asks ``all(_:)``, which
    /// shares the view's array.
    public func versioned<Record: StorableRecord>(_ type: Record.Type) async throws -> [Versioned<Record>] {
        let held = try await decodedRecords(type)
        return zip(held.values, held.versions).map { Versioned($0, version: $1) }
    }

    /// Every record of a type, in id order (decoded once per view).
    ///
    /// Every call shares the one array the view holds, so rules and sections that each ask for a
    /// national tracker's actions copy nothing.
    public func all<Record: StorableRecord>(_ type: Record.Type) async throws -> [Record] {
        try await decodedRecords(type).values
    }

    /// A type's records and their versions, decoded on first asking and kept apart, so that `all`
    /// hands out the values without copying them out of versioned pairs each time.
    private func decodedRecords<Record: StorableRecord>(_ type: Record.Type) async throws -> DecodedRecords<Record> {
        if let cached = cache.withLock({ $0[Record.recordType] }) as? DecodedRecords<Record> { return cached }
        let query = RecordQuery(Record.recordType)
        let held: DecodedRecords<Record>
        if let decoded {
            let (values, versions) = try await decoded.decodeAll(type, from: try await store.records(matching: query))
            held = DecodedRecords(values: values, versions: versions)
        } else if let paged = store as? any PagedRecordStore {
            // Without a cache to fill, nothing needs every payload at once: a page at a time.
            let (values, versions) = try await RecordCoder.readWhole(type, query, from: paged)
            held = DecodedRecords(values: values, versions: versions)
        } else {
            let (values, versions) = try await RecordCoder.decodeConcurrently(
                type,
                from: try await store.records(matching: query)
            )
            held = DecodedRecords(values: values, versions: versions)
        }
        cache.withLock { $0[Record.recordType] = held }
        return held
    }

    /// Every record of a type, by id.
    public func byID<Record: StorableRecord>(_ type: Record.Type) async throws -> [Record.ID: Record] {
        (try await all(type)).keyed(by: \.id)
    }

    /// The records of a type that match a filter, read directly from the store.
    public func records<Record: StorableRecord>(_ type: Record.Type, _ filter: RecordFilter) async throws -> [Record] {
        let decoder = RecordJSONDecoder()
        return try await store.records(matching: RecordQuery(Record.recordType, filter)).map {
            try RecordCoder.decode(type, from: $0, decoder: decoder).value
        }
    }

    /// Part of each record of a type that matches a filter, read directly from the store: only the
    /// fields the projection names are made.
    ///
    /// ```swift
    /// let grades = try await view.records(CaseReturnGrades.self, RecordFilter(key: audit.id.rawValue))
    /// ```
    public func records<Projection: RecordProjection>(
        _ projection: Projection.Type,
        _ filter: RecordFilter
    ) async throws -> [Projection] {
        let query = RecordQuery(Projection.Source.recordType, filter)
        // A whole type is read a page at a time where the store can: its payloads are then held a
        // page at a time. A filtered read names a few of an owner's records through an index, and
        // paging it would search the index again for each page.
        if let paged = store as? any PagedRecordStore, filter == RecordFilter() {
            return try await RecordCoder.readWhole(projection, query, from: paged)
        }
        return try await RecordCoder.decodeConcurrently(projection, from: try await store.records(matching: query))
    }

    /// The record of a type with an id, or `nil`.
    public func record<Record: StorableRecord>(_ type: Record.Type, id: Record.ID) async throws -> Record? {
        guard let stored = try await store.record(RecordReference(type, id: id)) else { return nil }
        return try RecordCoder.decode(type, from: stored).value
    }

    /// A value derived from the records once per view and shared by every rule and section that asks
    /// for it under the same key, such as a module's analysis of every series.
    public func memoized<Value: Sendable>(_ key: String, _ compute: () async throws -> Value) async throws -> Value {
        if let cached = derived.withLock({ $0.values[key] }) as? Value { return cached }
        let value = try await compute()
        derived.withLock {
            if $0.values.updateValue(value, forKey: key) == nil { $0.keys.append(key) }
        }
        return value
    }

    /// The keys of every value derived on this view (``memoized(_:_:)``), in the order first asked
    /// for: what the view has analysed.
    public var derivedKeys: [String] { derived.withLock { $0.keys } }

    /// Puts records a transaction has staged, and not yet written, in the view's place of that
    /// type's stored records, so that what reads the view next sees them: the cycle's signals,
    /// for the rules that follow them.
    ///
    /// - Parameter records: Every record of the type as the transaction leaves it, with the version
    ///   each will have.
    package func stage<Record: StorableRecord>(_ records: [Versioned<Record>]) {
        let sorted = records.sorted { $0.value.id < $1.value.id }
        let held = DecodedRecords(values: sorted.map(\.value), versions: sorted.map(\.version))
        cache.withLock { $0[Record.recordType] = held }
    }

    /// The observation series that match a query (every series is read once per view).
    public func observationSeries(_ query: ObservationQuery = .all) async throws -> [ObservationSeries] {
        let all: [ObservationSeries]
        if let cached = seriesCache.withLock({ $0 }) {
            all = cached
        } else {
            all = try await store.observationSeries(matching: .all)
            seriesCache.withLock { $0 = all }
        }
        if query == .all { return all }
        return all.compactMap { series in
            if let measures = query.measures, !measures.contains(series.measure) { return nil }
            if let scopes = query.scopes, !scopes.contains(series.scope) { return nil }
            let points = series.points.filter { query.includes($0.period) }
            return points.isEmpty
                ? nil : ObservationSeries(measure: series.measure, scope: series.scope, points: points)
        }
    }
}

/// A type's decoded records and their versions, in the same order.
private struct DecodedRecords<Record: Sendable>: Sendable {
    var values: [Record]
    var versions: [Int]
}
