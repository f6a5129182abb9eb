public import Domain

/// What the analysis reads of an agency's return on a case: whole returns and their grades alone
/// are analysed by the one implementation.
protocol GradedReturn {
    var auditCase: AuditCase.ID { get }
    var agency: Agency.ID { get }
    var isSubmitted: Bool { get }
    func forEachGrade(_ body: (_ section: AuditSectionCode, _ level: RatingCode) -> Void)
}

extension CaseReturn: GradedReturn {
    var isSubmitted: Bool { status == .submitted }
    func forEachGrade(_ body: (AuditSectionCode, RatingCode) -> Void) {
        for (section, grade) in grades { body(section, grade.level) }
    }
}

extension CaseReturnGrades: GradedReturn {
    var isSubmitted: Bool { status == .submitted }
    func forEachGrade(_ body: (AuditSectionCode, RatingCode) -> Void) {
        for grade in grades { body(grade.section, grade.level) }
    }
}

extension AuditAnalysis {
    /// Analyses audits, their cases and the grades of their returns: the same analysis as of the
    /// whole returns, from ``CaseReturnGrades`` read without the rest of each return.
    ///
    /// ```swift
    /// let analysis = AuditAnalysis(
    ///     audits: [audit],
    ///     cases: try await view.records(AuditCase.self, RecordFilter(parent: audit.id.retyped())),
    ///     gradedReturns: try await view.records(CaseReturnGrades.self, RecordFilter(key: audit.id.rawValue))
    /// )
    /// ```
    public init(
        audits: [Audit],
        cases: [AuditCase],
        gradedReturns: [CaseReturnGrades],
        scale: RatingScale = .fourPoint
    ) {
        self.init(audits: audits, cases: cases, graded: gradedReturns, scale: scale)
    }
}

/// Counts agencies' section grades and finds where they disagree, with each return's agency and case
/// looked up once and each grade's level found among the scale's few by comparison.
///
/// Grades are noted in the order given, and an agency's later grade of a case's section replaces
/// its earlier one; the sections are then ordered by case and section, so that the disagreements
/// come out in the order the analysis lists them, and compared agency by agency.
struct GradeCounter {
    /// A noted grade.
    private struct Noted {
        var caseSlot: Int
        var agencySlot: Int
        /// The level's position on the scale, or -1 when it is not on it.
        var levelIndex: Int
        var section: AuditSectionCode
        var level: RatingCode
    }

    private let levels: [RatingCode]
    private let ranks: [Int]
    private var agencies: [Agency.ID] = []
    private var agencySlots: [Agency.ID: Int] = [:]
    // Counts by agency slot: on the scale by level index, off it by code.
    private var onScale: [[Int]] = []
    private var offScale: [[RatingCode: Int]] = []
    private var cases: [AuditCase.ID] = []
    private var caseSlots: [AuditCase.ID: Int] = [:]
    private var noted: [Noted] = []

    init(scale: RatingScale) {
        levels = scale.levels.map(\.code)
        ranks = scale.levels.map(\.rank)
    }

    /// Notes a submitted return's grades.
    mutating func add(_ item: some GradedReturn) {
        let agencySlot = slot(of: item.agency)
        let caseSlot = slot(of: item.auditCase)
        item.forEachGrade { section, level in
            let levelIndex = levels.firstIndex(of: level) ?? -1
            if levelIndex >= 0 {
                onScale[agencySlot][levelIndex] += 1
            } else {
                offScale[agencySlot][level, default: 0] += 1
            }
            noted.append(
                Noted(
                    caseSlot: caseSlot,
                    agencySlot: agencySlot,
                    levelIndex: levelIndex,
                    section: section,
                    level: level
                )
            )
        }
    }

    private mutating func slot(of agency: Agency.ID) -> Int {
        if let slot = agencySlots[agency] { return slot }
        agencySlots[agency] = agencies.count
        agencies.append(agency)
        onScale.append(Array(repeating: 0, count: levels.count))
        offScale.append([:])
        return agencies.count - 1
    }

    private mutating func slot(of auditCase: AuditCase.ID) -> Int {
        if let slot = caseSlots[auditCase] { return slot }
        caseSlots[auditCase] = cases.count
        cases.append(auditCase)
        return cases.count - 1
    }

    /// Each agency's grades, by level.
    var gradesByAgency: [Agency.ID: [RatingCode: Int]] {
        var byAgency: [Agency.ID: [RatingCode: Int]] = [:]
        byAgency.reserveCapacity(agencies.count)
        for (slot, agency) in agencies.enumerated() {
            var counts = offScale[slot]
            for (index, count) in onScale[slot].enumerated() where count > 0 { counts[levels[index]] = count }
            byAgency[agency] = counts
        }
        return byAgency
    }

    /// Where agencies' latest grades of a case's section are two or more levels apart, by case and section.
    func disagreements() -> [AuditAnalysis.Disagreement] {
        // The grades by case in id order (counted into place), then each case's few by section, agency
        // and the order they were noted: sorting small runs rather than every grade at once.
        var caseOrder = Array(repeating: 0, count: cases.count)
        for (position, slot) in cases.indices.sorted(by: { cases[$0] < cases[$1] }).enumerated() {
            caseOrder[slot] = position
        }
        var starts = Array(repeating: 0, count: cases.count + 1)
        for item in noted { starts[caseOrder[item.caseSlot] + 1] += 1 }
        for position in cases.indices { starts[position + 1] += starts[position] }
        var next = starts
        var sorted = Array(repeating: 0, count: noted.count)
        for (index, item) in noted.enumerated() {
            let position = caseOrder[item.caseSlot]
            sorted[next[position]] = index
            next[position] += 1
        }
        var found: [AuditAnalysis.Disagreement] = []
        for position in cases.indices {
            let run = starts[position]..<starts[position + 1]
            sorted[run].sort { first, second in
                let (a, b) = (noted[first], noted[second])
                if a.section != b.section { return a.section < b.section }
                if a.agencySlot != b.agencySlot { return a.agencySlot < b.agencySlot }
                return first < second
            }
            var start = run.lowerBound
            while start < run.upperBound {
                let section = noted[sorted[start]].section
                var end = start + 1
                while end < run.upperBound, noted[sorted[end]].section == section { end += 1 }
                // An agency's latest grade of the section is the last of its run.
                var low = Int.max
                var high = Int.min
                for index in start..<end
                where index + 1 == end || noted[sorted[index + 1]].agencySlot != noted[sorted[index]].agencySlot {
                    let levelIndex = noted[sorted[index]].levelIndex
                    guard levelIndex >= 0 else { continue }
                    low = min(low, ranks[levelIndex])
                    high = max(high, ranks[levelIndex])
                }
                if low != Int.max, high - low >= 2 {
                    var grades: [Agency.ID: RatingCode] = [:]
                    grades.reserveCapacity(end - start)
                    for index in start..<end {
                        grades[agencies[noted[sorted[index]].agencySlot]] = noted[sorted[index]].level
                    }
                    found.append(
                        AuditAnalysis.Disagreement(
                            auditCase: cases[noted[sorted[start]].caseSlot],
                            section: section,
                            grades: grades
                        )
                    )
                }
                start = end
            }
        }
        return found
    }
}
