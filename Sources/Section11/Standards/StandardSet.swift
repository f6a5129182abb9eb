public import Domain

/// Which duty a standard set assesses.
public enum AssessmentDuty: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Section 11 of the Children Act 2004.
    case section11 = "section-11"
    /// Sections 175 and 157 of the Education Act 2002 (schools).
    case section175 = "section-175"

    /// The duty's name.
    public var description: String {
        switch self {
        case .section11: "Section 11 (Children Act 2004)"
        case .section175: "Section 175/157 (Education Act 2002)"
        }
    }
}

/// A criterion of a standard: what good looks like, with guidance and prompts for evidence.
public struct Criterion: Hashable, Sendable, Codable {
    /// The criterion's code, unique in its set, such as `1.2`.
    public var code: CriterionCode
    /// What the agency must show.
    public var text: String
    /// Links or references to guidance.
    public var guidance: [String]
    /// Prompts for the evidence that would show it.
    public var evidencePrompts: [String]
    /// The themes it bears on, when they differ from its standard's; `nil` in sets from before themes.
    public var themes: [Theme]?

    /// Creates a criterion.
    public init(
        code: CriterionCode,
        text: String,
        guidance: [String] = [],
        evidencePrompts: [String] = [],
        themes: [Theme]? = nil
    ) {
        self.themes = themes
        self.code = code
        self.text = text
        self.guidance = guidance
        self.evidencePrompts = evidencePrompts
    }
}

/// A standard: a heading with its criteria, and the sectors it applies to.
public struct Standard: Hashable, Sendable, Codable {
    /// The standard's code, such as `1`.
    public var code: StandardCode
    /// Its title.
    public var title: String
    /// Its criteria.
    public var criteria: [Criterion]
    /// The sectors it applies to; empty means every sector.
    public var sectors: [AgencySector]
    /// The themes its criteria bear on, unless a criterion names its own; `nil` in sets from before themes.
    public var themes: [Theme]?

    /// Creates a standard.
    public init(
        code: StandardCode,
        title: String,
        criteria: [Criterion],
        sectors: [AgencySector] = [],
        themes: [Theme]? = nil
    ) {
        self.themes = themes
        self.code = code
        self.title = title
        self.criteria = criteria
        self.sectors = sectors
    }

    /// Whether the standard applies to an agency of a sector.
    public func applies(to sector: AgencySector) -> Bool { sectors.isEmpty || sectors.contains(sector) }
}

/// A partnership's own list of standards for a duty, on a rating scale, at a version.
///
/// Each agency is assessed against the standards that fit its sector. A new version of a set is a
/// new record; an assessment records the version it was made against, and a criterion whose text is
/// unchanged carries its answers forward to the next cycle.
public struct StandardSet: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "standard set" }
    /// The type of the set's identifier.
    public typealias ID = Identifier<StandardSet>
    /// `section11.standard-set`.
    public static var recordType: RecordType { "section11.standard-set" }
    /// Version 2: standards and criteria carry themes.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged, with no themes.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// The set's id, which includes its version, such as `section11-classic-v1`.
    public var id: StandardSet.ID
    /// The family of versions it belongs to, such as `section11-classic`.
    public var family: String
    /// The version within the family.
    public var version: Int
    /// The set's name.
    public var name: String
    /// The duty it assesses.
    public var duty: AssessmentDuty
    /// The rating scale.
    public var scale: RatingScale
    /// The standards.
    public var standards: [Standard]

    /// Creates a set.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when a criterion code repeats or a standard has no criteria.
    public init(
        id: StandardSet.ID,
        family: String,
        version: Int,
        name: String,
        duty: AssessmentDuty,
        scale: RatingScale = .rag,
        standards: [Standard]
    ) throws(DomainError) {
        var seen = Set<CriterionCode>()
        for standard in standards {
            if standard.criteria.isEmpty {
                throw DomainError(.invalidInput, "standard \(standard.code) of set \(id) has no criteria")
            }
            for criterion in standard.criteria where !seen.insert(criterion.code).inserted {
                throw DomainError(.invalidInput, "criterion \(criterion.code) appears twice in standard set \(id)")
            }
        }
        self.id = id
        self.family = family
        self.version = version
        self.name = name
        self.duty = duty
        self.scale = scale
        self.standards = standards
    }

    /// The standards that apply to an agency's sector.
    public func standards(for sector: AgencySector) -> [Standard] { standards.filter { $0.applies(to: sector) } }

    /// The criteria that apply to an agency's sector.
    public func criteria(for sector: AgencySector) -> [Criterion] { standards(for: sector).flatMap(\.criteria) }

    /// The standard a criterion belongs to.
    public func standard(of criterion: CriterionCode) -> Standard? {
        standards.first { $0.criteria.contains { $0.code == criterion } }
    }

    /// The code of each criterion's standard, for analyses that look a standard up for every
    /// response: one lookup each rather than a search of the set.
    public var standardCodesByCriterion: [CriterionCode: StandardCode] {
        var codes: [CriterionCode: StandardCode] = [:]
        for standard in standards {
            for criterion in standard.criteria where codes[criterion.code] == nil {
                codes[criterion.code] = standard.code
            }
        }
        return codes
    }

    /// The themes a criterion bears on: its own, or its standard's.
    ///
    /// A gap or an action on the criterion is raised with these themes, so that it lands in the
    /// work stream of each.
    public func themes(of criterion: CriterionCode) -> [Theme] {
        guard let standard = standard(of: criterion) else { return [] }
        return standard.criteria.first { $0.code == criterion }?.themes ?? standard.themes ?? []
    }

    /// The criterion with a code.
    public func criterion(_ code: CriterionCode) -> Criterion? {
        for standard in standards {
            if let found = standard.criteria.first(where: { $0.code == code }) { return found }
        }
        return nil
    }

    /// Reference data for the whole partnership.
    public var index: RecordIndex { RecordIndex(key: family) }
    /// Reference data.
    public var accessScope: AccessScope { AccessScope(.referenceData) }
}
