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
        let measureColumn = try reader.requireColumn("measure")
        let scopeColumn = try reader.requireColumn("scope")
        let periodColumn = try reader.requireColumn("period")
        let valueColumn = try reader.requireColumn("value")
        let numeratorColumn = reader.column("numerator")
        let denominatorColumn = reader.column("denominator")
        let statusColumn = reader.column("status")
        let known = Set(["measure", "scope", "period", "value", "numerator", "denominator", "status"])
        if let extra = reader.header.first(where: { !known.contains($0) }) {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header has an unknown column \(DomainError.quote(extra)); expected measure, scope, period, "
                    + "value and optionally numerator, denominator, status"
            )
        }
        let definitions = catalogue.byID

        struct Key: Hashable {
            var measure: MeasureID
            var scope: SeriesScope
        }
        struct Collected {
            var key: Key
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
        var position: [Key: Int] = [:]
        var current = -1
        var previousMeasureText: [UInt8] = []
        var previousMeasure: DefinitionBox?
        var previousScopeText: [UInt8] = []
        var previousScope: SeriesScope?
        var rows = 0

        while try reader.next() {
            rows += 1
            // Measure and scope repeat row after row: compare bytes before making strings.
            // The definition is held in a box, so that a row takes a reference to it, not a copy.
            let measure: DefinitionBox
            var sameSeries = current >= 0
            if let cached = previousMeasure, reader.field(measureColumn, equalsBytes: previousMeasureText) {
                measure = cached
            } else {
                sameSeries = false
                let text = reader.field(measureColumn)
                guard let id = MeasureID(rawValue: text), let found = definitions[id] else {
                    throw reader.problem(measureColumn, "is not a measure in the catalogue")
                }
                measure = DefinitionBox(found)
                previousMeasureText = Array(text.utf8)
                previousMeasure = measure
            }
            let scope: SeriesScope
            if let cached = previousScope, reader.field(scopeColumn, equalsBytes: previousScopeText) {
                scope = cached
            } else {
                sameSeries = false
                let text = reader.field(scopeColumn)
                scope = try Self.scope(
                    text,
                    reader: reader,
                    column: scopeColumn,
                    agencies: agencies,
                    localities: localities
                )
                previousScopeText = Array(text.utf8)
                previousScope = scope
            }
            let level: ScopeLevel =
                switch scope {
                case .partnership: .partnership
                case .locality: .locality
                case .agency: .agency
                }
            guard measure.scopes.contains(level) else {
                throw reader.problem(
                    scopeColumn,
                    "is \(level == .partnership ? "the partnership" : "a \(level.rawValue)"); measure \(measure.definition.id) is reported for "
                        + measure.definition.scopes.map(\.rawValue).joined(separator: ", ")
                )
            }
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
                try Self.check(value!, measure, reader, valueColumn)
            } else if !reader.isEmpty(valueColumn) {
                throw reader.problem(
                    valueColumn,
                    "is given with the symbol \(status); a symbol stands in place of the value"
                )
            }
            var numerator: Double?
            var denominator: Double?
            if let numeratorColumn, !reader.isEmpty(numeratorColumn) {
                numerator = try reader.number(numeratorColumn)
                if numerator! < 0 { throw reader.problem(numeratorColumn, "is negative; a count cannot be") }
            }
            if let denominatorColumn, !reader.isEmpty(denominatorColumn) {
                denominator = try reader.number(denominatorColumn)
                if denominator! < 0 { throw reader.problem(denominatorColumn, "is negative; a count cannot be") }
            }
            if let value, let numerator, let denominator, measure.unit == .percentage {
                guard denominator > 0 else {
                    throw reader.problem(denominatorColumn!, "is 0; a percentage needs a denominator above 0")
                }
                let implied = numerator / denominator * 100
                if abs(implied - value) > 0.5 {
                    throw reader.problem(
                        valueColumn,
                        "does not agree with numerator / denominator (\(Self.format(numerator)) / \(Self.format(denominator)) = "
                            + "\(Self.format((implied * 10).rounded() / 10))%)"
                    )
                }
            }
            if !sameSeries {
                // Rows of a series usually come together: look the series up only when it changes.
                let key = Key(measure: measure.id, scope: scope)
                if let known = position[key] {
                    current = known
                } else {
                    current = collected.count
                    position[key] = current
                    collected.append(Collected(key: key))
                }
            }
            if let earlier = collected[current].earlierLine(of: period.code) {
                throw DomainError(
                    .invalidInput,
                    "\(source):\(reader.line): \(measure.definition.id) for \(scope) in \(period) is given twice (first on line \(earlier))"
                )
            }
            collected[current].lines.append(reader.line)
            collected[current].points.append(
                SeriesPoint(
                    period: period,
                    value: value,
                    numerator: numerator,
                    denominator: denominator,
                    status: status
                )
            )
        }
        guard rows > 0 else {
            // An export with a header and nothing under it is more likely a failed export than a month
            // with no data; saying so costs nothing, and nothing is written either way.
            throw DomainError(
                .invalidInput,
                "\(source): the file has a header but no observations; expected at least one row"
            )
        }
        self.rows = rows
        self.series = collected.map { entry in
            var points = entry.points
            if zip(points, points.dropFirst()).contains(where: { $0.period > $1.period }) {
                points.sort { $0.period < $1.period }
            }
            return ObservationSeries(measure: entry.key.measure, scope: entry.key.scope, points: points)
        }.sorted { ($0.measure, $0.scope) < ($1.measure, $1.scope) }
    }

    private static func scope(
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

    private static func check(
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

    private static func format(_ value: Double) -> String { NumberText.shortest(value) }
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
