public import Domain

/// Good practice: agencies whose every criterion of a standard now stands green, where at the last
/// cycle some did not; one finding for each standard, naming the agencies.
///
/// An agency's move counts from the day it returned the later assessment, for `months` after.
public struct StandardMovedToGreenRule: AssuranceRule {
    /// The months a move to green is reported as good practice for, from the return that made it.
    public var months: Int

    /// Creates the rule.
    public init(months: Int = 12) {
        self.months = months
    }

    /// `section11.standard-moved-to-green`.
    public var id: RuleID { .section11StandardMovedToGreen }
    /// The rule's title.
    public var title: String { "Section 11 standard moved to green" }
    /// What the rule checks.
    public var summary: String {
        "Agencies that rated every criterion of a standard green (after moderation) in the latest cycle, where they "
            + "rated some below green in the cycle before."
    }
    /// The framework asks for evidence of progress year on year.
    public var source: ObligationSource {
        .framework(
            .agencyContribution,
            "progress against the standards is evidenced"
        )
    }
    /// The window good practice is reported for.
    public var localDefaults: [LocalDefault] {
        [LocalDefault("window", "\(months) months", setting: "movedToGreenMonths")]
    }

    /// One good-practice finding for each standard some agencies moved to green, with their returns as evidence.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let state = try await Section11State.load(view)
        let since = day.adding(months: -months)
        return state.cycles.flatMap { entry -> [FindingDraft] in
            guard entry.cycle.previous != nil else { return [] }
            // Only returns made by the day, and within the window, count.
            let returned = entry.assessments.filter {
                guard let submitted = $0.submittedOn else { return false }
                return submitted <= day && submitted > since
            }
            guard !returned.isEmpty else { return [] }
            let analysis = Section11Analysis(
                set: entry.set,
                assessments: returned,
                previous: entry.previous,
                previousSet: entry.previousSet,
                agencies: state.agencies,
                on: day
            )
            let assessments = returned.keyed(by: \.agency)
            let moved = Dictionary(
                grouping: analysis.movement.filter { $0.after >= 1 && $0.before < 1 },
                by: \.standard
            )
            return moved.keys.sorted().compactMap { code in
                guard let standard = entry.set.standards.first(where: { $0.code == code }) else { return nil }
                let agencies = (moved[code] ?? []).map(\.agency).sorted()
                let names = agencies.map { state.agencies[$0]?.name ?? $0.rawValue }
                let listed = names.count <= 3 ? names.joined(separator: ", ") : "\(names.count) agencies"
                return FindingDraft(
                    key: "\(entry.cycle.id)|\(code)",
                    subject: entry.cycle.reference,
                    severity: .goodPractice,
                    level: .practiceDevelopmentGroup,
                    message: "\(listed) now \(names.count == 1 ? "rates" : "rate") every criterion of standard \(code) "
                        + "(\(standard.title)) \(entry.set.scale.words(for: .green)) in \(entry.cycle.name), where \(names.count == 1 ? "it" : "they") "
                        + "did not in the cycle before.",
                    themes: standard.themes ?? [],
                    evidence: agencies.compactMap { agency in
                        assessments[agency].map {
                            EvidenceReference(
                                .record,
                                title: "\(state.agencies[agency]?.name ?? agency.rawValue)'s return",
                                record: $0.reference
                            )
                        }
                    }
                )
            }
        }
    }
}
