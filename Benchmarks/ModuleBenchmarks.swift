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
        note: "load every cycle and assessment from SQLite, analyse the latest cycles, agency contribution"
    ) {
        let view = AssuranceView(store: store)
        let cycles = try await view.all(AssessmentCycle.self)
        let assessments = Dictionary(grouping: try await view.all(SelfAssessment.self), by: \.cycle)
        let agencies = try await view.byID(Agency.self)
        let series = try await view.observationSeries().filter { $0.scope.agency != nil }
        let meetings = try await view.all(Meeting.self)
        let sets = [StandardSet.section11Classic, .schoolsSection175]
        let year = ReportingPeriod.containing(day.adding(days: -1), kind: .year, basis: .financial)
        let attendance = MeetingAttendance(meetings, in: year)
        var analysed = 0
        for cycle in cycles where cycle.status == .open {
            guard let set = sets.first(where: { $0.id == cycle.standardSet }) else { continue }
            let analysis = Section11Analysis(
                set: set,
                assessments: assessments[cycle.id] ?? [],
                previous: cycle.previous.flatMap { assessments[$0] } ?? [],
                agencies: agencies,
                deadline: cycle.returnDeadline,
                on: day
            )
            analysed += analysis.completion.invited
            _ = analysis.gaps(share: 0.25)
            _ = AgencyContribution.profiles(
                set: set,
                assessments: assessments[cycle.id] ?? [],
                series: series,
                attendance: attendance,
                period: year
            )
        }
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
        note: "load audits, cases and returns from SQLite; grade distributions and recurring themes"
    ) {
        let view = AssuranceView(store: store)
        let analysis = AuditAnalysis(
            audits: try await view.all(Audit.self),
            cases: try await view.all(AuditCase.self),
            returns: try await view.all(CaseReturn.self)
        )
        precondition(!analysis.gradesByTheme.isEmpty)
        _ = analysis.recurringThemes(on: day)
    }
}
