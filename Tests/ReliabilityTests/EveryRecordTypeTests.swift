import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import SQLiteStore
import Section11
import SyntheticPartnership
import Testing

/// A database holding at least one record of every record type the package defines.
enum EveryRecordType {
    static let day = PartnershipGenerator.demoDay
    static let lead = PartnershipScenario.partnershipLead
    static var modules: [any AssuranceModule] {
        [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()]
    }

    /// Every record type: each module's, the partnership module's, and the published report.
    static var types: [any StorableRecord.Type] {
        AssuranceFramework.coreRecordTypes + modules.flatMap(\.recordTypes) + [PublishedReport.self]
    }

    /// The miniature partnership after a cycle, a spot audit accepted and one declined, a series
    /// rebased and explained, a notification sent and a report published.
    static func fill(_ store: any RecordStore) async throws {
        try await PartnershipGenerator(scale: .miniature).load(into: store)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .seeded(7))
        let sink = RecordingNotificationSink()
        let framework = try AssuranceFramework(
            modules: modules,
            environment: environment,
            notifier: Notifier(sinks: [sink], records: environment.records),
            contacts: PartnershipProfile.starter(modules: [PartnershipModule.self]).contacts
        )
        _ = try await framework.runCycle(on: day, by: lead)
        try await Records(store: store).save(
            StoredProfile(
                json: String(
                    decoding: try PartnershipProfile.starter(modules: [PartnershipModule.self]).encoded(),
                    as: UTF8.self
                )
            ),
            version: 0,
            by: lead
        )
        try await LearningTracker(environment: environment).startCaseClock(
            "initial-conference",
            for: "CASE-EVERY-1",
            agency: nil,
            on: day.adding(days: -3),
            by: lead
        )
        let signals = try await framework.makeView().all(Signal.self).filter { $0.status == .active }
        let audits = AuditProgramme(environment: environment)
        if let first = signals.first {
            try await audits.acceptSpotAudit(
                for: first.id,
                lead: "QA lead",
                window: day...day.adding(days: 30),
                by: lead
            )
        }
        if signals.count > 1 {
            try await audits.declineSpotAudit(
                for: signals[1].id,
                reason: "Explained by a change in recording",
                by: lead
            )
        }
        let series = try await store.observationSeries(matching: .all).first { $0.scope == .partnership }
        if let series, let period = series.points.dropFirst(12).first?.period {
            try await MeasureData(environment: environment).rebase(
                series.measure,
                scope: series.scope,
                at: period,
                reason: "The front door moved to a new system",
                by: lead
            )
        }
        let reports = StandardReports(framework: framework)
        let report = try await reports.make(
            ReportRequest(
                kind: .practiceDevelopmentAssurance,
                period: ReportingPeriod.containing(day, kind: .quarter).advanced(by: -1),
                audience: .public,
                day: day
            ),
            as: lead
        )
        try await reports.publish(report, by: lead)

        // Records no generated story makes: a walkabout, a workforce judgement, the audit tool, a
        // turn-the-curve plan, a partnership's own clock and evidence of impact.
        let records = environment.records
        let agency = try #require(try await framework.makeView().all(Agency.self).first).id
        var batch = RecordBatch()
        try batch.save(
            Walkabout(
                id: "walkabout-1",
                agency: agency,
                day: day,
                visitors: [lead.id],
                seen: "The front door at shift change",
                practitionersSpokenTo: 6,
                familiesSpokenTo: 2,
                findings: ["Thresholds understood"]
            ),
            version: 0
        )
        try batch.save(
            WorkforceJudgement(
                id: "workforce-1",
                agency: agency,
                period: ReportingPeriod.containing(day, kind: .year).advanced(by: -1),
                recruitmentAndRetention: .amber,
                agencyStaff: .green,
                training: .green,
                supervision: .amber,
                narrative: "Vacancies in the east"
            ),
            version: 0
        )
        try batch.save(AuditTemplate.standard, version: 0)
        try batch.save(
            Priority(
                id: "neglect",
                title: "Neglect: earlier help",
                year: ReportingPeriod.containing(day, kind: .year),
                outcome: "Children living with neglect get help sooner",
                measures: ["mash-contact-conversion"],
                themes: [.neglect]
            ),
            version: 0
        )
        try batch.save(
            TurnTheCurve(
                id: "ttc-1",
                measure: "mash-contact-conversion",
                scope: .partnership,
                forecast: [],
                story: "Conversion falls where the front door is busiest",
                partners: [agency],
                whatWorks: ["Consultation line"],
                actionPlan: [],
                agreedOn: day
            ),
            version: 0
        )
        try await records.commit(batch, by: lead)
        let learning = LearningTracker(environment: environment)
        var clock = try #require(StatutoryClock.starter.first)
        clock.name += " (local)"
        try await learning.save(clock, by: lead)
        let recommendation = try #require(
            try await framework.makeView().all(Recommendation.self).first { $0.status == .open }
        )
        try await learning.tracker.recordImpact(
            of: recommendation.id,
            judgement: .progressing,
            evidence: [.init(kind: .reAudit, summary: "Re-audit found plans shared on time")],
            by: lead
        )
    }
}

struct EveryRecordTypeTests {
    /// Fact: the package never stores a child's name, date of birth or address; a case is a
    /// pseudonymous reference the host supplies (DESIGN.md, "Out of scope").
    ///
    /// Every key every record type's decoding asks for, present or not, is checked. `name` is allowed
    /// only on the types listed, each of which names an organisation, a group or a thing.
    @Test func noRecordTypeHasAFieldForAChildsNameBirthOrAddress() async throws {
        let store = InMemoryStore()
        try await EveryRecordType.fill(store)
        let snapshot = try await store.snapshot()
        let banned = [
            "forename", "surname", "firstname", "lastname", "givenname", "familyname", "middlename", "fullname",
            "childname", "personname", "dob", "dateofbirth", "birth", "address", "postcode", "zipcode", "nhs",
        ]
        let mayHaveName: Set<RecordType> = [
            Partnership.recordType, Agency.recordType, Locality.recordType, Group.recordType, StandardSet.recordType,
            MeasureDefinition.recordType, AssessmentCycle.recordType, WorkStream.recordType, AuditTemplate.recordType,
            StatutoryClock.recordType, ScrutinyJudgement.recordType,
        ]
        var walked = 0
        for type in EveryRecordType.types {
            let samples = snapshot.records.filter { $0.type == type.recordType }
            for sample in samples.prefix(3) {
                let keys = try keys(of: type, in: sample.payload)
                walked += keys.count
                for path in keys {
                    let key = path.split(separator: ".").last.map(String.init)?.lowercased() ?? ""
                    for word in banned {
                        #expect(!key.contains(word), "\(type.recordType) has a field \(path)")
                    }
                    if key == "name" {
                        #expect(
                            mayHaveName.contains(type.recordType),
                            "\(type.recordType) has a field \(path): does it name a person?"
                        )
                    }
                }
            }
        }
        #expect(walked == 1_564)
    }

    @Test func theDatabaseHoldsEveryRecordType() async throws {
        let store = InMemoryStore()
        try await EveryRecordType.fill(store)
        let held = Set(try await store.snapshot().records.map(\.type))
        let missing = EveryRecordType.types.map { $0.recordType }.filter { !held.contains($0) }
        #expect(missing.isEmpty, "no record of \(missing.map(\.rawValue))")
    }

    /// Every record type the source code declares is one a module lists, so the checks above reach it.
    @Test func everyRecordTypeInTheSourceIsListedByAModule() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var declared = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/CrashHarness/") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n")
            where line.hasPrefix("public struct ") && line.contains("StorableRecord") {
                declared.insert(String(line.dropFirst("public struct ".count).prefix { $0.isLetter || $0.isNumber }))
            }
        }
        let listed = Set(EveryRecordType.types.map { String(describing: $0) })
        #expect(declared.count == 51)
        #expect(
            declared.subtracting(listed).isEmpty,
            "not listed by any module: \(declared.subtracting(listed).sorted())"
        )
    }

    /// Export, restore into an empty database, export again: the same bytes; and a database that
    /// holds anything is not restored into.
    @Test func aBackupOfEveryRecordTypeRoundTripsThroughSQLite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try SQLiteStore(path: directory.appendingPathComponent("a.sqlite").path)
        try await EveryRecordType.fill(original)
        let first = StoreBackup.encode(try await original.snapshot())
        let restored = try SQLiteStore(path: directory.appendingPathComponent("b.sqlite").path)
        try await StoreBackup.restore(first, source: "first.json", into: restored)
        let second = StoreBackup.encode(try await restored.snapshot())
        #expect(first == second)
        #expect(try await restored.integrityCheck() == ["ok"])
        let types = Set(try await restored.snapshot().records.map(\.type))
        #expect(EveryRecordType.types.allSatisfy { types.contains($0.recordType) })

        let before = try await original.snapshot()
        await #expect {
            try await StoreBackup.restore(first, source: "first.json", into: original)
        } throws: { error in
            (error as? DomainError)?.message.contains("not empty") == true
        }
        #expect(try await original.snapshot() == before)
    }

    /// Every record of every type is written to the bytes the tree of nodes writes, and in one pass
    /// but for the one type whose encoding asks for a nested container (a learning product's
    /// audiences, an enum with values).
    @Test func everyRecordTypeIsWrittenInOnePassAsTheTreeWritesIt() async throws {
        let store = InMemoryStore()
        try await EveryRecordType.fill(store)
        let snapshot = try await store.snapshot()
        var throughTree = Set<RecordType>()
        func check<Record: StorableRecord>(_: Record.Type) throws -> Int {
            let stored = snapshot.records.filter { $0.type == Record.recordType }
            for record in stored {
                let value = try RecordCoder.decode(Record.self, from: record).value
                let tree = try RecordJSONEncoder(alwaysThroughTree: true).encode(value)
                #expect(record.payload == tree, "\(record.reference)")
                if let onePass = try RecordJSONStreamEncoder.encode(value) {
                    #expect(Data(onePass) == tree, "\(record.reference)")
                } else {
                    throughTree.insert(record.type)
                }
            }
            return stored.count
        }
        var checked = 0
        for type in EveryRecordType.types { checked += try check(type) }
        #expect(checked == snapshot.records.count)
        #expect(throughTree == [LearningProduct.recordType])
    }

    private func keys(of type: any StorableRecord.Type, in payload: Data) throws -> Set<String> {
        func walk<Record: StorableRecord>(_: Record.Type) throws -> Set<String> {
            let decoder = KeyRecordingDecoder()
            _ = try decoder.decode(Record.self, from: payload)
            return decoder.paths
        }
        return try walk(type)
    }
}
