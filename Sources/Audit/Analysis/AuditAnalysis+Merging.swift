import Domain

extension AuditAnalysis {
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
    /// let analysis = try AuditAnalysis(merging: parts)
    /// ```
    ///
    /// Each part must hold its audits' cases and each case's returns (a case's grades are compared
    /// across agencies within its part).
    ///
    /// - Parameter parts: Analyses of separate audits, all on one scale; with none, the empty
    ///   analysis on the four-point scale.
    /// - Throws: `DomainError` with the code `invalidInput` when two parts are on different scales, or when
    ///   an audit is in two parts (its cases would be counted twice).
    public init(merging parts: [AuditAnalysis]) throws {
        let scale = parts.first?.scale ?? .fourPoint
        if let other = parts.first(where: { $0.scale != scale }) {
            throw DomainError(
                .invalidInput,
                "audit analyses on different scales cannot be merged: \(scale.name) and \(other.scale.name)"
            )
        }
        var byTheme: [Theme: [RatingCode: Int]] = [:]
        var byAgency: [Agency.ID: [RatingCode: Int]] = [:]
        var judgements: [Audit.ID: RatingCode] = [:]
        var audits: [Audit.ID: Audit] = [:]
        for part in parts {
            for (theme, counts) in part.gradesByTheme {
                byTheme[theme, default: [:]].merge(counts, uniquingKeysWith: +)
            }
            for (agency, counts) in part.gradesByAgency {
                byAgency[agency, default: [:]].merge(counts, uniquingKeysWith: +)
            }
            for (id, audit) in part.audits {
                guard audits.updateValue(audit, forKey: id) == nil else {
                    throw DomainError(
                        .invalidInput,
                        "audit \(id) is in two of the analyses to merge; each audit belongs to one part"
                    )
                }
            }
            judgements.merge(part.judgements) { first, _ in first }
        }
        self.init(
            scale: scale,
            gradesByTheme: byTheme,
            gradesByAgency: byAgency,
            judgements: judgements,
            disagreements: Self.disagreements(merging: parts),
            audits: audits
        )
    }

    /// Every part's disagreements, by case and section.
    ///
    /// Each part lists its own in that order, and parts of separate audits hold separate cases, so the
    /// parts put in order of their first disagreement usually follow on from each other and need no
    /// sorting; where they overlap, everything is sorted as it comes.
    private static func disagreements(merging parts: [AuditAnalysis]) -> [Disagreement] {
        let ordered = parts.filter { !$0.disagreements.isEmpty }
            .sorted { Disagreement.inCaseOrder($0.disagreements[0], $1.disagreements[0]) }
        var merged: [Disagreement] = []
        merged.reserveCapacity(ordered.reduce(0) { $0 + $1.disagreements.count })
        for part in ordered { merged += part.disagreements }
        if zip(merged, merged.dropFirst()).allSatisfy({ Disagreement.inCaseOrder($0, $1) }) { return merged }
        return parts.flatMap(\.disagreements).sorted(by: Disagreement.inCaseOrder)
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
