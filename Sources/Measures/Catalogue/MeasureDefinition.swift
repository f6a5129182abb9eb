public import Domain

/// The unit a measure is counted in.
public enum MeasureUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// A count of children, contacts, meetings…
    case count
    /// A percentage, from 0 to 100.
    case percentage
    /// A rate per 10,000 children aged 0 to 17.
    case ratePer10000 = "rate-per-10000"
    /// Calendar days.
    case days
    /// Working days.
    case workingDays = "working-days"

    /// A short suffix for charts and tables.
    public var suffix: String {
        switch self {
        case .count: ""
        case .percentage: "%"
        case .ratePer10000: " per 10,000"
        case .days: " days"
        case .workingDays: " working days"
        }
    }

    /// Whether values of this unit are counts, which public reports suppress from 1 to 5.
    public var isCount: Bool { self == .count }
}

/// Which direction of a measure is better.
public enum Polarity: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher is better.
    case higherIsBetter = "higher-is-better"
    /// Lower is better.
    case lowerIsBetter = "lower-is-better"
    /// Neither: a change needs understanding, not judging.
    case neither

    /// The SPC improvement direction.
    public var improvement: ImprovementDirection {
        switch self {
        case .higherIsBetter: .increase
        case .lowerIsBetter: .decrease
        case .neither: .neutral
        }
    }
}

/// How often a measure is reported: monthly, quarterly or yearly, in a year basis.
public struct MeasureFrequency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The period kind.
    public var kind: ReportingPeriod.Kind
    /// The year basis of quarters and years.
    public var basis: ReportingPeriod.YearBasis

    /// Creates a frequency.
    public init(_ kind: ReportingPeriod.Kind, basis: ReportingPeriod.YearBasis = .financial) {
        self.kind = kind
        self.basis = basis
    }

    /// Every month.
    public static let monthly = MeasureFrequency(.month)
    /// Every financial quarter.
    public static let quarterly = MeasureFrequency(.quarter)
    /// Every financial year.
    public static let yearly = MeasureFrequency(.year)

    /// Text such as `month` or `quarter (financial)`.
    public var description: String { kind == .month ? "month" : "\(kind.rawValue) (\(basis.rawValue))" }

    /// The period of this frequency that contains a day.
    public func period(containing day: Day) -> ReportingPeriod {
        .containing(day, kind: kind, basis: basis)
    }
}

/// The level a measure is reported at.
public enum ScopeLevel: String, Hashable, Sendable, Codable, CaseIterable {
    /// The whole partnership.
    case partnership
    /// Each locality.
    case locality
    /// Each agency.
    case agency
}

/// A target that applies from a period onwards.
public struct TargetStep: Hashable, Sendable, Codable {
    /// The first period the target applies to.
    public var from: ReportingPeriod
    /// The target value.
    public var value: Double

    /// Creates a target step.
    public init(from: ReportingPeriod, value: Double) {
        self.from = from
        self.value = value
    }
}

/// A measure of the partnership's framework: what it counts, why, and how it is judged.
///
/// Definitions are data: the starter catalogue (``MeasureCatalogue/starter``) is a list a host
/// copies and edits, and definitions are kept in the store like any other record.
public struct MeasureDefinition: StorableRecord, Hashable {
    /// Measures share Domain's `MeasureID` with observations.
    public typealias IDKind = MeasureKind
    /// `measures.definition`.
    public static var recordType: RecordType { "measures.definition" }

    /// The measure's id.
    public var id: MeasureID
    /// Its name.
    public var name: String
    /// What it counts, in a sentence.
    public var summary: String
    /// The outcomes-based accountability question it answers.
    public var question: AccountabilityQuestion
    /// For an "is anyone better off" measure, its count-or-percentage partner.
    public var pairedWith: MeasureID?
    /// The unit.
    public var unit: MeasureUnit
    /// Which direction is better.
    public var polarity: Polarity
    /// How often it is reported.
    public var frequency: MeasureFrequency
    /// The levels it is reported at.
    public var scopes: [ScopeLevel]
    /// What is counted on top, for a ratio.
    public var numerator: String?
    /// What it is divided by, for a ratio.
    public var denominator: String?
    /// Targets, each from a period onwards.
    public var targets: [TargetStep]
    /// The amber band as a share of the target (0.1: within 10% of the target is amber).
    public var tolerance: Double
    /// Where the data comes from.
    public var source: String
    /// The sector of the agency that supplies the data.
    public var sourceSector: AgencySector?
    /// The published definition the measure follows, if any.
    public var definition: ObligationSource?
    /// The indicator column in the Department for Education's published data, for comparators.
    public var dfeIndicator: String?
    /// Days after a period ends by which its data is due.
    public var submissionLagDays: Int
    /// Themes the measure bears on.
    public var themes: [Theme]

    /// Creates a definition.
    public init(
        id: MeasureID,
        name: String,
        summary: String,
        question: AccountabilityQuestion,
        pairedWith: MeasureID? = nil,
        unit: MeasureUnit,
        polarity: Polarity,
        frequency: MeasureFrequency = .monthly,
        scopes: [ScopeLevel] = [.partnership],
        numerator: String? = nil,
        denominator: String? = nil,
        targets: [TargetStep] = [],
        tolerance: Double = 0.1,
        source: String,
        sourceSector: AgencySector? = nil,
        definition: ObligationSource? = nil,
        dfeIndicator: String? = nil,
        submissionLagDays: Int = 20,
        themes: [Theme] = []
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.question = question
        self.pairedWith = pairedWith
        self.unit = unit
        self.polarity = polarity
        self.frequency = frequency
        self.scopes = scopes
        self.numerator = numerator
        self.denominator = denominator
        self.targets = targets.sorted { $0.from < $1.from }
        self.tolerance = tolerance
        self.source = source
        self.sourceSector = sourceSector
        self.definition = definition
        self.dfeIndicator = dfeIndicator
        self.submissionLagDays = submissionLagDays
        self.themes = themes
    }

    /// The target that applies to a period: the latest step that starts on or before it.
    public func target(for period: ReportingPeriod) -> Double? {
        targets.last { $0.from.firstDay <= period.firstDay }?.value
    }

    /// The day a period's data is due.
    public func dueDay(for period: ReportingPeriod) -> Day {
        period.lastDay.adding(days: submissionLagDays)
    }

    /// The latest period whose data is overdue on a day: its due day has passed.
    public func latestDuePeriod(on day: Day) -> ReportingPeriod {
        var period = frequency.period(containing: day)
        while dueDay(for: period) >= day { period = period.previous }
        return period
    }

    /// The measure's reference data is readable by the whole partnership.
    public var accessScope: AccessScope { AccessScope(.referenceData) }

    /// Checks the definition.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the field that is wrong.
    public func validate() throws(DomainError) {
        if name.isEmpty { throw DomainError(.invalidInput, "measure \(id) has no name") }
        if scopes.isEmpty {
            throw DomainError(
                .invalidInput,
                "measure \(id) is reported at no level; expected partnership, locality or agency"
            )
        }
        if !(0...1).contains(tolerance) {
            throw DomainError(.invalidInput, "measure \(id) has tolerance \(tolerance); expected a share from 0 to 1")
        }
        if unit == .percentage, let target = targets.first(where: { !(0...100).contains($0.value) }) {
            throw DomainError(
                .invalidInput,
                "measure \(id) has a percentage target of \(target.value); expected 0 to 100"
            )
        }
        if submissionLagDays < 0 {
            throw DomainError(.invalidInput, "measure \(id) has a negative submission lag; expected 0 or more days")
        }
    }
}

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
