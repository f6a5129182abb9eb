public import Domain

/// The grades of a case return and who gave them: the part of a return the audit analysis reads.
///
/// Read through an `AssuranceView`'s `records(_:_:)` in place of whole ``CaseReturn``s where only
/// the grades count, as in an analysis of a national audit history: a whole return makes some
/// seventeen values on the heap (its identifiers, answers, rationales and recommendations), this
/// about four.
///
/// ```swift
/// let graded = try await view.records(CaseReturnGrades.self, RecordFilter(key: audit.id.rawValue))
/// ```
public struct CaseReturnGrades: RecordProjection, Hashable {
    /// Case returns.
    public typealias Source = CaseReturn

    /// A section's grade level.
    public struct SectionGrade: Hashable, Sendable {
        /// The section's code.
        public var section: AuditSectionCode
        /// The level's code on the template's scale.
        public var level: RatingCode

        /// Creates a section's grade.
        public init(section: AuditSectionCode, level: RatingCode) {
            self.section = section
            self.level = level
        }
    }

    /// The case.
    public var auditCase: AuditCase.ID
    /// The agency returning.
    public var agency: Agency.ID
    /// Whether the agency has returned it.
    public var status: CaseReturn.Status
    /// The level of each graded section, in order of section code.
    public var grades: [SectionGrade]

    /// The grades of a whole return.
    public init(_ caseReturn: CaseReturn) {
        auditCase = caseReturn.auditCase
        agency = caseReturn.agency
        status = caseReturn.status
        grades = caseReturn.grades.map { SectionGrade(section: $0.key, level: $0.value.level) }
            .sorted { $0.section < $1.section }
    }
}

// Reads exactly the keys `CaseReturn`'s synthesized `init(from:)` reads for these fields, as a
// `CaseReturnGradesTests` check holds both readers to the whole return.
extension CaseReturnGrades: RecordPayloadDecodable {
    /// Reads a return's grades from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        agency = try payload.id(Agency.self, "agency")
        auditCase = try payload.id(AuditCase.self, "auditCase")
        grades = try payload.members("grades") { section, grade in
            SectionGrade(section: AuditSectionCode(section), level: try grade.raw(RatingCode.self, "level"))
        }
        status = try payload.raw(CaseReturn.Status.self, "status")
    }

    private enum CodingKeys: String, CodingKey {
        case agency, auditCase, grades, status
    }

    private struct Level: Decodable {
        var level: RatingCode
    }

    /// Reads a return's grades from its coded form, where the payload reader gives up (sections
    /// written out of order, for one).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        agency = try container.decode(Agency.ID.self, forKey: .agency)
        auditCase = try container.decode(AuditCase.ID.self, forKey: .auditCase)
        grades = try container.decode([AuditSectionCode: Level].self, forKey: .grades)
            .map { SectionGrade(section: $0.key, level: $0.value.level) }.sorted { $0.section < $1.section }
        status = try container.decode(CaseReturn.Status.self, forKey: .status)
    }
}
