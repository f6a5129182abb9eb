import AssuranceTesting
import Domain
import Foundation
import Synchronization
import Testing

/// Architecture.md's claims about the one door, each held here: the cycle writes in one
/// transaction or not at all, every analysis is made once per cycle and once per report, a report's
/// view checks its maker once, and observations go through the same door as records.
struct OneDoorTests {
    let day = Day.fixture("2026-04-30")
    let qaLead = PartnershipScenario.qaLead

    func framework(_ store: any RecordStore, probe: ProbeModule) throws -> AssuranceFramework {
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        return try AssuranceFramework(modules: [probe], environment: environment)
    }

    @Test func theCycleWritesSignalsFindingsAndRemindersInOneTransactionOrNothing() async throws {
        let failing = FailingStore(failing: true)
        let probe = ProbeModule()
        await #expect(throws: DomainError(.storeFailed, "the disk is full")) {
            try await framework(failing, probe: probe).runCycle(on: day, by: qaLead)
        }
        #expect(try await failing.snapshot().isEmpty, "nothing of the failed cycle is written")

        let store = FailingStore(failing: false)
        let outcome = try await framework(store, probe: probe).runCycle(on: day, by: qaLead)
        #expect(await store.transactions == 1, "the whole cycle is one transaction")
        #expect(outcome.signalsRaised.map(\.key) == ["probe|rising"])
        // The rule read the signal the same cycle published, before anything was written.
        #expect(outcome.raised.map(\.message) == ["The probe's signal stands: rising."])
        #expect(outcome.reminded.map(\.what) == ["The probe's return"])
        let written = try await store.snapshot().records.map(\.type)
        // The outbox is written in the same transaction as what it announces.
        #expect(Set(written) == [Signal.recordType, Finding.recordType, Reminder.recordType, OutboxEntry.recordType])
    }

    @Test func everyAnalysisIsMadeOncePerCycleAndOncePerReport() async throws {
        let probe = ProbeModule()
        let framework = try framework(InMemoryStore(), probe: probe)
        _ = try await framework.runCycle(on: day, by: qaLead)
        // The signals, the rule and the deadlines each asked for the analysis.
        #expect(probe.asked.withLock { $0 } == 3)
        #expect(probe.analyses.withLock { $0 } == 1)

        let request = ReportRequest(
            kind: .practiceDevelopmentAssurance,
            period: try ReportingPeriod(parsing: "FY2025-26-Q4"),
            audience: .partnership,
            day: day
        )
        let view = try framework.view(for: request, as: qaLead)
        let sections = try await framework.reportSections(for: request, in: view)
        #expect(sections.map(\.id) == ["probe.first", "probe.second"])
        #expect(probe.analyses.withLock { $0 } == 2, "one analysis for the cycle, one for the report")
        #expect(view.derivedKeys == ["probe.analysis|2026-04-30"])
    }

    @Test func aReportsViewChecksItsMakerOnce() async throws {
        let framework = try framework(InMemoryStore(), probe: ProbeModule())
        let feedback = ReportRequest(
            kind: .agencyFeedback,
            period: try ReportingPeriod(parsing: "FY2025-26"),
            audience: .partnership,
            day: day,
            agency: PartnershipScenario.council
        )
        let policeLead = Principal(id: "pat", roles: [.agencyLead(PartnershipScenario.police)])
        #expect(throws: DomainError.self) { try framework.view(for: feedback, as: policeLead) }
        do {
            _ = try framework.view(for: feedback, as: policeLead)
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.context.field == "agency" && error.context.value == "council")
        }
        var own = feedback
        own.agency = PartnershipScenario.police
        #expect(try framework.view(for: own, as: policeLead).reader == policeLead)
        let viewer = Principal(id: "vi", roles: [.viewer])
        var pdg = feedback
        pdg.kind = .practiceDevelopmentAssurance
        pdg.period = try ReportingPeriod(parsing: "FY2025-26-Q4")
        pdg.agency = nil
        #expect(throws: DomainError.self) { try framework.view(for: pdg, as: viewer) }
    }

    @Test func observationsGoThroughTheDoorWithTheirRecords() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(day))
        let series = ObservationSeries(
            measure: "children-feel-safer",
            scope: .partnership,
            points: [SeriesPoint(period: try ReportingPeriod(parsing: "FY2025-26-Q4"), value: 61.5)]
        )
        let policeLead = Principal(id: "pat", roles: [.agencyLead(PartnershipScenario.police)])
        await #expect(throws: DomainError.self) { try await records.append([series], by: policeLead) }
        var own = series
        own.scope = .agency(PartnershipScenario.police)
        #expect(try await records.append([own], by: policeLead).inserted == 1)

        var batch = RecordBatch()
        try batch.save(Agency(id: "council", name: "Council", sector: .localAuthorityChildrensServices), version: 0)
        try batch.append([series])
        try await records.commit(batch, by: qaLead)
        // A stale record refuses the observations committed with it.
        var again = RecordBatch()
        try again.save(Agency(id: "council", name: "Council", sector: .localAuthorityChildrensServices), version: 0)
        var changed = series
        changed.points[0].value = 99
        try again.append([changed], mode: .replaceExisting)
        await #expect(throws: DomainError.self) { try await records.commit(again, by: qaLead) }
        let held = try await records.series(ObservationQuery(scopes: [.partnership]), as: qaLead)
        #expect(held.flatMap(\.points).map(\.value) == [61.5])
        // A batch appends in one mode.
        #expect(throws: DomainError.self) { try again.append([series], mode: .insertOnly) }
    }
}

/// A store that refuses every transaction while `failing`, and counts those it makes.
actor FailingStore: RecordStore {
    private let inner = InMemoryStore()
    private let failing: Bool
    private(set) var transactions = 0

    init(failing: Bool) { self.failing = failing }

    func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        if failing { throw DomainError(.storeFailed, "the disk is full") }
        transactions += 1
        return try await inner.apply(changes, context: context)
    }
    func record(_ reference: RecordReference) async throws -> StoredRecord? { try await inner.record(reference) }
    func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        try await inner.records(matching: query)
    }
    func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        try await inner.changeLog(for: reference)
    }
    func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        try await inner.changeLog(from: start, to: end)
    }
    func storedSchemaVersions() async throws -> [RecordType: Int] { try await inner.storedSchemaVersions() }
    func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        try await inner.observationSeries(matching: query)
    }
    func snapshot() async throws -> StoreSnapshot { try await inner.snapshot() }
    func restore(_ snapshot: StoreSnapshot) async throws { try await inner.restore(snapshot) }
}

/// A module whose signals, rule, deadlines and report sections all read one memoized analysis, and
/// count how often it is made.
final class ProbeModule: AssuranceModule, Sendable {
    let asked = Mutex(0)
    let analyses = Mutex(0)

    var id: ModuleID { "probe" }
    var name: String { "Probe" }
    var recordTypes: [any StorableRecord.Type] { [] }
    var rules: [any AssuranceRule] { [ProbeRule(module: self)] }
    var reportContributions: [ReportContribution] {
        [ReportContribution(.practiceDevelopmentAssurance)]
    }

    /// The analysis every part reads: made once per view and day.
    func analysis(_ view: AssuranceView, on day: Day) async throws -> String {
        asked.withLock { $0 += 1 }
        return try await view.memoized("probe.analysis|\(day)") {
            analyses.withLock { $0 += 1 }
            return "rising"
        }
    }

    func signals(in view: AssuranceView, on day: Day) async throws -> [SignalDraft] {
        let trend = try await analysis(view, on: day)
        let quarter = ReportingPeriod.containing(day, kind: .quarter, basis: .financial)
        return [
            SignalDraft(
                key: "probe|\(trend)",
                kind: SignalKind(rawValue: "probe"),
                subject: .record(RecordReference(type: "probe.thing", id: "one"), agency: nil),
                category: .measureData,
                firstPeriod: quarter,
                latestPeriod: quarter,
                periodsStanding: 1,
                summary: "The probe is \(trend)"
            )
        ]
    }

    func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
        _ = try await analysis(view, on: day)
        return [
            Deadline(
                key: "probe",
                kind: .selfAssessmentReturn,
                what: "The probe's return",
                dueOn: day,
                level: .agency,
                subject: RecordReference(type: "probe.thing", id: "one")
            )
        ]
    }

    func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        try await ["first", "second"].asyncMap { part in
            let trend = try await self.analysis(view, on: request.day)
            return ReportSection(
                id: "probe.\(part)",
                title: "Probe",
                module: self.name,
                order: 0,
                part: .body,
                blocks: [.text(TextBlock(paragraphs: [trend]))]
            )
        }
    }
}

/// Raises a finding for each active signal of the probe's, as the rules that follow signals do.
struct ProbeRule: AssuranceRule {
    let module: ProbeModule
    var id: RuleID { "probe.signal-stands" }
    var title: String { "Probe signal stands" }
    var summary: String { "A probe signal stands." }
    var source: ObligationSource { .framework("the probe's own policy") }

    func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        _ = try await module.analysis(view, on: day)
        return try await view.all(Signal.self).filter { $0.status == .active && $0.kind.rawValue == "probe" }.map {
            signal in
            FindingDraft(
                key: signal.key,
                subject: signal.reference,
                severity: .emergingRisk,
                level: .practiceDevelopmentGroup,
                message: "The probe's signal stands: \(signal.key.dropFirst(6))."
            )
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
