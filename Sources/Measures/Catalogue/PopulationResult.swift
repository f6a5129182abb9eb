public import Domain

/// A population result of the partnership's outcomes framework, such as "children are safe at home",
/// with the indicators that show it and the performance measures that contribute to it.
public struct PopulationResult: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "population result" }
    /// The type of the result's identifier.
    public typealias ID = Identifier<PopulationResult>
    /// `measures.population-result`.
    public static var recordType: RecordType { "measures.population-result" }

    /// The result's id.
    public var id: PopulationResult.ID
    /// The condition of well-being sought, such as "Children are safe at home".
    public var title: String
    /// The population indicators that show whether it is being achieved.
    public var indicators: [MeasureID]
    /// The performance measures of services that contribute to it.
    public var contributingMeasures: [MeasureID]

    /// Creates a result.
    public init(id: PopulationResult.ID, title: String, indicators: [MeasureID], contributingMeasures: [MeasureID]) {
        self.id = id
        self.title = title
        self.indicators = indicators
        self.contributingMeasures = contributingMeasures
    }

    /// Reference data.
    public var accessScope: AccessScope { AccessScope(.referenceData) }
}
