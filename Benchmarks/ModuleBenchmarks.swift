import Audit
import Domain
import Foundation
import Learning
import SQLiteStore
import Section11
import SyntheticPartnership

func section11Benchmark(_ harness: Harness, workspace: Workspace) async throws {
    guard harness.wants("section11.analysis") else { return }
    let store = try await workspace.database()
    let count = try await store.records(matching: RecordQuery(SelfAssessment.recordType)).count
    let day = workspace.generator.referenceDay
    try await harness.measure(
        "section11.analysis",
        items: count,
        unit: "assessments",
        runs: 3,
        note:
            "every open cycle's assessments (and its previous cycle's) read through the store's parent index, "
            + "two cycles at a time; analysis, gaps and agency contribution of each"
    ) {
        let view = AssuranceView(store: store)
        let cycles = try await view.all(AssessmentCycle.self).filter { $0.status == .open }
        let agencies = try await view.byID(Agency.self)
        let series = try await view.observationSeries().filter { $0.scope.agency != nil }
        let year = ReportingPeriod.containing(day.adding(days: -1), kind: .year, basis: .financial)
        let attendance = MeetingAttendance(try await view.all(Meeting.self), in: year)
        let sets = [StandardSet.section11Classic, .schoolsSection175]
        // One cycle's assessments at a time, so the view never holds every partnership's at once.
        @Sendable func analyse(_ cycle: AssessmentCycle) async throws -> Int {
            guard let set = sets.first(where: { $0.id == cycle.standardSet }) else { return 0 }
            let assessments = try await view.records(SelfAssessment.self, RecordFilter(parent: cycle.id.retyped()))
            var previous: [SelfAssessment] = []
            if let earlier = cycle.previous {
                previous = try await view.records(SelfAssessment.self, RecordFilter(parent: earlier.retyped()))
            }
            let analysis = Section11Analysis(
                set: set,
                assessments: assessments,
                previous: previous,
                agencies: agencies,
                deadline: cycle.returnDeadline,
                on: day
            )
            _ = analysis.gaps(share: 0.25)
            _ = AgencyContribution.profiles(
                set: set,
                assessments: assessments,
                series: series,
                attendance: attendance,
                period: year
            )
            return assessments.count
        }
        let analysed = try await twoAtATime(cycles, analyse).reduce(0, +)
        precondition(analysed > 0)
    }
}

func learningBenchmark(_ harness: Harness, workspace: Workspace) async throws {
    guard harness.wants("learning.rules-and-tracker") else { return }
    let store = try await workspace.database()
    let count = try await store.records(matching: RecordQuery(TrackedAction.recordType)).count
    let day = workspace.generator.referenceDay
    let module = LearningModule()
    try await harness.measure(
        "learning.rules-and-tracker",
        items: count,
        unit: "actions",
        runs: 3,
        note:
            "load reviews, recommendations, actions and updates from SQLite; every Learning rule; the tracker sections"
    ) {
        let view = AssuranceView(store: store)
        var findings = 0
        for rule in module.rules { findings += try await rule.evaluate(in: view, on: day).count }
        let sections = try await module.reportSections(
            for: ReportRequest(
                kind: .practiceDevelopmentAssurance,
                period: .containing(day.adding(days: -1), kind: .year, basis: .financial),
                audience: .internal,
                day: day
            ),
            in: view
        )
        precondition(!sections.isEmpty && findings >= 0)
    }
}

func auditBenchmark(_ harness: Harness, workspace: Workspace) async throws {
    guard harness.wants("audit.analysis") else { return }
    let store = try await workspace.database()
    let count = try await store.records(matching: RecordQuery(CaseReturn.recordType)).count
    let day = workspace.generator.referenceDay
    try await harness.measure(
        "audit.analysis",
        items: count,
        unit: "returns",
        runs: 3,
        note:
            "each audit's cases and its returns' grades alone (CaseReturnGrades) read through the store's parent "
            + "and key indexes, 50 audits a part, two parts at a time; grade distributions and recurring themes of the merged analysis"
    ) {
        let view = AssuranceView(store: store)
        let audits = try await view.all(Audit.self)
        @Sendable func analyse(_ part: ArraySlice<Audit>) async throws -> AuditAnalysis {
            var cases: [AuditCase] = []
            var returns: [CaseReturnGrades] = []
            for audit in part {
                cases += try await view.records(AuditCase.self, RecordFilter(parent: audit.id.retyped()))
                returns += try await view.records(CaseReturnGrades.self, RecordFilter(key: audit.id.rawValue))
            }
            return AuditAnalysis(audits: Array(part), cases: cases, gradedReturns: returns)
        }
        let chunks = stride(from: 0, to: audits.count, by: 50).map { audits[$0..<min($0 + 50, audits.count)] }
        let parts = try await twoAtATime(chunks, analyse)
        let analysis = try AuditAnalysis(merging: parts)
        precondition(!analysis.gradesByTheme.isEmpty)
        _ = analysis.recurringThemes(on: day)
    }
}

/// Runs `body` on each item, two at a time (one for each core here), and returns the results in the
/// order they finished: the national views' slices, each read and analysed while the other is.
func twoAtATime<Item: Sendable, Result: Sendable>(
    _ items: [Item],
    _ body: @escaping @Sendable (Item) async throws -> Result
) async throws -> [Result] {
    try await withThrowingTaskGroup(of: Result.self) { group in
        var waiting = items[...]
        var results: [Result] = []
        for _ in 0..<2 {
            if let item = waiting.popFirst() { group.addTask { try await body(item) } }
        }
        while let done = try await group.next() {
            results.append(done)
            if let item = waiting.popFirst() { group.addTask { try await body(item) } }
        }
        return results
    }
}
