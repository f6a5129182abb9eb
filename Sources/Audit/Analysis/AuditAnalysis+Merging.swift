import Domain

extension AuditAnalysis {
    /// A section of a case: where agencies' grades are compared.
    struct CaseSection: Hashable {
        var auditCase: AuditCase.ID
        var section: String
    }

    /// Analyses of separate audits combined: the same analysis as of all their audits, cases and
    /// returns together.
    ///
    /// Lets a host analyse a long history (or many partnerships' audits) an audit or a plan at a
    /// time, reading each audit's cases and returns through the store's indexes and keeping only
    /// the counts, rather than holding every return at once:
    ///
    /// ```swift
    /// var parts: [AuditAnalysis] = []
    /// for audit in try await view.all(Audit.self) {
    ///     parts.append(
    ///         AuditAnalysis(
    ///             audits: [audit],
    ///             cases: try await view.records(AuditCase.self, RecordFilter(parent: audit.id.retyped())),
    ///             returns: try await view.records(CaseReturn.self, RecordFilter(key: audit.id.rawValue))
    ///         )
    ///     )
    /// }
    /// let analysis = AuditAnalysis(merging: parts)
    /// ```
    ///
    /// Each part must hold its audits' cases and each case's returns (a case's grades are compared
    /// across agencies within its part), and no audit may be in two parts.
    ///
    /// - Parameter parts: Analyses of disjoint sets of audits, all on one scale; none gives an
    ///   empty analysis on the four-point scale.
    public init(merging parts: [AuditAnalysis]) {
        let scale = parts.first?.scale ?? .fourPoint
        precondition(parts.allSatisfy { $0.scale == scale }, "AuditAnalysis(merging:) needs analyses on one scale")
        var byTheme: [Theme: [RatingCode: Int]] = [:]
        var byAgency: [Agency.ID: [RatingCode: Int]] = [:]
        var judgements: [Audit.ID: RatingCode] = [:]
        var audits: [Audit.ID: Audit] = [:]
        var disagreements: [Disagreement] = []
        for part in parts {
            for (theme, counts) in part.gradesByTheme {
                byTheme[theme, default: [:]].merge(counts, uniquingKeysWith: +)
            }
            for (agency, counts) in part.gradesByAgency {
                byAgency[agency, default: [:]].merge(counts, uniquingKeysWith: +)
            }
            judgements.merge(part.judgements) { first, _ in first }
            audits.merge(part.audits) { first, _ in first }
            disagreements += part.disagreements
        }
        self.init(
            scale: scale,
            gradesByTheme: byTheme,
            gradesByAgency: byAgency,
            judgements: judgements,
            disagreements: disagreements.sorted(by: Disagreement.inCaseOrder),
            audits: audits
        )
    }

    private init(
        scale: RatingScale,
        gradesByTheme: [Theme: [RatingCode: Int]],
        gradesByAgency: [Agency.ID: [RatingCode: Int]],
        judgements: [Audit.ID: RatingCode],
        disagreements: [Disagreement],
        audits: [Audit.ID: Audit]
    ) {
        self.scale = scale
        self.gradesByTheme = gradesByTheme
        self.gradesByAgency = gradesByAgency
        self.judgements = judgements
        self.disagreements = disagreements
        self.audits = audits
    }
}

extension AuditAnalysis.Disagreement {
    /// By case, then section: the order the analysis lists disagreements in.
    static func inCaseOrder(_ first: Self, _ second: Self) -> Bool {
        (first.auditCase, first.section) < (second.auditCase, second.section)
    }
}
