public import Domain

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
    public package(set) var status: Status
    /// The day it was returned.
    public package(set) var submittedOn: Day?
    /// Grades by section code.
    public var grades: [AuditSectionCode: Grade]
    /// Answers by question code.
    public var answers: [AuditQuestionCode: Answer]
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
            status: RecordStatus(status),
            dueDay: dueOn,
            parent: auditCase.retyped(),
            key: audit.rawValue
        )
    }
    /// A case record of the agency: no other agency sees it.
    public var accessScope: AccessScope { AccessScope(.auditCaseRecord, agency: agency) }
}
