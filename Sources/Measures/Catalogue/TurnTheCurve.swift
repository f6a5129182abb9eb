public import Domain

/// A turn-the-curve plan for a measure: the baseline and its forecast, the story behind the curve,
/// the partners with a role, what works, and the action plan.
public struct TurnTheCurve: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "turn-the-curve plan" }
    /// The type of the plan's identifier.
    public typealias ID = Identifier<TurnTheCurve>
    /// `measures.turn-the-curve`.
    public static var recordType: RecordType { "measures.turn-the-curve" }

    /// The plan's id.
    public var id: TurnTheCurve.ID
    /// The measure.
    public var measure: MeasureID
    /// The scope of the series.
    public var scope: SeriesScope
    /// The forecast if nothing changes: values for the periods ahead.
    public var forecast: [SeriesPoint]
    /// The story behind the curve: contributing and restricting factors and root causes.
    public var story: String
    /// Partners with a role to play.
    public var partners: [Agency.ID]
    /// What works, including at least one no-cost or low-cost idea.
    public var whatWorks: [String]
    /// The recommendations of the action plan, which Learning's tracker follows.
    public var actionPlan: [Recommendation.ID]
    /// The day the plan was agreed.
    public var agreedOn: Day

    /// Creates a plan.
    public init(
        id: TurnTheCurve.ID,
        measure: MeasureID,
        scope: SeriesScope,
        forecast: [SeriesPoint],
        story: String,
        partners: [Agency.ID],
        whatWorks: [String],
        actionPlan: [Recommendation.ID],
        agreedOn: Day
    ) {
        self.id = id
        self.measure = measure
        self.scope = scope
        self.forecast = forecast
        self.story = story
        self.partners = partners
        self.whatWorks = whatWorks
        self.actionPlan = actionPlan
        self.agreedOn = agreedOn
    }

    /// Indexed by the measure.
    public var index: RecordIndex { RecordIndex(agency: scope.agency, key: measure.rawValue) }
    /// Measure data.
    public var accessScope: AccessScope { AccessScope(.measureData, agency: scope.agency) }
}
