public import Domain
public import Foundation

/// Observations read from a CSV file and checked whole, ready to be written in one transaction.
///
/// The file has a header `measure,scope,period,value` and optionally `numerator`, `denominator` and
/// `status`. `measure` is a catalogue id; `scope` is `partnership`, an agency or locality id, or the
/// explicit `agency:ID` / `locality:ID`; `period` is a period's canonical text of the measure's
/// frequency; `status` is `actual` (the default), `provisional`, or a published symbol (`c`, `x`,
/// `z`, `u`, `low`), in which case `value` is empty.
///
/// ```
/// measure,scope,period,value,numerator,denominator
/// mash-contact-conversion,north,2025-04,38.5,154,400
/// ```
public struct ObservationImport: Sendable {
    /// The series read, in measure and scope order.
    public var series: [ObservationSeries]
    /// The number of rows read.
    public var rows: Int

    /// Reads and checks every row.
    ///
    /// - Parameters:
    ///   - data: The file.
    ///   - source: Its name, for errors.
    ///   - catalogue: The measures that may appear.
    ///   - agencies: The partnership's agencies, to resolve bare scope ids.
    ///   - localities: The partnership's localities, to resolve bare scope ids.
    ///   - today: No period may start after this day.
    /// - Throws: `DomainError.Code.invalidInput` naming the file, line and column of the first bad value.
    public init(
        csv data: Data,
        source: String,
        catalogue: MeasureCatalogue,
        agencies: Set<Agency.ID>,
        localities: Set<Locality.ID>,
        today: Day
    ) throws {
        var reader = try CSVReader(data: data, source: source)
        var rows = try RowReader(
            &reader,
            source: source,
            definitions: catalogue.byID,
            agencies: agencies,
            localities: localities,
            today: today
        )
        var collector = Collector()
        while try reader.next() {
            let sameSeries = try rows.readSeries(reader)
            guard let measure = rows.measure, let scope = rows.scope else { continue }
            let point = try rows.point(reader, measure: measure)
            try collector.add(point, measure: measure, scope: scope, sameSeries: sameSeries, reader: reader)
        }
        guard collector.rows > 0 else {
            // An export with a header and nothing under it is more likely a failed export than a month
            // with no data; saying so costs nothing, and nothing is written either way.
            throw DomainError(
                .invalidInput,
                "\(source): the file has a header but no observations; expected at least one row"
            )
        }
        self.rows = collector.rows
        self.series = collector.series()
    }

    /// The columns of the file, and the measure and scope of the row before, which the next rows
    /// usually repeat: their bytes are compared before any text is made.
    private struct RowReader {
        let measureColumn: Int
        let scopeColumn: Int
        let periodColumn: Int
        let valueColumn: Int
        let numeratorColumn: Int?
        let denominatorColumn: Int?
        let statusColumn: Int?
        let definitions: [MeasureID: MeasureDefinition]
        let agencies: Set<Agency.ID>
        let localities: Set<Locality.ID>
        let today: Day
        var measureText: [UInt8] = []
        /// The definition is held in a box, so that a row takes a reference to it, not a copy.
        var measure: DefinitionBox?
        var scopeText: [UInt8] = []
        var scope: SeriesScope?

        init(
            _ reader: inout CSVReader,
            source: String,
            definitions: [MeasureID: MeasureDefinition],
            agencies: Set<Agency.ID>,
            localities: Set<Locality.ID>,
            today: Day
        ) throws {
            measureColumn = try reader.requireColumn("measure")
            scopeColumn = try reader.requireColumn("scope")
            periodColumn = try reader.requireColumn("period")
            valueColumn = try reader.requireColumn("value")
            numeratorColumn = reader.column("numerator")
            denominatorColumn = reader.column("denominator")
            statusColumn = reader.column("status")
            let known = Set(["measure", "scope", "period", "value", "numerator", "denominator", "status"])
            if let extra = reader.header.first(where: { !known.contains($0) }) {
                throw DomainError(
                    .invalidInput,
                    "\(source):1: the header has an unknown column \(DomainError.quote(extra)); expected measure, scope, "
                        + "period, value and optionally numerator, denominator, status",
                    context: .init(file: source, line: 1, value: extra)
                )
            }
            self.definitions = definitions
            self.agencies = agencies
            self.localities = localities
            self.today = today
        }

        /// Reads the row's measure and scope; returns whether they are the row before's.
        mutating func readSeries(_ reader: CSVReader) throws -> Bool {
            var same = measure != nil
            if measure == nil || !reader.field(measureColumn, equalsBytes: measureText) {
                same = false
                let text = reader.field(measureColumn)
                guard let id = MeasureID(rawValue: text), let found = definitions[id] else {
                    throw reader.problem(measureColumn, "is not a measure in the catalogue")
                }
                measure = DefinitionBox(found)
                measureText = Array(text.utf8)
            }
            if scope == nil || !reader.field(scopeColumn, equalsBytes: scopeText) {
                same = false
                let text = reader.field(scopeColumn)
                scope = try ObservationImport.scope(
                    text,
                    reader: reader,
                    column: scopeColumn,
                    agencies: agencies,
                    localities: localities
                )
                scopeText = Array(text.utf8)
            }
            guard let measure, let scope else { return same }
            let level: ScopeLevel =
                switch scope {
                case .partnership: .partnership
                case .locality: .locality
                case .agency: .agency
                }
            guard measure.scopes.contains(level) else {
                throw reader.problem(
                    scopeColumn,
                    "is \(level == .partnership ? "the partnership" : "a \(level.rawValue)"); measure \(measure.definition.id) "
                        + "is reported for " + measure.definition.scopes.map(\.rawValue).joined(separator: ", ")
                )
            }
            return same
        }

        /// The row's period, status, value and counts, each checked against the measure.
        func point(_ reader: CSVReader, measure: DefinitionBox) throws -> SeriesPoint {
            let period = try self.period(reader, measure: measure)
            var status = ObservationStatus.actual
            if let statusColumn, !reader.isEmpty(statusColumn) {
                do {
                    status = try ObservationStatus(parsing: reader.field(statusColumn))
                } catch {
                    throw reader.problem(
                        statusColumn,
                        "is not a status; expected actual, provisional, c, x, z, u or low"
                    )
                }
            }
            var value: Double?
            if status.hasValue {
                guard !reader.isEmpty(valueColumn) else {
                    throw reader.problem(valueColumn, "is empty; expected a number, or a symbol in the status column")
                }
                value = try reader.number(valueColumn)
                try ObservationImport.check(value!, measure, reader, valueColumn)
            } else if !reader.isEmpty(valueColumn) {
                throw reader.problem(
                    valueColumn,
                    "is given with the symbol \(status); a symbol stands in place of the value"
                )
            }
            let numerator = try count(reader, numeratorColumn)
            let denominator = try count(reader, denominatorColumn)
            if let value, let numerator, let denominator, measure.unit == .percentage {
                try checkShare(reader, value: value, numerator: numerator, denominator: denominator)
            }
            return SeriesPoint(
                period: period,
                value: value,
                numerator: numerator,
                denominator: denominator,
                status: status
            )
        }

        func period(_ reader: CSVReader, measure: DefinitionBox) throws -> ReportingPeriod {
            guard let period = reader.withFieldBytes(periodColumn, { ReportingPeriod(utf8: $0) }) else {
                throw reader.problem(
                    periodColumn,
                    "is not a reporting period; expected a month (2025-04), a quarter (FY2025-26-Q1 or 2025-Q1) or a year"
                )
            }
            guard period.kind == measure.frequency.kind,
                period.kind == .month || period.basis == measure.frequency.basis
            else {
                throw reader.problem(
                    periodColumn,
                    "does not match measure \(measure.definition.id), which is reported each \(measure.definition.frequency)"
                )
            }
            guard period.firstDay <= today else {
                throw reader.problem(periodColumn, "has not begun on \(today); a future period cannot have data")
            }
            return period
        }

        func count(_ reader: CSVReader, _ column: Int?) throws -> Double? {
            guard let column, !reader.isEmpty(column) else { return nil }
            let number = try reader.number(column)
            if number < 0 { throw reader.problem(column, "is negative; a count cannot be") }
            return number
        }

        func checkShare(_ reader: CSVReader, value: Double, numerator: Double, denominator: Double) throws {
            guard denominator > 0 else {
                throw reader.problem(denominatorColumn!, "is 0; a percentage needs a denominator above 0")
            }
            let implied = numerator / denominator * 100
            if abs(implied - value) > 0.5 {
                throw reader.problem(
                    valueColumn,
                    "does not agree with numerator / denominator (\(ObservationImport.format(numerator)) / "
                        + "\(ObservationImport.format(denominator)) = \(ObservationImport.format((implied * 10).rounded() / 10))%)"
                )
            }
        }
    }

    /// The points read so far, series by series, refusing a period given twice.
    private struct Collector {
        struct Collected {
            var key: SeriesKey
            var points: [SeriesPoint] = []
            /// The line of each point, for the error that names a period's first line.
            var lines: [Int] = []
            /// The latest period so far, while the rows come in period order, as exports give them:
            /// a later period cannot repeat an earlier one, so no lookup is needed.
            var latest: Int64 = .min
            /// Every period's position, built only once a row comes out of order.
            var positions: [Int64: Int]?

            /// The line of an earlier row for the same period, or `nil` after recording this one.
            mutating func earlierLine(of code: Int64) -> Int? {
                if positions == nil {
                    if code > latest {
                        latest = code
                        return nil
                    }
                    positions = Dictionary(
                        points.enumerated().map { ($1.period.code, $0) },
                        uniquingKeysWith: { first, _ in first }
                    )
                }
                if let earlier = positions![code] { return lines[earlier] }
                positions![code] = points.count
                return nil
            }
        }

        var collected: [Collected] = []
        var position: [SeriesKey: Int] = [:]
        var current = -1
        var rows = 0

        mutating func add(
            _ point: SeriesPoint,
            measure: DefinitionBox,
            scope: SeriesScope,
            sameSeries: Bool,
            reader: CSVReader
        ) throws {
            rows += 1
            if !sameSeries || current < 0 {
                // Rows of a series usually come together: look the series up only when it changes.
                let key = SeriesKey(measure.id, scope)
                if let known = position[key] {
                    current = known
                } else {
                    current = collected.count
                    position[key] = current
                    collected.append(Collected(key: key))
                }
            }
            if let earlier = collected[current].earlierLine(of: point.period.code) {
                throw DomainError(
                    .invalidInput,
                    "\(reader.source):\(reader.line): \(measure.definition.id) for \(scope) in \(point.period) is given "
                        + "twice (first on line \(earlier))",
                    context: .init(file: reader.source, line: reader.line, value: point.period.description)
                )
            }
            collected[current].lines.append(reader.line)
            collected[current].points.append(point)
        }

        func series() -> [ObservationSeries] {
            collected.map { entry in
                var points = entry.points
                if zip(points, points.dropFirst()).contains(where: { $0.period > $1.period }) {
                    points.sort { $0.period < $1.period }
                }
                return ObservationSeries(entry.key, points: points)
            }.sorted { $0.key < $1.key }
        }
    }

    fileprivate static func scope(
        _ text: String,
        reader: CSVReader,
        column: Int,
        agencies: Set<Agency.ID>,
        localities: Set<Locality.ID>
    ) throws(DomainError) -> SeriesScope {
        if text == "partnership" { return .partnership }
        if text.hasPrefix("agency:") || text.hasPrefix("locality:") {
            guard let scope = SeriesScope(text) else { throw reader.problem(column, "is not a scope") }
            if let agency = scope.agency, !agencies.contains(agency) {
                throw reader.problem(column, "names an agency the partnership does not have")
            }
            if let locality = scope.locality, !localities.contains(locality) {
                throw reader.problem(column, "names a locality the partnership does not have")
            }
            return scope
        }
        let asAgency = Agency.ID(rawValue: text).flatMap { agencies.contains($0) ? $0 : nil }
        let asLocality = Locality.ID(rawValue: text).flatMap { localities.contains($0) ? $0 : nil }
        switch (asAgency, asLocality) {
        case (let agency?, nil): return .agency(agency)
        case (nil, let locality?): return .locality(locality)
        case (.some, .some):
            throw reader.problem(column, "is both an agency and a locality; write agency:\(text) or locality:\(text)")
        case (nil, nil):
            throw reader.problem(column, "is not partnership or a known agency or locality")
        }
    }

    fileprivate static func check(
        _ value: Double,
        _ measure: DefinitionBox,
        _ reader: CSVReader,
        _ column: Int
    )
        throws(DomainError)
    {
        if value < 0 { throw reader.problem(column, "is negative; measure \(measure.id) cannot be") }
        switch measure.unit {
        case .percentage where value > 100:
            throw reader.problem(column, "is above 100; measure \(measure.id) is a percentage")
        case .count where value.rounded() != value:
            throw reader.problem(column, "is not a whole number; measure \(measure.id) is a count")
        default:
            break
        }
    }

    fileprivate static func format(_ value: Double) -> String { NumberText.shortest(value) }
}

/// A measure's definition behind a reference, for the import's rows to share, with the fields every
/// row checks held apart so that reading them copies nothing.
private final class DefinitionBox {
    let definition: MeasureDefinition
    let id: MeasureID
    let scopes: [ScopeLevel]
    let frequency: MeasureFrequency
    let unit: MeasureUnit

    init(_ definition: MeasureDefinition) {
        self.definition = definition
        id = definition.id
        scopes = definition.scopes
        frequency = definition.frequency
        unit = definition.unit
    }
}
