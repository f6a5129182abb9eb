public import Domain

/// A question of the audit tool.
public struct AuditQuestion: Hashable, Sendable, Codable {
    /// How a question is answered.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Yes, no, or not applicable.
        case yesNo = "yes-no"
        /// Free text.
        case text
    }

    /// The question's code, unique in its template, such as `seen-alone`.
    public var code: String
    /// The question.
    public var text: String
    /// How it is answered.
    public var kind: Kind

    /// Creates a question.
    public init(code: String, text: String, kind: Kind = .yesNo) {
        self.code = code
        self.text = text
        self.kind = kind
    }
}

/// A section of the audit tool: graded on the template's scale, with a rationale for every grade.
public struct AuditSection: Hashable, Sendable, Codable {
    /// The section's code.
    public var code: String
    /// Its title.
    public var title: String
    /// Its questions.
    public var questions: [AuditQuestion]

    /// Creates a section.
    public init(code: String, title: String, questions: [AuditQuestion] = []) {
        self.code = code
        self.title = title
        self.questions = questions
    }
}

/// The partnership's one audit tool: sections and questions on a grading scale, at a version.
///
/// An audit records the template version it used.
public struct AuditTemplate: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "audit template" }
    /// The type of the template's identifier.
    public typealias ID = Identifier<AuditTemplate>
    /// `audit.template`.
    public static var recordType: RecordType { "audit.template" }

    /// The template's id, which includes its version.
    public var id: AuditTemplate.ID
    /// The family of versions.
    public var family: String
    /// The version.
    public var version: Int
    /// The template's name.
    public var name: String
    /// The grading scale: by default Outstanding, Good, Requires improvement, Inadequate.
    public var scale: RatingScale
    /// The graded sections.
    public var sections: [AuditSection]

    /// Creates a template.
    public init(
        id: AuditTemplate.ID,
        family: String,
        version: Int,
        name: String,
        scale: RatingScale = .fourPoint,
        sections: [AuditSection]
    ) {
        self.id = id
        self.family = family
        self.version = version
        self.name = name
        self.scale = scale
        self.sections = sections
    }

    /// The questions every case audit asks about the child's experience.
    public static let standardQuestions: [AuditQuestion] = [
        AuditQuestion(code: "child-seen", text: "Was the child seen?"),
        AuditQuestion(code: "child-seen-alone", text: "Was the child seen alone?"),
        AuditQuestion(code: "wishes-recorded", text: "Were the child's wishes and feelings recorded?"),
        AuditQuestion(code: "family-views", text: "Were the family's views sought?"),
        AuditQuestion(code: "timely", text: "Was the work timely?"),
    ]

    /// The starter multi-agency case audit tool, graded Outstanding / Good / Requires improvement /
    /// Inadequate, with the standard questions.
    public static let standard = AuditTemplate(
        id: "case-audit-v1",
        family: "case-audit",
        version: 1,
        name: "Multi-agency case audit tool",
        sections: [
            AuditSection(code: "experience", title: "The child's experience and voice", questions: standardQuestions),
            AuditSection(code: "recognition", title: "Recognition of risk and need"),
            AuditSection(code: "assessment", title: "Assessment and planning"),
            AuditSection(code: "joint-working", title: "Joint working and information sharing"),
            AuditSection(code: "impact", title: "Impact on the child"),
        ]
    )

    /// Reference data.
    public var index: RecordIndex { RecordIndex(key: family) }
    /// Reference data.
    public var accessScope: AccessScope { AccessScope(.referenceData) }
}
