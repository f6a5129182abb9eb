/// One series of observations: a measure for a scope, as stores hold series and as findings and
/// signals about a series are keyed.
///
/// Its text form is `measure|scope`, such as `mash-contacts|locality:north`.
///
/// ```swift
/// let key = SeriesKey("mash-contacts", .locality("north"))
/// let rebases = Dictionary(grouping: rebaseRecords, by: \.seriesKey)
/// ```
public struct SeriesKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The measure.
    public var measure: MeasureID
    /// What the values cover.
    public var scope: SeriesScope

    /// Creates a key.
    public init(_ measure: MeasureID, _ scope: SeriesScope) {
        self.measure = measure
        self.scope = scope
    }

    /// Parses the text form, `measure|scope`.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` quoting the text and giving the expected form.
    public init(parsing text: String) throws(DomainError) {
        guard let bar = text.firstIndex(of: "|") else {
            throw DomainError(
                .invalidInput,
                "series \(DomainError.quote(text)) has no \"|\"; expected measure|scope, such as mash-contacts|partnership",
                context: .init(value: text)
            )
        }
        self.measure = try MeasureID(validating: String(text[..<bar]))
        self.scope = try SeriesScope(parsing: String(text[text.index(after: bar)...]))
    }

    /// The text form, `measure|scope`.
    public var description: String { "\(measure.rawValue)|\(scope)" }

    /// The id of the series in the change log: `measure:scope`.
    public var changeLogID: Identifier<AnyRecordKind> {
        Identifier(unchecked: "\(measure.rawValue):\(scope.description)")
    }

    /// Orders keys by measure, then by scope.
    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        (lhs.measure, lhs.scope) < (rhs.measure, rhs.scope)
    }
}

extension ObservationSeries {
    /// The series' measure and scope.
    public var key: SeriesKey { SeriesKey(measure, scope) }

    /// An empty series of a key, to fill.
    public init(_ key: SeriesKey, points: [SeriesPoint] = []) {
        self.init(measure: key.measure, scope: key.scope, points: points)
    }
}
