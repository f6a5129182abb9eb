public import Domain
import Foundation

extension AuditProgramme {
    /// Records a re-audit as evidence of impact on a recommendation, in the one action tracker, with
    /// the re-audit as its source.
    ///
    /// The evidence is the share of the re-audit's moderated cases graded good or better (green on
    /// the template's scale), set beside the same share in the audit the recommendation came from,
    /// when it came from an audit. The judgement follows: `embedded` when the re-audit's judgement
    /// (the median of its cases) is good or better and no worse a share than before; `progressing`
    /// when the share rose but the judgement is below good; `notAchieved` otherwise, which is recorded
    /// too, and on which the recommendation cannot close.
    ///
    /// - Parameters:
    ///   - reAudit: The re-audit: moderated, with graded cases.
    ///   - recommendation: The recommendation it bears on.
    ///   - actions: The recommendation's actions it bears on.
    ///   - principal: Who records it.
    /// - Returns: The impact record.
    /// - Throws: `DomainError.Code.invalidInput` when the re-audit has no moderated case, or is the
    ///   audit the recommendation came from; `DomainError.Code.notFound` for an unknown audit or
    ///   recommendation.
    @discardableResult
    public func recordReAudit(
        _ reAudit: Audit.ID,
        of recommendation: Recommendation.ID,
        actions: [TrackedAction.ID] = [],
        by principal: Principal
    ) async throws -> ImpactRecord {
        let held = try await records.require(Recommendation.self, id: recommendation, as: principal).value
        let after = try await records.require(Audit.self, id: reAudit, as: principal).value
        var original: Audit?
        if let source = held.source.record, source.type == Audit.recordType {
            guard source.id.retyped() != reAudit else {
                throw DomainError(
                    .invalidInput,
                    "audit \(reAudit) is the audit recommendation \(recommendation) came from; a re-audit is a later audit"
                )
            }
            original = try await records.load(Audit.self, id: source.id.retyped(), as: .system)?.value
        }
        let scale = try await template(after.template ?? AuditTemplate.standard.id).scale
        let now = try await goodOrBetter(in: reAudit, scale: scale)
        guard now.graded > 0 else {
            throw DomainError(
                .invalidInput,
                "audit \(reAudit) has no moderated case; a re-audit counts as evidence once its cases are graded"
            )
        }
        var before: (good: Int, graded: Int, judgement: RatingLevel?)?
        if let original { before = try await goodOrBetter(in: original.id, scale: scale) }
        let share = Double(now.good) / Double(now.graded)
        var earlierShare: Double?
        if let before, before.graded > 0 { earlierShare = Double(before.good) / Double(before.graded) }
        let judgement: ImpactRecord.Judgement =
            if now.judgement?.rag == .green, share >= (earlierShare ?? 0) {
                .embedded
            } else if let earlierShare, share > earlierShare {
                .progressing
            } else {
                .notAchieved
            }
        let good = (scale.leastGreen?.label ?? "green").inSentence
        var summary = "Re-audit \(after.title): \(now.good) of \(now.graded) cases \(good) or better"
        if let original, let before, before.graded > 0 {
            summary += ", against \(before.good) of \(before.graded) in \(original.title)"
        }
        summary += now.judgement.map { "; judged \($0.label.inSentence) overall." } ?? "."
        return try await ActionTracker(environment: environment).recordImpact(
            of: recommendation,
            judgement: judgement,
            evidence: [ImpactRecord.Evidence(kind: .reAudit, summary: summary, reference: after.reference)],
            source: after.reference,
            actions: actions,
            by: principal
        )
    }

    private func goodOrBetter(
        in audit: Audit.ID,
        scale: RatingScale
    ) async throws -> (good: Int, graded: Int, judgement: RatingLevel?) {
        let levels = try await cases(of: audit).compactMap { $0.overall.flatMap { scale.level($0.level) } }
        let sorted = levels.sorted { $0.rank < $1.rank }
        // The median, the lower where two meet, as the audit analysis judges an audit.
        let median = sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
        return (levels.filter { $0.rag == .green }.count, levels.count, median)
    }
}
