import AssuranceTesting
import Domain
import Foundation
import JSONFileStore
import Testing

struct JSONFileStoreTests {
    static func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("json-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("partnership.json").path
    }

    @Test func passesTheConformanceSuite() async throws {
        try await StoreConformance { try JSONFileStore(path: try Self.temporaryPath()) }.run()
    }

    @Test func whatIsWrittenIsThereWhenTheFileIsOpenedAgain() async throws {
        let path = try Self.temporaryPath()
        let day = Day.fixture("2025-06-02")
        let records = Records(store: try JSONFileStore(path: path), clock: .fixed(day))
        let lead = PartnershipScenario.partnershipLead
        try await PartnershipScenario.small(from: .fixture("2025-01-01")).save(into: records)
        let before = try await records.store.snapshot()

        let reopened = try JSONFileStore(path: path)
        #expect(try await reopened.snapshot() == before)
        #expect(try await Records(store: reopened).load(Agency.self, id: PartnershipScenario.police, as: lead) != nil)
        // The file is the package's own backup format: it restores into any other store.
        let copy = InMemoryStore()
        try await StoreBackup.restore(try Data(contentsOf: URL(fileURLWithPath: path)), source: path, into: copy)
        #expect(try await copy.snapshot() == before)
    }

    @Test func theAssuranceCycleRunsOnIt() async throws {
        let path = try Self.temporaryPath()
        let day = Day.fixture("2025-09-15")
        try await PartnershipScenario.small(from: .fixture("2025-03-01"))
            .save(into: Records(store: try JSONFileStore(path: path), clock: .fixed(day)))
        let store = try JSONFileStore(path: path)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let framework = try AssuranceFramework(modules: [PartnershipModule()], environment: environment)
        let outcome = try await framework.runCycle(on: day, by: PartnershipScenario.qaLead)
        // The scenario's six months of meetings ended in August: the Practice Development Group,
        // which meets monthly, is overdue a meeting too.
        #expect(
            outcome.raised.map(\.rule) == [
                .partnershipGroupReportOverdue, .partnershipScrutinySessionOverdue, .partnershipMeetingCadence,
            ]
        )
        // What the cycle wrote is in the file: a store opened on it again holds the findings.
        let reopened = try JSONFileStore(path: path)
        #expect(try await reopened.records(matching: RecordQuery(Finding.recordType)).count == 3)
    }

    /// As a host would run it: the system clock, random ids, its own principal, nothing from the test kit.
    @Test func aHostRunsTheCycleOnItAsOnAnyStore() async throws {
        let path = try Self.temporaryPath()
        let store = try JSONFileStore(path: path)
        let environment = AssuranceEnvironment(store: store)
        let framework = try AssuranceFramework(modules: [PartnershipModule()], environment: environment)
        let qaLead = Principal(id: "qa-lead", roles: [.qaLead])
        let outcome = try await framework.runCycle(on: environment.today(), by: qaLead)
        #expect(outcome.raised.isEmpty, "an empty partnership owes nothing")
        #expect(try await JSONFileStore(path: path).snapshot() == (try await store.snapshot()))
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftAlone() throws {
        let path = try Self.temporaryPath()
        try Data(#"{"format":"something-else","version":1}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: DomainError(
                .invalidInput,
                "\(path): at format: \"something-else\" is not a backup; expected \"qaf-backup\""
            )
        ) {
            try JSONFileStore(path: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == #"{"format":"something-else","version":1}"#)
    }
}
