public import Domain
import Foundation

extension AuditProgramme {
    // MARK: Spot audits

    /// Accepts a proposed spot audit: creates it, linked to the signal, which the link answers.
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
