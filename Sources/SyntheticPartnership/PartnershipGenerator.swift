package import Domain
import Foundation
import Measures

/// Generates realistic fictional partnerships, deterministically from a seed.
///
/// One generator makes the demo partnership, the county-sized benchmark partnership and the 150
/// partnerships of the national benchmark; only the ``SyntheticScale`` differs. Every name is
/// invented ("Brackenshire" and its localities); no real place or person appears, and no child is
/// named: cases are pseudonymous references.
///
/// Planted special causes make the assurance rules find something: a fall in the conversion of
/// contacts to referrals in one locality, a rise in re-referrals, and a sustained improvement in the
/// timeliness of initial conferences.
package struct PartnershipGenerator: Sendable {
    /// The size of the data.
    package let scale: SyntheticScale
    /// The seed.
    package let seed: UInt64
    /// The day the data leads up to: months of history end with the month before it.
    package let referenceDay: Day
    /// A partnership's own structure to fill with data; `nil` for the starter's (Brackenshire's).
    package var shape: PartnershipShape?

    /// The demo's reference day: 30 April 2026, after the year to 31 March 2026 and its data's due day.
    package static let demoDay = try! Day(year: 2026, month: 4, day: 30)

    /// Creates a generator.
    package init(scale: SyntheticScale, seed: UInt64 = 20_260_430, referenceDay: Day = PartnershipGenerator.demoDay) {
        self.scale = scale
        self.seed = seed
        self.referenceDay = referenceDay
    }

    static let directions = [
        "North", "North East", "East", "South East", "South", "South West", "West", "North West", "Central", "Coast",
    ]

    /// The first month of history.
    package var firstMonth: ReportingPeriod {
        ReportingPeriod.containing(referenceDay, kind: .month).advanced(by: -scale.months)
    }

    /// The id prefix of a partnership, such as `p003-` (empty for a single partnership).
    package func prefix(_ index: Int) -> String {
        scale.partnerships == 1 ? "" : "p\(String(format: "%03d", index + 1))-"
    }

    /// The partnership at an index, from 0.
    package func partnership(_ index: Int) throws -> GeneratedPartnership {
        var random = SeededRandom(seed: seed, stream: "partnership-\(index)")
        let naming = Naming(
            prefix: prefix(index),
            county: scale.partnerships == 1 ? "Brackenshire" : "Shire \(String(format: "%03d", index + 1))"
        )
        let localities = localities(naming)
        let agencies = agencies(naming, localities: localities, random: &random)
        let groups = shape?.groups ?? groups(naming, localities: localities)
        let (memberships, meetings) = meetings(naming, groups: groups, agencies: agencies, random: &random)
        let (reports, sessions) = groupWork(naming, groups: groups, random: &random)
        let voices = voices(naming, agencies: agencies, random: &random)
        let catalogue = try shape?.catalogue ?? measures()
        let series = Self.attendance(
            observations(
                catalogue: catalogue,
                localities: localities,
                agencies: agencies,
                random: &random,
                index: index
            ),
            from: meetings
        )
        return GeneratedPartnership(
            partnership: Partnership(
                id: naming.id("partnership"),
                name: shape?.name ?? "\(naming.county) Safeguarding Children Partnership"
            ),
            agencies: agencies,
            localities: localities,
            groups: groups,
            memberships: memberships,
            meetings: meetings,
            groupReports: reports,
            scrutinySessions: sessions,
            voiceRecords: voices,
            catalogue: catalogue,
            series: series,
            populationResults: populationResults(naming)
        )
    }

    static let voiceSummaries = [
        "My worker listened and explained what would happen next.",
        "I did not know who to talk to at school when things were bad at home.",
        "The meeting was easier when I could bring someone with me.",
        "We were asked the same questions by three different people.",
        "Having one key worker made it feel like someone was on our side.",
        "I felt safer once the plan was in place and I knew who to call.",
    ]

    static let changes = [
        "Conference invitations now explain the meeting in plain language.",
        "Schools named a trusted adult for every child on a plan.",
        "A single family assessment replaced repeated agency questionnaires.",
        "Advocates are offered before every initial conference.",
    ]

}
