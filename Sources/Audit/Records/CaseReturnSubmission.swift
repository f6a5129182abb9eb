public import Domain

/// What an agency returns for a case: a grade with its rationale for every section, an answer to
/// every standard question, and what it learnt.
public struct CaseReturnSubmission: Hashable, Sendable {
    /// The return requested of the agency.
    public var caseReturn: CaseReturn.ID
    /// A grade for each section of the audit tool.
    public var grades: [AuditSectionCode: Grade]
    /// An answer to each standard question.
    public var answers: [AuditQuestionCode: Answer]
    /// Good practice seen.
    public var goodPractice: String?
    /// Areas for development.
    public var areasForDevelopment: String?
    /// Recommendations, each a sentence.
    public var recommendations: [String]

    /// Creates a submission.
    public init(
        caseReturn: CaseReturn.ID,
        grades: [AuditSectionCode: Grade],
        answers: [AuditQuestionCode: Answer],
        goodPractice: String? = nil,
        areasForDevelopment: String? = nil,
        recommendations: [String] = []
    ) {
        self.caseReturn = caseReturn
        self.grades = grades
        self.answers = answers
        self.goodPractice = goodPractice
        self.areasForDevelopment = areasForDevelopment
        self.recommendations = recommendations
    }
}
