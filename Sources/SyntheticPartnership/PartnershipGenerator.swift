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
        let prefix = prefix(index)
        let county = scale.partnerships == 1 ? "Brackenshire" : "Shire \(String(format: "%03d", index + 1))"
        func id<Kind>(_ text: String) -> Identifier<Kind> { Identifier(unchecked: prefix + text) }

        let localities = (0..<scale.localities).map { number in
            Locality(
                id: id("loc-\(String(format: "%02d", number + 1))"),
                name:
                    "\(county) \(Self.directions[number % Self.directions.count])\(number >= Self.directions.count ? " \(number / Self.directions.count + 1)" : "")"
            )
        }
        var agencies = [
            Agency(
                id: id("council"),
                name: "\(county) County Council Children's Services",
                sector: .localAuthorityChildrensServices,
                isStatutoryPartner: true
            ),
            Agency(
                id: id("icb"),
                name: "\(county) Integrated Care Board",
                sector: .healthCommissioner,
                isStatutoryPartner: true
            ),
            Agency(id: id("police"), name: "\(county) Constabulary", sector: .police, isStatutoryPartner: true),
        ]
        let others: [(AgencySector, String, Double)] = [
            (.education, "School", 0.55), (.earlyYears, "Nursery", 0.10), (.generalPractice, "GP Practice", 0.12),
            (.healthProvider, "Health Trust", 0.04), (.voluntaryAndCommunity, "Family Support Project", 0.08),
            (.housing, "Housing Association", 0.03), (.youthJustice, "Youth Justice Team", 0.02),
            (.probation, "Probation Office", 0.02),
            (.faith, "Faith Group", 0.02), (.sportAndLeisure, "Sports Club", 0.02),
        ]
        var counts: [String: Int] = [:]
        for number in 0..<max(0, scale.agencies - 3) {
            var pick = random.unit()
            var chosen = others[0]
            for other in others {
                pick -= other.2
                if pick <= 0 {
                    chosen = other
                    break
                }
            }
            let locality = localities[number % localities.count]
            counts[chosen.1, default: 0] += 1
            agencies.append(
                Agency(
                    id: id("agency-\(String(format: "%04d", number + 1))"),
                    name: "\(locality.name) \(chosen.1) \(counts[chosen.1]!)",
                    sector: chosen.0,
                    locality: locality.id
                )
            )
        }

        let start = firstMonth.firstDay
        let groupsDefinition: [(String, String, GroupKind, Cadence?)] = [
            ("executive", "Executive", .executive, .quarterly),
            ("pdg", "Practice Development Group", .practiceDevelopmentGroup, .monthly),
            ("qadg", "Quality Assurance Delivery Group", .qualityAssuranceDeliveryGroup, .monthly),
            ("wdg", "Workforce Development Group", .workforceDevelopmentGroup, .biMonthly),
            ("prg", "Local Child Safeguarding Practice Review Group", .practiceReviewGroup, .monthly),
            ("cce", "Connecting, Communicating and Engaging Group", .connectingCommunicatingEngaging, .quarterly),
        ]
        var groups = groupsDefinition.map { key, name, kind, cadence in
            Group(
                id: id(key),
                name: name,
                kind: kind,
                chair: Principal.ID(unchecked: "\(prefix)chair-\(key)"),
                reportsTo: kind == .executive ? nil : (kind == .practiceDevelopmentGroup ? id("executive") : id("pdg")),
                meetingCadence: cadence,
                established: start
            )
        }
        for locality in localities.prefix(3) {
            groups.append(
                Group(
                    id: id("lp-\(locality.id.rawValue.dropFirst(prefix.count))"),
                    name: "\(locality.name) Locality Partnership",
                    kind: .localityPartnership,
                    reportsTo: id("pdg"),
                    meetingCadence: .quarterly,
                    established: start
                )
            )
        }

        let statutory = agencies.prefix(3).map(\.id)
        var memberships: [Membership] = []
        var meetings: [Meeting] = []
        let calendar = EnglandAndWalesCalendar()
        // The planted attendance problem: the ICB misses most recent QADG meetings.
        let lowAttendance = (group: id("qadg") as Group.ID, agency: statutory[1])
        for (groupIndex, group) in groups.enumerated() {
            let extra = agencies.dropFirst(3).filter { _ in
                random.chance(group.kind == .localityPartnership ? 0.02 : 0.01)
            }.prefix(8).map(\.id)
            let invited = statutory + extra
            for agency in invited {
                memberships.append(
                    Membership(
                        id: id(
                            "m-\(group.id.rawValue.dropFirst(prefix.count))-\(agency.rawValue.dropFirst(prefix.count))"
                        ),
                        group: group.id,
                        agency: agency,
                        since: start
                    )
                )
            }
            let cadence = group.meetingCadence?.months ?? 1
            var month = 0
            while month <= scale.months {
                let day = calendar.workingDay(onOrAfter: start.adding(months: month).adding(days: 7 + groupIndex))
                guard day < referenceDay else { break }
                let recent = month >= scale.months - 6
                let attended = invited.filter { agency in
                    if group.id == lowAttendance.group, agency == lowAttendance.agency, recent {
                        return random.chance(0.35)
                    }
                    return random.chance(statutory.contains(agency) ? 0.92 : 0.75)
                }
                meetings.append(
                    Meeting(
                        id: id("meeting-\(group.id.rawValue.dropFirst(prefix.count))-\(day)"),
                        group: group.id,
                        day: day,
                        invited: invited,
                        attended: attended
                    )
                )
                month += cadence
            }
        }

        var reports: [GroupReport] = []
        var sessions: [ScrutinySession] = []
        for group in groups where group.kind.isSubGroup {
            // Every sub-group reports bi-monthly and is scrutinised six-monthly, except the planted late ones.
            let lateReporter = group.id == id("wdg")
            let lateScrutiny = group.id == id("cce")
            var month = 1
            while month < scale.months {
                let day = calendar.workingDay(onOrAfter: start.adding(months: month).adding(days: 20))
                if day < referenceDay, !(lateReporter && month > scale.months - 6) {
                    reports.append(
                        GroupReport(
                            id: id("report-\(group.id.rawValue.dropFirst(prefix.count))-\(day)"),
                            group: group.id,
                            to: id("executive"),
                            submittedOn: day,
                            impactAndOutcomes:
                                "\(group.name) reports progress on its work plan and its impact on practice.",
                            barriers: random.chance(0.3)
                                ? ["Capacity of partner agencies to release practitioners."] : [],
                            escalations: random.chance(0.15)
                                ? [GroupReport.Escalation("Delays in health information for strategy discussions.")]
                                : []
                        )
                    )
                }
                month += 2
            }
            month = 5
            while month < scale.months {
                let day = calendar.workingDay(onOrAfter: start.adding(months: month).adding(days: 12))
                if day < referenceDay, !(lateScrutiny && month > scale.months - 9) {
                    sessions.append(
                        ScrutinySession(
                            id: id("scrutiny-\(group.id.rawValue.dropFirst(prefix.count))-\(day)"),
                            group: group.id,
                            heldOn: day,
                            outcomes: "The group is delivering its agreed outcomes.",
                            impactOnChildrenAndFamilies: "Practitioners report clearer pathways for families.",
                            shouldContinue: true
                        )
                    )
                }
                month += 6
            }
        }

        let themes: [Theme] = [.voiceOfTheChild, .neglect, .domesticAbuse, .exploitation, .mentalHealth, .earlyHelp]
        let voices = (0..<max(6, scale.months)).map { number -> VoiceRecord in
            let day = start.adding(
                days: Int(Double(number) / Double(max(6, scale.months)) * Double(scale.months * 30)) + 5
            )
            return VoiceRecord(
                id: id("voice-\(String(format: "%04d", number + 1))"),
                speaker: random.pick(VoiceRecord.Speaker.allCases),
                channel: random.pick([.survey, .forum, .auditConversation, .feedback]),
                day: day,
                themes: [random.pick(themes)],
                consentedSummary: random.pick(Self.voiceSummaries),
                whatChanged: random.chance(0.6) ? random.pick(Self.changes) : nil,
                agency: random.chance(0.5) ? random.pick(Array(agencies.prefix(20))).id : nil
            )
        }

        let catalogue = try measures()
        let series = observations(
            catalogue: catalogue,
            localities: localities,
            agencies: agencies,
            random: &random,
            index: index
        )
        let results = [
            PopulationResult(
                id: id("result-safe-at-home"),
                title: "Children are safe at home",
                indicators: ["re-referrals-12m", "cp-second-or-subsequent"],
                contributingMeasures: [
                    "assessments-within-45wd", "core-groups-within-10wd", "icpc-within-15wd-of-strategy",
                ]
            ),
            PopulationResult(
                id: id("result-heard"),
                title: "Children and families are heard and helped early",
                indicators: ["children-feel-safer", "families-better-able-to-care"],
                contributingMeasures: ["mash-contact-conversion", "early-help-assessments"]
            ),
        ]
        return GeneratedPartnership(
            partnership: Partnership(id: id("partnership"), name: "\(county) Safeguarding Children Partnership"),
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
            populationResults: results
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
