public import Domain
import Foundation

/// The Audit module's service: the forward plan, each audit's lifecycle, case samples and returns,
/// moderation, findings and recommendations, challenge sessions, spot audits and quarterly summaries.
///
/// ```swift
/// let audits = AuditProgramme(environment: environment)
/// let plan = try await audits.plan(year: try ReportingPeriod(parsing: "FY2025-26"), audits: [neglect], by: qaLead)
/// ```
public struct AuditProgramme: Sendable {
    /// The seams.
    public let environment: AssuranceEnvironment
    /// Months after an audit is reported that its challenge session is due.
    public let challengeAfterMonths: Int

    /// Creates the service.
    public init(environment: AssuranceEnvironment, challengeAfterMonths: Int = 6) {
        self.environment = environment
        self.challengeAfterMonths = challengeAfterMonths
    }

    var records: Records { environment.records }

    // MARK: The forward plan

    /// Makes the forward plan of a year: the audits, planned.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when an audit's window lies outside the year
    ///   or ends before it starts.
    @discardableResult
    public func plan(year: ReportingPeriod, audits: [Audit], by principal: Principal) async throws -> AuditPlan {
        guard year.kind == .year else {
            throw DomainError(.invalidInput, "an audit plan covers a year; \(year) is a \(year.kind.rawValue)")
        }
        for audit in audits {
            try check(window: audit, in: year)
        }
        let plan = AuditPlan(
            id: AuditPlan.ID(rawValue: "plan-\(year)") ?? environment.ids.make(),
            year: year,
            audits: audits.map(\.id)
        )
        var batch = RecordBatch()
        try batch.save(plan, version: 0)
        for audit in audits { try batch.save(audit, version: 0) }
        try await records.commit(batch, by: principal)
        return plan
    }

    /// Revises a plan: adds audits and cancels others, keeping the revision with its note.
    @discardableResult
    public func revise(
        _ planID: AuditPlan.ID,
        adding added: [Audit] = [],
        cancelling cancelled: [Audit.ID: String] = [:],
        note: String,
        by principal: Principal
    ) async throws -> AuditPlan {
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "a revision of plan \(planID) needs a note of what changed and why")
        }
        let held = try await records.require(AuditPlan.self, id: planID, as: principal)
        var plan = held.value
        var batch = RecordBatch()
        for audit in added {
            try check(window: audit, in: plan.year)
            try batch.save(audit, version: 0)
        }
        for (id, reason) in cancelled.sorted(by: { $0.key < $1.key }) {
            let audit = try await records.require(Audit.self, id: id, as: principal)
            var updated = audit.value
            try advance(&updated, to: .cancelled, reason: reason, by: principal)
            try batch.save(updated, version: audit.version)
        }
        plan.revisions.append(
            AuditPlan.Revision(on: environment.today(), by: principal.id, note: note, before: plan.audits)
        )
        plan.audits += added.map(\.id)
        try batch.save(plan, version: held.version)
        try await records.commit(batch, by: principal)
        return plan
    }

    func check(window audit: Audit, in year: ReportingPeriod) throws(DomainError) {
        guard audit.plannedUntil >= audit.plannedFrom else {
            throw DomainError(
                .invalidInput,
                "audit \(audit.id)'s window ends (\(audit.plannedUntil)) before it starts (\(audit.plannedFrom))"
            )
        }
        guard year.contains(audit.plannedFrom), year.contains(audit.plannedUntil) else {
            throw DomainError(
                .invalidInput,
                "audit \(audit.id)'s window \(audit.plannedFrom) to \(audit.plannedUntil) is not within \(year.label) (\(year.firstDay) to \(year.lastDay))"
            )
        }
    }

    // MARK: The lifecycle

    /// Moves an audit to its next stage.
    ///
    /// - Throws: `DomainError.Code.invalidTransition` naming the stages allowed from where it is.
    @discardableResult
    public func move(_ id: Audit.ID, to stage: Audit.Stage, by principal: Principal) async throws -> Audit {
        let held = try await records.require(Audit.self, id: id, as: principal)
        var audit = held.value
        switch stage {
        case .moderation:
            let missing = try await returns(of: id).filter { $0.status != .submitted }.map(\.agency)
            if !missing.isEmpty {
                throw DomainError(
                    .invalidTransition,
                    "audit \(id) cannot go to moderation: returns are outstanding from \(Set(missing).sorted().map(\.rawValue).joined(separator: ", "))"
                )
            }
        case .reported where audit.isModerated:
            let unmoderated = try await cases(of: id).filter { !$0.isModerated }
            if !unmoderated.isEmpty {
                throw DomainError(
                    .invalidTransition,
                    "audit \(id) cannot be reported: \(unmoderated.count) of its cases are not moderated"
                )
            }
        case .challenge, .closed:
            throw DomainError(
                .invalidTransition,
                "audit \(id) reaches \(stage) through \(stage == .challenge ? "holdChallenge" : "close"), not move"
            )
        default:
            break
        }
        try advance(&audit, to: stage, by: principal)
        return try await records.save(audit, version: held.version, by: principal).value
    }

    /// Cancels an audit, with the reason.
    @discardableResult
    public func cancel(_ id: Audit.ID, reason: String, by principal: Principal) async throws -> Audit {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(.invalidInput, "cancelling audit \(id) needs a reason")
        }
        let held = try await records.require(Audit.self, id: id, as: principal)
        var audit = held.value
        try advance(&audit, to: .cancelled, reason: reason, by: principal)
        return try await records.save(audit, version: held.version, by: principal).value
    }

    /// The stages an audit of a type may move to from a stage.
    public static func next(from stage: Audit.Stage, type: AuditType) -> [Audit.Stage] {
        next(from: stage, moderated: type.usesModeration)
    }

    /// The stages an audit may move to from a stage, moderated or not (``Audit/isModerated``).
    public static func next(from stage: Audit.Stage, moderated: Bool) -> [Audit.Stage] {
        switch stage {
        case .planned: [.scoping, .cancelled]
        case .scoping: [.fieldwork, .cancelled]
        case .fieldwork: moderated ? [.moderation, .cancelled] : [.reported, .cancelled]
        case .moderation: [.reported, .cancelled]
        case .reported: [.challenge]
        case .challenge: [.closed]
        case .closed, .cancelled: []
        }
    }

    func advance(
        _ audit: inout Audit,
        to stage: Audit.Stage,
        reason: String? = nil,
        by principal: Principal
    ) throws(DomainError) {
        let allowed = Self.next(from: audit.stage, moderated: audit.isModerated)
        guard allowed.contains(stage) else {
            let options = allowed.isEmpty ? "nothing" : allowed.map(\.rawValue).joined(separator: " or ")
            throw DomainError(
                .invalidTransition,
                "audit \(audit.id) (\(audit.type.name)) is at \(audit.stage); it can move to \(options), not \(stage)"
            )
        }
        audit.stage = stage
        audit.steps.append(Audit.Step(stage: stage, on: environment.today(), by: principal.id, reason: reason))
    }

}
