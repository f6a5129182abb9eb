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
    public var sectionGrades: [AuditSectionCode: Grade]?
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
