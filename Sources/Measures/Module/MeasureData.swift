public import Domain
public import Foundation

/// A human decision to start a new phase of a series' SPC chart at a period, with its reason.
///
/// Limits are recalculated only at a deliberate rebase: a known process change or a sustained shift.
public struct SeriesRebase: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "rebase" }
    /// The type of the rebase's identifier.
    public typealias ID = Identifier<SeriesRebase>
    /// `measures.rebase`.
    public static var recordType: RecordType { "measures.rebase" }

    /// The rebase's id.
    public var id: SeriesRebase.ID
    /// The measure.
    public var measure: MeasureID
    /// The scope of the series.
    public var scope: SeriesScope
    /// The first period of the new phase.
    public var period: ReportingPeriod
    /// Why the process changed.
    public var reason: String
    /// Who decided.
    public var decidedBy: Principal.ID
    /// When.
    public var decidedOn: Day

    /// Creates a rebase.
    public init(
        id: SeriesRebase.ID,
        measure: MeasureID,
        scope: SeriesScope,
        period: ReportingPeriod,
        reason: String,
        decidedBy: Principal.ID,
        decidedOn: Day
    ) {
        self.id = id
        self.measure = measure
        self.scope = scope
        self.period = period
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
    }

    /// Indexed by the series' measure and agency.
    public var index: RecordIndex { RecordIndex(agency: scope.agency, key: measure.rawValue) }
    /// Measure data.
    public var accessScope: AccessScope { AccessScope(.measureData, agency: scope.agency) }
}

/// The Measures module's service: definitions, observations, scorecards, charts, comparators,
/// explanations and turn-the-curve plans, through the seams of an `AssuranceEnvironment`.
///
/// ```swift
/// let measures = MeasureData(environment: environment)
/// try await measures.importObservations(csv: data, source: "april.csv", by: analyst)
/// let chart = try await measures.chart("mash-contact-conversion", scope: .locality("north"), as: analyst)
/// ```
public struct MeasureData: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment
    /// The catalogue used until the partnership stores its own definitions.
    public let starterCatalogue: MeasureCatalogue
    /// The base SPC options; each measure sets its own direction and target.
    public let spc: SPCOptions

    /// Creates the service.
    public init(environment: AssuranceEnvironment, catalogue: MeasureCatalogue = .starter, spc: SPCOptions = .reference)
    {
        self.environment = environment
        self.starterCatalogue = catalogue
        self.spc = spc
    }

    /// The partnership's catalogue: its stored definitions, or the starter catalogue when it has none.
    public func catalogue() async throws -> MeasureCatalogue {
        let stored = try await environment.records.all(MeasureDefinition.self, as: .system).map(\.value)
        return stored.isEmpty ? starterCatalogue : try MeasureCatalogue(stored)
    }

    /// Stores a catalogue's definitions, creating new ones and updating changed ones, in one transaction.
    ///
    /// - Throws: `DomainError.Code.accessDenied` unless the principal may change reference
    ///   data; nothing is written.
    public func saveCatalogue(_ catalogue: MeasureCatalogue, by principal: Principal) async throws {
        let held = (try await environment.records.all(MeasureDefinition.self, as: .system)).keyed(by: \.value.id)
        var batch = RecordBatch()
        for definition in catalogue.definitions where held[definition.id]?.value != definition {
            try batch.save(definition, version: held[definition.id]?.version ?? 0)
        }
        try await environment.records.commit(batch, by: principal)
    }

    /// Imports observations from CSV: every row is checked before any is written, and all are
    /// written in one transaction.
    ///
    /// - Returns: What was written.
    /// - Throws: `DomainError.Code.invalidInput` naming the file, line and column;
    ///   `DomainError.Code.duplicate` when a period is already held in insert-only mode;
    ///   `DomainError.Code.accessDenied`. Nothing is written.
    @discardableResult
    public func importObservations(
        csv data: Data,
        source: String,
        mode: ObservationWriteMode = .insertOnly,
        by principal: Principal
    ) async throws -> ObservationWriteSummary {
        let records = environment.records
        let agencies = Set(try await records.all(Agency.self, as: .system).map(\.value.id))
        let localities = Set(try await records.all(Locality.self, as: .system).map(\.value.id))
        let parsed = try ObservationImport(
            csv: data,
            source: source,
            catalogue: try await catalogue(),
            agencies: agencies,
            localities: localities,
            today: environment.today()
        )
        return try await append(parsed.series, mode: mode, by: principal)
    }

    /// Appends observation series after checking the principal may write each series' scope.
    ///
    /// - Throws: `DomainError.Code.accessDenied` naming the first refused series; nothing is written.
    @discardableResult
    public func append(
        _ series: [ObservationSeries],
        mode: ObservationWriteMode = .insertOnly,
        by principal: Principal
    ) async throws -> ObservationWriteSummary {
        try await environment.records.append(series, mode: mode, by: principal)
    }

    /// The series a principal may read.
    public func series(_ query: ObservationQuery = .all, as principal: Principal) async throws -> [ObservationSeries] {
        try await environment.records.series(query, as: principal)
    }

    /// The scorecard of every series the principal may read, for a day.
    public func scorecard(on day: Day, as principal: Principal) async throws -> Scorecard {
        Scorecard(catalogue: try await catalogue(), series: try await series(as: principal), on: day)
    }

    /// The SPC chart of one series, with the measure's direction and target and the series' rebases.
    ///
    /// - Throws: `DomainError.Code.notFound` when the measure or the series does not exist.
    public func chart(
        _ measure: MeasureID,
        scope: SeriesScope,
        as principal: Principal
    ) async throws -> SPCResult {
        guard let definition = try await catalogue()[measure] else {
            throw DomainError(.notFound, "measure \(measure) is not in the catalogue")
        }
        guard let held = try await series(ObservationQuery(measures: [measure], scopes: [scope]), as: principal).first
        else {
            throw DomainError(.notFound, "there is no data for \(measure) for \(scope)")
        }
        let rebases = try await environment.records.all(
            SeriesRebase.self,
            RecordFilter(key: measure.rawValue),
            as: principal
        ).map(\.value).filter { $0.scope == scope }
        return try MeasureAnalysis.chart(definition, held, rebases: Set(rebases.map(\.period)), base: spc)
    }

    /// Records a deliberate rebase of a series at a period, with the reason.
    @discardableResult
    public func rebase(
        _ measure: MeasureID,
        scope: SeriesScope,
        at period: ReportingPeriod,
        reason: String,
        by principal: Principal
    ) async throws -> SeriesRebase {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "a rebase of \(measure) for \(scope) needs a reason: the process change it marks"
            )
        }
        let rebase = SeriesRebase(
            id: environment.ids.make(),
            measure: measure,
            scope: scope,
            period: period,
            reason: reason,
            decidedBy: principal.id,
            decidedOn: environment.today()
        )
        return try await environment.records.save(rebase, version: 0, by: principal).value
    }

    /// Records the explanation of a signal: the story behind the data, which answers it.
    ///
    /// - Throws: `DomainError.Code.notFound`, `DomainError.Code.invalidInput` for an
    ///   empty explanation, `DomainError.Code.accessDenied` or `DomainError.Code.staleWrite`.
    @discardableResult
    public func explain(_ signal: Signal.ID, _ text: String, by principal: Principal) async throws -> Signal {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(
                .invalidInput,
                "the explanation of signal \(signal) is empty; say what lies behind the data"
            )
        }
        let held = try await environment.records.require(Signal.self, id: signal, as: principal)
        var updated = held.value
        updated.explanation = Signal.Explanation(by: principal.id, on: environment.today(), text: text)
        return try await environment.records.save(updated, version: held.version, by: principal).value
    }

    /// Stores a turn-the-curve plan.
    @discardableResult
    public func save(
        _ plan: TurnTheCurve,
        version: Int = 0,
        by principal: Principal
    ) async throws -> Versioned<TurnTheCurve> {
        try await environment.records.save(plan, version: version, by: principal)
    }

    /// Imports a published indicator as the partnership's series and its comparators: the authority's
    /// value, its statistical neighbours' median, England and the region, each year.
    ///
    /// The series are written for `measure` (scope `partnership`) and for the comparator measures
    /// `MeasureID.statisticalNeighbourMedian(of:)`, `MeasureID.england(of:)` and
    /// `MeasureID.region(of:)`. A year of the children in need census (`2025`) is the financial
    /// year that ends on 31 March of it (`FY2024-25`).
    @discardableResult
    public func importComparators(
        _ statistics: PublishedStatistics,
        neighbours: StatisticalNeighbourModel,
        localAuthority code: String,
        measure: MeasureID,
        decimals: Int? = nil,
        mode: ObservationWriteMode = .replaceExisting,
        by principal: Principal
    ) async throws -> ObservationWriteSummary {
        let rows = Comparators.compare(statistics, neighbours: neighbours, decimals: decimals).filter {
            $0.code == code
        }
        guard !rows.isEmpty else {
            throw DomainError(.notFound, "local authority \(code) has no rows for \(statistics.indicator)")
        }
        var own: [SeriesPoint] = []
        var median: [SeriesPoint] = []
        var england: [SeriesPoint] = []
        var region: [SeriesPoint] = []
        for row in rows {
            guard let year = Int(row.timePeriod), let period = try? ReportingPeriod.year(year - 1, basis: .financial)
            else {
                throw DomainError(.invalidInput, "time period \(DomainError.quote(row.timePeriod)) is not a year")
            }
            own.append(Self.point(period, row.value))
            if let value = row.neighbourMedian { median.append(SeriesPoint(period: period, value: value.doubleValue)) }
            if let value = row.national { england.append(Self.point(period, value)) }
            if let value = row.regional { region.append(Self.point(period, value)) }
        }
        let series = [
            ObservationSeries(measure: measure, scope: .partnership, points: own),
            ObservationSeries(measure: .statisticalNeighbourMedian(of: measure), scope: .partnership, points: median),
            ObservationSeries(measure: .england(of: measure), scope: .partnership, points: england),
            ObservationSeries(measure: .region(of: measure), scope: .partnership, points: region),
        ].filter { !$0.points.isEmpty }
        return try await append(series, mode: mode, by: principal)
    }

    private static func point(_ period: ReportingPeriod, _ value: PublishedValue) -> SeriesPoint {
        switch value {
        case .number(let number): SeriesPoint(period: period, value: number.doubleValue)
        case .symbol(let symbol): SeriesPoint(period: period, value: nil, status: .symbol(symbol))
        }
    }
}

extension MeasureID {
    /// The series of a measure's statistical neighbours' median.
    public static func statisticalNeighbourMedian(of measure: MeasureID) -> MeasureID {
        MeasureID(rawValue: "\(measure.rawValue).sn-median") ?? measure
    }

    /// The series of a measure's value for England.
    public static func england(of measure: MeasureID) -> MeasureID {
        MeasureID(rawValue: "\(measure.rawValue).england") ?? measure
    }

    /// The series of a measure's value for the region.
    public static func region(of measure: MeasureID) -> MeasureID {
        MeasureID(rawValue: "\(measure.rawValue).region") ?? measure
    }
}
