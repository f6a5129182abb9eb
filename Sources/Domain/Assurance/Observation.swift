/// The kind of a measure's identifier.
public enum MeasureKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "measure" }
}

/// A measure's id, such as `mash-contacts` or `dfe-re-referrals-12m`.
public typealias MeasureID = Identifier<MeasureKind>

/// What a series of observations covers: the whole partnership, a locality or an agency.
///
/// Its text form is `partnership`, `locality:ID` or `agency:ID`.
public enum SeriesScope: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// The whole partnership's area.
    case partnership
    /// One locality.
    case locality(Locality.ID)
    /// One agency.
    case agency(Agency.ID)

    /// The text form: `partnership`, `locality:ID` or `agency:ID`.
    public var description: String {
        switch self {
        case .partnership: "partnership"
        case .locality(let id): "locality:\(id)"
        case .agency(let id): "agency:\(id)"
        }
    }

    /// Parses the text form, returning `nil` for anything else.
    public init?(_ description: String) {
        guard let scope = try? SeriesScope(parsing: description) else { return nil }
        self = scope
    }

    /// Parses the text form.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` quoting the text and giving the accepted forms.
    public init(parsing text: String) throws(DomainError) {
        if text == "partnership" {
            self = .partnership
            return
        }
        if text.hasPrefix("locality:") {
            self = .locality(try Locality.ID(String(text.dropFirst(9))))
            return
        }
        if text.hasPrefix("agency:") {
            self = .agency(try Agency.ID(String(text.dropFirst(7))))
            return
        }
        throw DomainError(
            .invalidInput,
            "scope \(DomainError.quote(text)) is not a scope; expected partnership, locality:ID or agency:ID"
        )
    }

    /// The agency, for an agency scope.
    public var agency: Agency.ID? {
        if case .agency(let id) = self { return id }
        return nil
    }

    /// The locality, for a locality scope.
    public var locality: Locality.ID? {
        if case .locality(let id) = self { return id }
        return nil
    }

    /// Orders partnership first, then localities, then agencies, each by id.
    public static func < (lhs: SeriesScope, rhs: SeriesScope) -> Bool {
        func rank(_ scope: SeriesScope) -> (Int, String) {
            switch scope {
            case .partnership: (0, "")
            case .locality(let id): (1, id.rawValue)
            case .agency(let id): (2, id.rawValue)
            }
        }
        return rank(lhs) < rank(rhs)
    }
}

extension SeriesScope: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try SeriesScope(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A symbol the Department for Education's statistics publish in place of a number.
///
/// A symbol is kept as what it is and never turned into a number.
public enum StatisticsSymbol: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Suppressed to protect confidentiality.
    case c
    /// Not available.
    case x
    /// Not applicable.
    case z
    /// Low reliability.
    case u
    /// Rounds to zero, but is not zero.
    case low

    /// The symbol as published.
    public var description: String { rawValue }
}

/// The standing of an observed value.
public enum ObservationStatus: Hashable, Sendable, CustomStringConvertible {
    /// A final value.
    case actual
    /// A value that may still change.
    case provisional
    /// No value: a published symbol stands in its place.
    case symbol(StatisticsSymbol)

    /// `actual`, `provisional`, or the symbol (`c`, `x`, `z`, `u`, `low`).
    public var description: String {
        switch self {
        case .actual: "actual"
        case .provisional: "provisional"
        case .symbol(let symbol): symbol.rawValue
        }
    }

    /// Parses the text form.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` listing the accepted values.
    public init(parsing text: String) throws(DomainError) {
        switch text {
        case "actual": self = .actual
        case "provisional": self = .provisional
        default:
            guard let symbol = StatisticsSymbol(rawValue: text) else {
                throw DomainError(
                    .invalidInput,
                    "status \(DomainError.quote(text)) is not a status; expected actual, provisional, c, x, z, u or low"
                )
            }
            self = .symbol(symbol)
        }
    }

    /// Whether the observation carries a number.
    public var hasValue: Bool {
        if case .symbol = self { return false }
        return true
    }

    /// A small integer code for stores' own columns.
    package var code: Int {
        switch self {
        case .actual: 0
        case .provisional: 1
        case .symbol(let symbol): 2 + StatisticsSymbol.allCases.firstIndex(of: symbol)!
        }
    }

    /// Rebuilds a status from ``code``.
    package init?(code: Int) {
        switch code {
        case 0: self = .actual
        case 1: self = .provisional
        case 2..<(2 + StatisticsSymbol.allCases.count): self = .symbol(StatisticsSymbol.allCases[code - 2])
        default: return nil
        }
    }
}

extension ObservationStatus: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ObservationStatus(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One period's value of a measure for a scope.
///
/// A ratio carries its numerator and denominator; a suppressed or unavailable value carries no
/// number and its symbol as its status.
public struct Observation: Hashable, Sendable, Codable {
    /// The measure.
    public var measure: MeasureID
    /// What the value covers.
    public var scope: SeriesScope
    /// The period the value is for.
    public var period: ReportingPeriod
    /// The value, absent when a symbol stands in its place.
    public var value: Double?
    /// The numerator, for a ratio.
    public var numerator: Double?
    /// The denominator, for a ratio.
    public var denominator: Double?
    /// The value's standing.
    public var status: ObservationStatus

    /// Creates an observation.
    public init(
        measure: MeasureID,
        scope: SeriesScope,
        period: ReportingPeriod,
        value: Double?,
        numerator: Double? = nil,
        denominator: Double? = nil,
        status: ObservationStatus = .actual
    ) {
        self.measure = measure
        self.scope = scope
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.status = status
    }
}

/// One point of an ``ObservationSeries``.
public struct SeriesPoint: Hashable, Sendable, Codable {
    /// The period.
    public var period: ReportingPeriod
    /// The value, absent when a symbol stands in its place.
    public var value: Double?
    /// The numerator, for a ratio.
    public var numerator: Double?
    /// The denominator, for a ratio.
    public var denominator: Double?
    /// The value's standing.
    public var status: ObservationStatus

    /// Creates a point.
    public init(
        period: ReportingPeriod,
        value: Double?,
        numerator: Double? = nil,
        denominator: Double? = nil,
        status: ObservationStatus = .actual
    ) {
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.status = status
    }
}

/// The observations of one measure for one scope, in period order: the shape bulk reads return.
public struct ObservationSeries: Hashable, Sendable, Codable {
    /// The measure.
    public var measure: MeasureID
    /// What the values cover.
    public var scope: SeriesScope
    /// The points, in period order.
    public var points: [SeriesPoint]

    /// Creates a series.
    public init(measure: MeasureID, scope: SeriesScope, points: [SeriesPoint]) {
        self.measure = measure
        self.scope = scope
        self.points = points
    }

    /// The series as individual observations.
    public var observations: [Observation] {
        points.map {
            Observation(
                measure: measure,
                scope: scope,
                period: $0.period,
                value: $0.value,
                numerator: $0.numerator,
                denominator: $0.denominator,
                status: $0.status
            )
        }
    }
}
