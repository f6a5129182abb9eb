public import Domain

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
    /// Version 3: a definition names the sectors it describes (``sectors``).
    ///
    /// Version 2 named the roles it plays (``roles``).
    public static var schemaVersion: Int { 3 }
    /// A definition from an earlier version takes what the starter catalogue gives it.
    ///
    /// Version 1 had no roles: a starter measure takes the roles the starter catalogue gives it, so
    /// that a database from before roles keeps its MASH and conference sections. Version 2 had no
    /// sectors: a starter measure takes the sectors the starter catalogue gives it, so that a
    /// police force's feedback no longer shows social workers' turnover.
    public static var migrations: [RecordMigration] {
        [
            RecordMigration(from: 1) { json in
                guard case .string(let id) = json["id"], let measure = MeasureID(rawValue: id),
                    let roles = MeasureCatalogue.starterRoles[measure]
                else { return json }
                var json = json
                json["roles"] = .array(roles.map { .string($0.rawValue) })
                return json
            },
            RecordMigration(from: 2) { json in
                guard case .string(let id) = json["id"], let measure = MeasureID(rawValue: id),
                    let sectors = MeasureCatalogue.starterSectors[measure]
                else { return json }
                var json = json
                json["sectors"] = .array(sectors.map { .string($0.rawValue) })
                return json
            },
        ]
    }

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
    /// The parts of the framework the measure serves, such as `MeasureRole.mash`.
    ///
    /// Sections and rules find their measures by role, never by id; `nil` for none.
    public var roles: [MeasureRole]?
    /// The sectors whose agencies the measure describes, such as children's social care for social
    /// workers' turnover: an agency's feedback shows it only to agencies of these sectors; `nil` for
    /// every sector.
    public var sectors: [AgencySector]?

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
        themes: [Theme] = [],
        roles: [MeasureRole]? = nil,
        sectors: [AgencySector]? = nil
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
        self.roles = roles
        self.sectors = sectors
    }

    /// Whether the measure describes agencies of a sector.
    public func describes(_ sector: AgencySector) -> Bool { sectors?.contains(sector) ?? true }

    /// Whether the measure plays a role.
    public func plays(_ role: MeasureRole) -> Bool { roles?.contains(role) ?? false }

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
