import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import SQLiteStore
import Section11
import Testing

/// Databases and backups written by earlier releases open, migrate and restore in this one with
/// nothing lost (Fixtures/README.md says which release wrote each file).
struct EarlierReleaseTests {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let day = try! Day(parsing: "2026-04-30")

    static var modules: [any AssuranceModule] {
        [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()]
    }

    /// A copy of a fixture in a fresh directory, so that opening it (and migrating it) never touches the original.
    static func copy(_ name: String) throws -> (path: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earlier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: target)
        return (target.path, directory)
    }

    /// Every record of every type this build knows decodes, and the counts by type are those of the file.
    static func decodeEverything(in store: any RecordStore) async throws -> [RecordType: Int] {
        let framework = try AssuranceFramework(modules: modules, environment: AssuranceEnvironment(store: store))
        let view = framework.makeView()
        var counts: [RecordType: Int] = [:]
        for type in framework.recordTypes + [PublishedReport.self] {
            counts[type.recordType] = try await count(type, in: view)
        }
        return counts
    }

    private static func count<Record: StorableRecord>(_ type: Record.Type, in view: AssuranceView) async throws -> Int {
        try await view.all(type).count
    }

    @Test func release01DatabaseOpensAndEveryRecordDecodes() async throws {
        let (path, directory) = try Self.copy("release-0.1.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = try AssuranceFramework(modules: Self.modules).schemaVersions
        let store = try SQLiteStore(path: path, schema: schema)
        let before = try await store.snapshot()
        let stored = Dictionary(grouping: before.records, by: \.type).mapValues(\.count)
        let decoded = try await Self.decodeEverything(in: store)
        #expect(stored == decoded.filter { $0.value > 0 })
        #expect(before.records.count == 439)
        #expect(before.changeLog.count == 530)
        #expect(before.series.count == 30)
        // Measure definitions from before roles take the starter catalogue's roles as they migrate.
        let definitions = try await Records(store: store).all(MeasureDefinition.self, as: .system).map(\.value)
        let mash = definitions.filter { $0.plays(.mash) }.map(\.id)
        #expect(Set(mash) == ["mash-contacts", "mash-contact-conversion"])
        #expect(definitions.first { $0.id == "icpc-within-15wd-of-strategy" }?.roles == [.childProtectionConferences])
        #expect(definitions.allSatisfy { $0.roles == MeasureCatalogue.starterRoles[$0.id] })
        // And the sectors they describe, through the second migration.
        #expect(definitions.allSatisfy { $0.sectors == MeasureCatalogue.starterSectors[$0.id] })
    }

    @Test func release01DatabaseRunsTheCycleAndMakesTheReport() async throws {
        let (path, directory) = try Self.copy("release-0.1.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: path, schema: try AssuranceFramework(modules: Self.modules).schemaVersions)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(Self.day), ids: .seeded(11))
        let framework = try AssuranceFramework(modules: Self.modules, environment: environment)
        let outcome = try await framework.runCycle(on: Self.day, by: PartnershipScenario.partnershipLead)
        // The fixture was written after a cycle on the same day: what is raised now comes only from
        // rules added since, and nothing of the old cycle's findings is lost.
        let added: Set<RuleID> = [
            .partnershipMeetingCadence, .partnershipVoiceChangedPractice, .partnershipSubGroupEscalation,
            .partnershipPriorityWithoutActivity, .section11StandardMovedToGreen, .auditGoodPractice,
            .auditLearningEmbedded, .auditQuarterlySummaryMissing, .learningImpactEvidenced,
            .learningRecommendationWithoutTheme, .learningContributionLate, .learningCaseClockOverdue,
            .learningAttendanceBelowCommitment, .learningProgrammeNotCommissioned, .learningFollowUpOverdue,
            .learningThemeWithoutOffer, .learningTrainingChangedPractice,
        ]
        #expect(Set(outcome.raised.map(\.rule)).isSubset(of: added), "\(Set(outcome.raised.map(\.rule)))")
        // Resolved: what the fixture answered after that cycle (a spot audit accepted, one declined).
        #expect(
            outcome.resolved.map(\.rule).sorted() == [
                .auditProposedSpotAudit, .auditProposedSpotAudit, .measuresUnexplainedSpecialCause,
            ]
        )
        let report = try await StandardReports(framework: framework).make(
            ReportRequest(
                kind: .practiceDevelopmentAssurance,
                period: try ReportingPeriod(parsing: "FY2025-26-Q4"),
                audience: .internal,
                day: Self.day
            ),
            as: PartnershipScenario.partnershipLead
        )
        // A cycle whose only open actions are on draft returns has no outstanding-actions section (a
        // draft's actions are not yet the agency's commitments); the detail, the rules behind the
        // findings among it, is in the data pack.
        #expect(report.sections.count == 23)
        #expect(!report.sections.contains { $0.id == "report.rules" })
        let pack = try await StandardReports(framework: framework).make(
            ReportRequest(
                kind: .dataPack,
                period: try ReportingPeriod(parsing: "FY2025-26-Q4"),
                audience: .internal,
                day: Self.day
            ),
            as: PartnershipScenario.partnershipLead
        )
        #expect(pack.sections.last?.id == "report.rules")
        #expect(pack.sections.contains { $0.id == "learning.tracker" })
    }

    /// The outbox came after this release: its notification (kept before notifications had kinds,
    /// levels' names, sources or actions) reads with the kind its key implies, it holds no messages,
    /// and a cycle with contacts composes them beside it.
    @Test func release01OutboxReadsAndTheCycleComposesMessages() async throws {
        let (path, directory) = try Self.copy("release-0.1.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: path, schema: try AssuranceFramework(modules: Self.modules).schemaVersions)
        let records = Records(store: store)
        let entries = try await records.all(OutboxEntry.self, as: .system).map(\.value)
        #expect(entries.count == 30)
        #expect(
            entries.allSatisfy { entry in
                let key = entry.notification.key
                return entry.notification.kind == (key.hasPrefix("finding:") ? .findingRaised : .other)
            }
        )
        #expect(entries.allSatisfy { $0.notification.action == nil && $0.notification.source == nil })
        #expect(try await records.all(OutboxMessage.self, as: .system).isEmpty)

        let contacts = ContactDirectory(
            sender: "Partnership <qa@partnership.example.org>",
            contacts: [Contact(id: "everyone", name: "Business team", address: .email("team@partnership.example.org"))],
            routes: [ContactRoute(.role(.businessTeam), to: ["everyone"])]
        )
        let environment = AssuranceEnvironment(store: store, clock: .fixed(Self.day.adding(days: 7)), ids: .seeded(12))
        let framework = try AssuranceFramework(modules: Self.modules, environment: environment, contacts: contacts)
        let outcome = try await framework.runCycle(
            on: Self.day.adding(days: 7),
            by: PartnershipScenario.partnershipLead
        )
        // A decision asked is sent at once, each in a message of its own; the rest in one digest.
        // The release's groups escalated matters the Executive never decided: each is asked again.
        let asked = try await records.all(OutboxEntry.self, as: .system).filter {
            $0.value.notification.kind == .decisionAsked && $0.value.notification.raisedOn == Self.day.adding(days: 7)
        }
        #expect(!asked.isEmpty)
        #expect(outcome.messages.count == asked.count + 1, "one digest for the day and one message per decision")
        #expect(Set(outcome.messages.map(\.recipient)) == ["everyone"])
        #expect(try await records.all(OutboxEntry.self, as: .system).count > 30)
    }

    @Test func release01BackupRestoresWithNothingLost() async throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("release-0.1.qaf-backup.json"))
        let snapshot = try StoreBackup.decode(data, source: "release-0.1.qaf-backup.json")
        let store = InMemoryStore()
        try await store.restore(snapshot)
        let restored = try await store.snapshot()
        #expect(restored.records.count == snapshot.records.count)
        // Release 0.1 kept no hashes: the log is chained as it is restored, each entry otherwise as it was.
        #expect(snapshot.changeLog.allSatisfy { $0.hash == nil })
        #expect(restored.changeLog == ChangeLogChain.chainedWithoutContent(snapshot.changeLog))
        let verification = StoreVerification.of(restored)
        #expect(verification.problems == [])
        #expect(verification.entriesWithoutContent == snapshot.changeLog.count)
        #expect(restored.series == snapshot.series)
        let stored = Dictionary(grouping: restored.records, by: \.type).mapValues(\.count)
        let decoded = try await Self.decodeEverything(in: store)
        #expect(stored == decoded.filter { $0.value > 0 })
    }

    @Test func release01DatabaseAndBackupHoldTheSameRecords() async throws {
        let (path, directory) = try Self.copy("release-0.1.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fromDatabase = try await SQLiteStore(path: path).snapshot()
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("release-0.1.qaf-backup.json"))
        var fromBackup = try StoreBackup.decode(data, source: "backup")
        fromBackup.changeLog = ChangeLogChain.chainedWithoutContent(fromBackup.changeLog)
        #expect(fromDatabase == fromBackup)
    }

    /// Opening a release 0.1 database migrates it to format 2: its log is chained in place, it
    /// verifies, and what is written afterwards is chained on with its content.
    @Test func release01DatabaseIsChainedWhenItIsOpened() async throws {
        let (path, directory) = try Self.copy("release-0.1.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: path)
        let before = await store.verify()
        #expect(before.problems == [])
        #expect(before.entries > 500)
        #expect(before.entriesWithoutContent == before.entries)
        let records = Records(store: store)
        var batch = RecordBatch()
        try batch.save(Locality(id: Locality.ID(rawValue: "after-migration")!, name: "Chained"), version: 0)
        try await records.commit(batch, by: .system)
        let after = await store.verify()
        #expect(after.problems == [])
        #expect(after.entries == before.entries + 1)
        #expect(after.entriesWithoutContent == before.entriesWithoutContent)
        let reopened = try SQLiteStore(path: path)
        #expect(await reopened.verify().head == after.head)
    }
}
