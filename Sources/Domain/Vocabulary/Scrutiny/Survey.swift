/// A survey of the framework's survey activity: who was asked, when, how many answered, what it
/// found, and the values it gives the measures it feeds.
///
/// Fact: the framework monitors the impact of change through surveys of children, young people and
/// their families; of practitioners and line managers; of practitioners and line managers on the
/// impact on practice of learning and development; and of children, young people and families on
/// the impact of early help and statutory intervention. Source: the starter profile's framework document, "Monitoring the Impact of Change: Survey Activity".
public struct Survey: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "survey" }
    /// The type of the survey's identifier.
    public typealias ID = Identifier<Survey>
    /// `domain.survey`.
    public static var recordType: RecordType { "domain.survey" }

    /// The framework's four streams of survey activity.
    public enum Stream: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// Children, young people and their families.
        case childrenAndFamilies = "children-and-families"
        /// Practitioners and line managers.
        case practitioners
        /// Practitioners and line managers, on the impact on practice of learning and development.
        case learningImpact = "learning-impact"
        /// Children, young people and families, on the impact of early help and statutory intervention.
        case interventionImpact = "intervention-impact"

        /// The stream as the framework names it.
        public var description: String {
            switch self {
            case .childrenAndFamilies: "Children, young people and their families"
            case .practitioners: "Practitioners and line managers"
            case .learningImpact: "Practitioners and line managers on the impact of learning and development"
            case .interventionImpact: "Children, young people and families on the impact of early help and intervention"
            }
        }

        /// The kind of impact evidence a survey of the stream is.
        public var evidenceKind: ImpactRecord.EvidenceKind {
            switch self {
            case .childrenAndFamilies, .interventionImpact: .childrenAndFamiliesSurvey
            case .practitioners: .practitionerSurvey
            case .learningImpact: .trainingEvaluation
            }
        }
    }

    /// The record's id.
    public var id: Survey.ID
    /// Its stream.
    public var stream: Stream
    /// Who was asked, such as `young people on child protection plans`.
    public var audience: String
    /// The period it covers.
    public var period: ReportingPeriod
    /// How many answered.
    public var responses: Int
    /// What it found, in plain words.
    public var findings: [String]
    /// The values it gives the measures it feeds, by measure: each becomes the partnership's
    /// observation of the measure for the period.
    public var results: [MeasureID: Double]
    /// Themes it bears on.
    public var themes: [Theme]

    /// Creates a survey's record.
    public init(
        id: Survey.ID,
        stream: Stream,
        audience: String,
        period: ReportingPeriod,
        responses: Int,
        findings: [String],
        results: [MeasureID: Double] = [:],
        themes: [Theme] = []
    ) {
        self.id = id
        self.stream = stream
        self.audience = audience
        self.period = period
        self.responses = responses
        self.findings = findings
        self.results = results
        self.themes = themes
    }

    /// The survey's results as the partnership's observations of its measures for its period.
    public var observations: [ObservationSeries] {
        results.keys.sorted().map { measure in
            ObservationSeries(
                measure: measure,
                scope: .partnership,
                points: [SeriesPoint(period: period, value: results[measure])]
            )
        }
    }

    /// The survey as evidence of impact, with what it showed.
    public func evidence(_ summary: String) -> ImpactRecord.Evidence {
        ImpactRecord.Evidence(kind: stream.evidenceKind, summary: summary, reference: reference)
    }

    /// Indexed by period and stream.
    public var index: RecordIndex { RecordIndex(period: period, key: stream.rawValue) }
    /// The partnership's, readable by everyone.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}
