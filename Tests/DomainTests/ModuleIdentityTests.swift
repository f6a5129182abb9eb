import AssuranceTesting
import Domain
import Foundation
import Testing

/// Modules are known by a stable id: stored signals and profiles name them by it, so a module may be
/// renamed for people without orphaning anything, and a clash in composition is an error a host can
/// handle.
struct ModuleIdentityTests {
    @Test(arguments: [
        ("Section 11", "section11"), ("Partnership", "partnership"), ("Measures", "measures"),
        ("Child exploitation", "child-exploitation"), ("  Odd -- Name!  ", "odd-name"),
    ])
    func aFormerNameStandsForAnID(name: String, id: String) {
        #expect(ModuleID.formerlyNamed(name).rawValue == id)
    }

    /// A signal written at schema version 2 named its publisher by display name; read now, it names
    /// the module's id, and the cycle keeps it as that module's.
    @Test func aSignalPublishedUnderADisplayNameIsReadAsTheModulesID() async throws {
        let store = InMemoryStore()
        let payload = #"""
            {"firstPeriod":"2026-03","id":"s-1","key":"probe|rising","kind":"probe","lastSeenOn":"2026-04-30",\#
            "latestPeriod":"2026-03","linkedRecords":[],"periodsStanding":1,"publishedBy":"Probe",\#
            "raisedOn":"2026-04-30","status":"active","subject":{"record":{"id":"one","type":"probe.thing"}},\#
            "summary":"The probe is rising"}
            """#
        try await store.write(
            [
                .save(
                    StoredRecord(
                        type: Signal.recordType,
                        id: "s-1",
                        version: 0,
                        schemaVersion: 2,
                        index: RecordIndex(status: "active", key: "probe|rising"),
                        payload: Data(payload.utf8)
                    )
                )
            ],
            context: ChangeContext(principal: "old-release", at: Date(timeIntervalSince1970: 0))
        )
        let signal = try #require(try await Records(store: store).load(Signal.self, id: "s-1", as: .system))
        #expect(signal.value.publishedBy == "probe")
        // The probe module no longer publishes it: the cycle clears it as the probe's.
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2026-05-31")))
        let framework = try AssuranceFramework(modules: [QuietProbe()], environment: environment)
        let outcome = try await framework.runCycle(on: .fixture("2026-05-31"), by: .system)
        #expect(outcome.signalsCleared.map(\.key) == ["probe|rising"])
    }

    @Test func twoModulesWithOneIDAreAnErrorNamingBoth() throws {
        #expect(
            throws: DomainError(
                .duplicate,
                "two parts of the framework have the module id \"probe\": Probe and Probe; give each its own"
            )
        ) {
            try AssuranceFramework(modules: [QuietProbe(), QuietProbe()])
        }
        do {
            _ = try AssuranceFramework(modules: [PartnershipModule()], rules: [Clash(), Clash()])
            Issue.record("two rules with one id were composed")
        } catch {
            #expect(error.code == .duplicate)
            #expect(error.context.field == "rule id" && error.context.value == "probe.clash")
        }
    }
}

/// A module that once published signals and publishes none now.
private struct QuietProbe: AssuranceModule {
    var id: ModuleID { "probe" }
    var name: String { "Probe" }
    var recordTypes: [any StorableRecord.Type] { [] }
    var rules: [any AssuranceRule] { [] }
}

private struct Clash: AssuranceRule {
    var id: RuleID { "probe.clash" }
    var title: String { "Clash" }
    var summary: String { "Never finds anything." }
    var source: ObligationSource { .framework("none") }
    func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] { [] }
}
