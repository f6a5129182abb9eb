public import Domain
import Foundation

extension AuditProgramme {
    // MARK: Spot audits

    /// Accepts a proposed spot audit: creates it, linked to the signal, which the link answers.
    ///
    /// The audit looks at what the signal is about, so it answers every active, unanswered signal
    /// about the same series or record too (a series both below its average and red against its
    /// target raises two signals; one audit answers both), and the next cycle reports none of them
    /// as standing unanswered.
    @discardableResult
    public func acceptSpotAudit(
        for signalID: Signal.ID,
        title: String? = nil,
        themes: [Theme] = [],
        lead: String,
        window: ClosedRange<Day>,
        by principal: Principal
    ) async throws -> Audit {
        let held = try await records.require(Signal.self, id: signalID, as: principal)
        var signal = held.value
        var audit = Audit(
            id: environment.ids.make(),
            title: title ?? "Spot audit: \(signal.summary)",
            type: .spot,
            themes: themes,
            rationale: .data,
            lead: lead,
            agencies: signal.subject.agency.map { [$0] } ?? [],
            plannedFrom: window.lowerBound,
            plannedUntil: window.upperBound,
            plannedOn: environment.today(),
            plannedBy: principal.id
        )
        audit.signal = signalID
        signal.linkedRecords.append(audit.reference)
        var batch = RecordBatch()
        try batch.save(audit, version: 0)
        try batch.save(signal, version: held.version)
        let alike = try await records.all(
            Signal.self,
            RecordFilter(agency: signal.subject.agency, status: RecordStatus(Signal.Status.active)),
            as: principal
        )
        for var other in alike
        where other.value.id != signalID && other.value.subject == signal.subject && !other.value.isAnswered {
            other.value.linkedRecords.append(audit.reference)
            try batch.save(other.value, version: other.version)
        }
        try await records.commit(batch, by: principal)
        return audit
    }

    /// Declines a proposed spot audit, with the reason.
    @discardableResult
    public func declineSpotAudit(
        for signalID: Signal.ID,
        reason: String,
        by principal: Principal
    ) async throws -> SpotAuditDecline {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "declining a spot audit of signal \(signalID) needs a reason")
        }
        _ = try await records.require(Signal.self, id: signalID, as: principal)
        let decline = SpotAuditDecline(
            id: environment.ids.make(),
            signal: signalID,
            reason: reason,
            by: principal.id,
            on: environment.today()
        )
        return try await records.save(decline, version: 0, by: principal).value
    }

    // MARK: Quarterly summaries

    /// Stores a quarterly summary from the MASH or the conference chairs.
    @discardableResult
    public func save(_ summary: QuarterlySummary, by principal: Principal) async throws -> QuarterlySummary {
        try await records.save(summary, version: 0, by: principal).value
    }
}
