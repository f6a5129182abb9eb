public import Domain

/// The code of a section of an audit tool, such as `voice`: what a case return grades.
public typealias AuditSectionCode = Code<CodeKinds.AuditSection>
/// The code of a question of an audit tool, such as `seen-alone`: what a case return answers.
public typealias AuditQuestionCode = Code<CodeKinds.AuditQuestion>

extension CodeKinds {
    /// What an audit section's code names; grades are kept in an object keyed by it.
    public enum AuditSection: KeyCodeKind {}
    /// What an audit question's code names; answers are kept in an object keyed by it.
    public enum AuditQuestion: KeyCodeKind {}
}

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
    public var code: AuditQuestionCode
    /// The question.
    public var text: String
    /// How it is answered.
    public var kind: Kind
    /// The themes a weak answer bears on: a recommendation about the question joins their work stream.
    public var themes: [Theme]

    /// Creates a question.
    public init(code: AuditQuestionCode, text: String, kind: Kind = .yesNo, themes: [Theme] = []) {
        self.code = code
        self.text = text
        self.kind = kind
        self.themes = themes
    }

    private enum CodingKeys: String, CodingKey {
        case code, text, kind, themes
    }

    /// Decodes a question; one stored before questions carried themes has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(AuditQuestionCode.self, forKey: .code)
        text = try container.decode(String.self, forKey: .text)
        kind = try container.decode(Kind.self, forKey: .kind)
        themes = try container.decodeIfPresent([Theme].self, forKey: .themes) ?? []
    }

    /// Encodes a question, leaving out an empty list of themes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        if !themes.isEmpty { try container.encode(themes, forKey: .themes) }
    }
}

/// A section of the audit tool: graded on the template's scale, with a rationale for every grade.
public struct AuditSection: Hashable, Sendable, Codable {
    /// The section's code.
    public var code: AuditSectionCode
    /// Its title.
    public var title: String
    /// Its questions.
    public var questions: [AuditQuestion]
    /// The themes the section bears on: a recommendation about the section joins their work stream.
    public var themes: [Theme]

    /// Creates a section.
    public init(code: AuditSectionCode, title: String, questions: [AuditQuestion] = [], themes: [Theme] = []) {
        self.code = code
        self.title = title
        self.questions = questions
        self.themes = themes
    }

    private enum CodingKeys: String, CodingKey {
        case code, title, questions, themes
    }

    /// Decodes a section; one stored before sections carried themes has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(AuditSectionCode.self, forKey: .code)
        title = try container.decode(String.self, forKey: .title)
        questions = try container.decode([AuditQuestion].self, forKey: .questions)
        themes = try container.decodeIfPresent([Theme].self, forKey: .themes) ?? []
    }

    /// Encodes a section, leaving out an empty list of themes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(title, forKey: .title)
        try container.encode(questions, forKey: .questions)
        if !themes.isEmpty { try container.encode(themes, forKey: .themes) }
    }

    /// The themes of the section and of the given questions of it (all its questions when none are
    /// named), without repeats, in the order first met.
    public func themes(questions codes: [AuditQuestionCode] = []) -> [Theme] {
        let asked = codes.isEmpty ? questions : questions.filter { codes.contains($0.code) }
        var seen = Set<Theme>()
        return (themes + asked.flatMap(\.themes)).filter { seen.insert($0).inserted }
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
        AuditQuestion(code: "child-seen", text: "Was the child seen?", themes: [.voiceOfTheChild]),
        AuditQuestion(code: "child-seen-alone", text: "Was the child seen alone?", themes: [.voiceOfTheChild]),
        AuditQuestion(
            code: "wishes-recorded",
            text: "Were the child's wishes and feelings recorded?",
            themes: [.voiceOfTheChild]
        ),
        AuditQuestion(code: "family-views", text: "Were the family's views sought?", themes: [.fathersAndMen]),
        AuditQuestion(code: "timely", text: "Was the work timely?", themes: [.assessmentAndPlanning]),
    ]

    /// The starter multi-agency case audit tool, graded Outstanding / Good / Requires improvement /
    /// Inadequate, with the standard questions.
    public static let standard = AuditTemplate(
        id: "case-audit-v1",
        family: "case-audit",
        version: 1,
        name: "Multi-agency case audit tool",
        sections: [
            AuditSection(
                code: "experience",
                title: "The child's experience and voice",
                questions: standardQuestions,
                themes: [.voiceOfTheChild]
            ),
            AuditSection(code: "recognition", title: "Recognition of risk and need", themes: [.thresholds]),
            AuditSection(code: "assessment", title: "Assessment and planning", themes: [.assessmentAndPlanning]),
            AuditSection(
                code: "joint-working",
                title: "Joint working and information sharing",
                themes: [.informationSharing, .multiAgencyWorking]
            ),
            AuditSection(code: "impact", title: "Impact on the child"),
        ]
    )

    /// Reference data.
    public var index: RecordIndex { RecordIndex(key: family) }
    /// Reference data.
    public var accessScope: AccessScope { AccessScope(.referenceData) }
}
