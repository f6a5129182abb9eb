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

/// The examples of each module's DocC overview and the Domain's getting-started article, run.
struct ModuleExamplesTests {
    static let day = PartnershipGenerator.demoDay
    let qaLead = PartnershipScenario.qaLead

    struct World {
        let store: InMemoryStore
        let environment: AssuranceEnvironment
        let framework: AssuranceFramework
    }

    func world() async throws -> World {
        let store = InMemoryStore()
        try await PartnershipGenerator(scale: .miniature).load(into: store)
        let environment = AssuranceEnvironment(store: store, clock: .fixed(Self.day), ids: .seeded(3))
        let framework = try AssuranceFramework(
            modules: [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()],
            environment: environment
        )
        return World(store: store, environment: environment, framework: framework)
    }

    static func temporaryPath(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test func domainDaysPeriodsAndErrors() throws {
        let calendar = EnglandAndWalesCalendar()
        let notificationSent = try Day(parsing: "2025-12-19")
        let rapidReviewDue = calendar.deadline(for: .workingDays(15), from: notificationSent)
        // 2026-01-14: Christmas Day, Boxing Day and New Year's Day are not working days.
        #expect(rapidReviewDue == .fixture("2026-01-14"))

        let quarter = try ReportingPeriod(parsing: "FY2025-26-Q1")  // April to June 2025
        #expect(quarter.periods(of: .month).map(\.description) == ["2025-04", "2025-05", "2025-06"])
        #expect(quarter.next.description == "FY2025-26-Q2")

        var said = ""
        do {
            _ = try Day(parsing: "2025-02-30")
        } catch {
            said = "\(error)"
        }
        #expect(said.hasPrefix("invalidInput: day \"2025-02-30\" does not exist: February 2025 has 28 days"))
    }

    @Test func section11OpensACycle() async throws {
        let world = try await world()
        let environment = world.environment
        let issue = Self.day
        let deadline = issue.adding(days: 56)
        let agencies = try await world.framework.makeView().all(Agency.self).prefix(3).map(\.id)
        let section11 = SelfAssessments(environment: environment)
        let cycle = try await section11.openCycle(
            name: "Section 11 2025-26",
            standardSet: StandardSet.section11Classic.id,
            cadence: .yearly,
            issuedOn: issue,
            returnDeadline: deadline,
            invite: agencies,
            by: qaLead
        )
        #expect(try await section11.assessments(in: cycle.id, as: qaLead).count == 3)
    }

    @Test func auditAcceptsTheSpotAuditASignalCallsFor() async throws {
        let world = try await world()
        let environment = world.environment
        let day = Self.day
        _ = try await world.framework.runCycle(on: day, by: qaLead)
        let signal = try #require(try await world.framework.makeView().all(Signal.self).first { $0.status == .active })
        let programme = AuditProgramme(environment: environment)
        let audit = try await programme.acceptSpotAudit(
            for: signal.id,
            lead: "QA lead",
            window: day...day.adding(days: 42),
            by: qaLead
        )
        #expect(audit.signal == signal.id)
        #expect(audit.type == .spot)
    }

    @Test func measuresFindsSpecialCauses() throws {
        let values: [Double] = [12, 11, 13, 12, 12, 11, 13, 12, 12, 11, 13, 12, 25, 26]
        let series = ObservationSeries(
            measure: "waits",
            scope: .partnership,
            points: values.enumerated().map { index, value in
                SeriesPoint(
                    period: ReportingPeriod.containing(.fixture("2025-01-01"), kind: .month).advanced(by: index),
                    value: value
                )
            }
        )
        let result = try SPCEngine(options: SPCOptions(improvement: .decrease)).analyse(series)
        let concerns = zip(result.points, series.points).filter { $0.0.pointType == .concern }.map(\.1.period)
        #expect(concerns.map(\.description) == ["2026-01", "2026-02"])
    }

    @Test func learningReadsAReviewsClocks() async throws {
        let world = try await world()
        let environment = world.environment
        let today = Self.day
        let rapidReview = Review(
            id: "rr-docs",
            kind: .rapidReview,
            title: "Rapid review",
            milestones: [.notificationSent: today.adding(days: -10)]
        )
        let learning = LearningTracker(environment: environment)
        let review = try await learning.open(rapidReview, by: qaLead)
        let readings = try await learning.readings(for: review, on: today)
        #expect(readings.first { $0.clock.id == "rapid-review" }?.state == .running)
    }

    @Test func reportingWritesThePracticeDevelopmentGroupsReport() async throws {
        let world = try await world()
        let framework = world.framework
        let today = Self.day
        let quarter = ReportingPeriod.containing(today, kind: .quarter).advanced(by: -1)
        let path = try Self.temporaryPath("pdg.html")
        let reports = StandardReports(framework: framework)
        let report = try await reports.make(
            ReportRequest(kind: .practiceDevelopmentAssurance, period: quarter, audience: .partnership, day: today),
            as: qaLead
        )
        try HTMLRenderer().render(report).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func sqliteStoreOpensWithTheFrameworksSchema() async throws {
        let framework = try AssuranceFramework(modules: [PartnershipModule(), Section11Module()])
        let path = try Self.temporaryPath("partnership.sqlite")
        let store = try SQLiteStore(path: path, schema: framework.schemaVersions)
        let environment = AssuranceEnvironment(store: store)
        #expect(try await environment.store.snapshot().isEmpty)
    }
}
