public import Domain

/// How a case came into an audit's sample.
public enum CaseSelection: String, Hashable, Sendable, Codable, CaseIterable {
    /// At random within a cohort.
    case random
    /// Chosen on purpose.
    case purposive
    /// Triggered by an event or a signal.
    case triggered
}

/// A grade with the rationale every grade needs.
public struct Grade: Hashable, Sendable, Codable {
    /// The level's code on the template's scale.
    public var level: String
    /// Why the grade was given.
    public var rationale: String

    /// Creates a grade.
    public init(level: String, rationale: String) {
        self.level = level
        self.rationale = rationale
    }
}

/// An answer to a yes-or-no question.
public enum Answer: String, Hashable, Sendable, Codable, CaseIterable {
    /// Yes.
    case yes
    /// No.
    case no
    /// Not applicable.
    case notApplicable = "n/a"
}

/// A case in an audit's sample: a pseudonymous reference, never a name or date of birth, with the
/// agencies involved and, after moderation, its grades.
public struct AuditCase: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "audit case" }
    /// The type of the case's identifier.
    public typealias ID = Identifier<AuditCase>
    /// `audit.case`.
    public static var recordType: RecordType { "audit.case" }

    /// The case's id.
    public var id: AuditCase.ID
    /// The audit.
    public var audit: Audit.ID
    /// The host's pseudonymous case reference.
    public var caseReference: CaseReference
    /// How it was selected.
    public var selection: CaseSelection
    /// The agencies involved with the case.
    public var agencies: [Agency.ID]
    /// The moderated grade of each section.
    public var sectionGrades: [String: Grade]?
    /// The moderated overall grade.
    public var overall: Grade?
    /// What the moderation meeting noted.
    public var moderationNotes: String?

    /// Creates a sampled case.
    public init(
        id: AuditCase.ID,
        audit: Audit.ID,
        caseReference: CaseReference,
        selection: CaseSelection,
        agencies: [Agency.ID]
    ) {
        self.id = id
        self.audit = audit
        self.caseReference = caseReference
        self.selection = selection
        self.agencies = agencies
    }

    /// Whether the case has been moderated.
    public var isModerated: Bool { overall != nil }

    /// Indexed by its audit.
    public var index: RecordIndex { RecordIndex(parent: audit.retyped()) }
    /// A case record: auditors and the partnership's leads read it.
    public var accessScope: AccessScope { AccessScope(.auditCaseRecord) }
}

/// An agency's return on a case: its grades with their rationale, its answers to the standard
/// questions, good practice, areas for development and recommendations.
public struct CaseReturn: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "case return" }
    /// The type of the return's identifier.
    public typealias ID = Identifier<CaseReturn>
    /// `audit.case-return`.
    public static var recordType: RecordType { "audit.case-return" }

    /// Whether the agency has returned it.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Requested, not yet returned.
        case requested
        /// Returned.
        case submitted
    }

    /// The return's id.
    public var id: CaseReturn.ID
    /// The audit.
    public var audit: Audit.ID
    /// The case.
    public var auditCase: AuditCase.ID
    /// The agency returning.
    public var agency: Agency.ID
    /// The day it is due.
    public var dueOn: Day
    /// Whether it is returned.
    public var status: Status
    /// The day it was returned.
    public var submittedOn: Day?
    /// Grades by section code.
    public var grades: [String: Grade]
    /// Answers by question code.
    public var answers: [String: Answer]
    /// Good practice seen.
    public var goodPractice: String?
    /// Areas for development.
    public var areasForDevelopment: String?
    /// The agency's recommendations.
    public var recommendations: [String]

    /// Creates a requested return.
    public init(id: CaseReturn.ID, audit: Audit.ID, auditCase: AuditCase.ID, agency: Agency.ID, dueOn: Day) {
        self.id = id
        self.audit = audit
        self.auditCase = auditCase
        self.agency = agency
        self.dueOn = dueOn
        self.status = .requested
        self.grades = [:]
        self.answers = [:]
        self.recommendations = []
    }

    /// Indexed by agency, status, due day and case.
    public var index: RecordIndex {
        RecordIndex(
            agency: agency,
            status: status.rawValue,
            dueDay: dueOn,
            parent: auditCase.retyped(),
            key: audit.rawValue
        )
    }
    /// A case record of the agency: no other agency sees it.
    public var accessScope: AccessScope { AccessScope(.auditCaseRecord, agency: agency) }
}

/// A challenge session: some months after an audit is reported, it asks of each recommendation what
/// evidence there is of impact.
public struct ChallengeSession: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "challenge session" }
    /// The type of the session's identifier.
    public typealias ID = Identifier<ChallengeSession>
    /// `audit.challenge-session`.
    public static var recordType: RecordType { "audit.challenge-session" }

    /// The judgement of a recommendation's impact.
    public enum Judgement: String, Hashable, Sendable, Codable, CaseIterable {
        /// Embedded in practice.
        case embedded
        /// Progressing.
        case progressing
        /// Not yet evident.
        case notYetEvident = "not-yet-evident"
        /// Not achieved.
        case notAchieved = "not-achieved"
    }

    /// One recommendation's outcome.
    public struct Outcome: Hashable, Sendable, Codable {
        /// The recommendation.
        public var recommendation: Recommendation.ID
        /// The evidence of impact.
        public var evidence: String
        /// The judgement.
        public var judgement: Judgement

        /// Creates an outcome.
        public init(recommendation: Recommendation.ID, evidence: String, judgement: Judgement) {
            self.recommendation = recommendation
            self.evidence = evidence
            self.judgement = judgement
        }
    }

    /// The session's id.
    public var id: ChallengeSession.ID
    /// The audit challenged.
    public var audit: Audit.ID
    /// The day it was held.
    public var heldOn: Day
    /// The outcome for each recommendation.
    public var outcomes: [Outcome]
    /// Other notes.
    public var notes: String?

    /// Creates a session.
    public init(id: ChallengeSession.ID, audit: Audit.ID, heldOn: Day, outcomes: [Outcome], notes: String? = nil) {
        self.id = id
        self.audit = audit
        self.heldOn = heldOn
        self.outcomes = outcomes
        self.notes = notes
    }

    /// Indexed by audit.
    public var index: RecordIndex { RecordIndex(period: .containing(heldOn, kind: .month), parent: audit.retyped()) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}

/// The audit forward plan of a year: the planned audits with why each theme was chosen, revised as
/// the year goes on, every revision kept.
public struct AuditPlan: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "audit plan" }
    /// The type of the plan's identifier.
    public typealias ID = Identifier<AuditPlan>
    /// `audit.plan`.
    public static var recordType: RecordType { "audit.plan" }

    /// A revision of the plan.
    public struct Revision: Hashable, Sendable, Codable {
        /// When.
        public var on: Day
        /// Who.
        public var by: Principal.ID
        /// What changed and why.
        public var note: String
        /// The planned audits before the revision.
        public var before: [Audit.ID]
    }

    /// The plan's id.
    public var id: AuditPlan.ID
    /// The year it covers, by default the financial year.
    public var year: ReportingPeriod
    /// The audits planned, in order.
    public var audits: [Audit.ID]
    /// Every revision, oldest first.
    public var revisions: [Revision]

    /// Creates a plan.
    public init(id: AuditPlan.ID, year: ReportingPeriod, audits: [Audit.ID]) {
        self.id = id
        self.year = year
        self.audits = audits
        self.revisions = []
    }

    /// Indexed by year.
    public var index: RecordIndex { RecordIndex(period: year) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}

/// A QA lead's decision not to audit a signal, with the reason.
public struct SpotAuditDecline: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "spot audit decline" }
    /// The type of the decline's identifier.
    public typealias ID = Identifier<SpotAuditDecline>
    /// `audit.spot-audit-decline`.
    public static var recordType: RecordType { "audit.spot-audit-decline" }

    /// The decline's id.
    public var id: SpotAuditDecline.ID
    /// The signal.
    public var signal: Signal.ID
    /// Why no spot audit.
    public var reason: String
    /// Who decided.
    public var by: Principal.ID
    /// When.
    public var on: Day

    /// Creates a decline.
    public init(id: SpotAuditDecline.ID, signal: Signal.ID, reason: String, by: Principal.ID, on: Day) {
        self.id = id
        self.signal = signal
        self.reason = reason
        self.by = by
        self.on = on
    }

    /// Indexed by signal.
    public var index: RecordIndex { RecordIndex(parent: signal.retyped()) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}

/// A quarterly summary from the MASH or from the child protection conference chairs, under the
/// headings the framework lists.
public struct QuarterlySummary: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "quarterly summary" }
    /// The type of the summary's identifier.
    public typealias ID = Identifier<QuarterlySummary>
    /// `audit.quarterly-summary`.
    public static var recordType: RecordType { "audit.quarterly-summary" }

    /// Who returns the summary.
    public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
        /// The multi-agency safeguarding hub.
        case mash
        /// The child protection conference chairs.
        case conferenceChairs = "conference-chairs"

        /// The headings the framework asks for.
        public var headings: [String] {
            switch self {
            case .mash:
                [
                    "Practice evaluations", "Supervision", "Meeting observations", "Senior manager walkabouts",
                    "Practice weeks",
                ]
            case .conferenceChairs:
                [
                    "QA questionnaire summary", "Restorative approach", "Risks faced by children",
                    "Quality of direct work",
                    "Work with parents and family", "Matters escalated",
                ]
            }
        }
    }

    /// The summary's id.
    public var id: QuarterlySummary.ID
    /// Who returned it.
    public var source: Source
    /// The quarter.
    public var quarter: ReportingPeriod
    /// The text under each heading, in the order of ``Source/headings``.
    public var sections: [String: String]
    /// The day it was returned.
    public var returnedOn: Day

    /// Creates a summary.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when a heading is missing or unknown, or the
    ///   period is not a quarter.
    public init(
        id: QuarterlySummary.ID,
        source: Source,
        quarter: ReportingPeriod,
        sections: [String: String],
        returnedOn: Day
    )
        throws(DomainError)
    {
        guard quarter.kind == .quarter else {
            throw DomainError(
                .invalidInput,
                "a quarterly summary covers a quarter; \(quarter) is a \(quarter.kind.rawValue)"
            )
        }
        let missing = source.headings.filter { (sections[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw DomainError(
                .invalidInput,
                "the \(source.rawValue) summary for \(quarter) has nothing under \(missing.joined(separator: ", "))"
            )
        }
        if let unknown = sections.keys.sorted().first(where: { !source.headings.contains($0) }) {
            throw DomainError(
                .invalidInput,
                "the \(source.rawValue) summary has an unknown heading \(DomainError.quote(unknown)); expected \(source.headings.joined(separator: ", "))"
            )
        }
        self.id = id
        self.source = source
        self.quarter = quarter
        self.sections = sections
        self.returnedOn = returnedOn
    }

    /// Indexed by quarter and source.
    public var index: RecordIndex { RecordIndex(period: quarter, key: source.rawValue) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}
