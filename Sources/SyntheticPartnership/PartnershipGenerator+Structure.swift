import Domain
import Foundation
import Measures

/// The partnership's structure, groups and their work, and voice records, each made in turn from
/// the partnership's one stream of random numbers, in the order the generator has always drawn them.
extension PartnershipGenerator {
    /// The partnership's id prefix and its county's name.
    struct Naming {
        let prefix: String
        let county: String

        func id<Kind>(_ text: String) -> Identifier<Kind> { Identifier(unchecked: prefix + text) }
    }

    func localities(_ naming: Naming) -> [Locality] {
        let county = naming.county
        return (0..<scale.localities).map { number in
            Locality(
                id: naming.id("loc-\(String(format: "%02d", number + 1))"),
                name:
                    "\(county) \(Self.directions[number % Self.directions.count])\(number >= Self.directions.count ? " \(number / Self.directions.count + 1)" : "")"
            )
        }
    }

    func agencies(_ naming: Naming, localities: [Locality], random: inout SeededRandom) -> [Agency] {
        let county = naming.county
        func id<Kind>(_ text: String) -> Identifier<Kind> { naming.id(text) }
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
        return agencies
    }

    func groups(_ naming: Naming, localities: [Locality]) -> [Group] {
        let prefix = naming.prefix
        func id<Kind>(_ text: String) -> Identifier<Kind> { naming.id(text) }
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
        return groups
    }

    func meetings(
        _ naming: Naming,
        groups: [Group],
        agencies: [Agency],
        random: inout SeededRandom
    ) -> ([Membership], [Meeting]) {
        let prefix = naming.prefix
        func id<Kind>(_ text: String) -> Identifier<Kind> { naming.id(text) }
        let start = firstMonth.firstDay
        let statutory = agencies.prefix(3).map(\.id)
        var memberships: [Membership] = []
        var meetings: [Meeting] = []
        let calendar = EnglandAndWalesCalendar()
        // The planted attendance problem: the ICB misses most recent QADG meetings.
        let lowGroup: Group.ID = shape.map { $0.reporting.first?.id ?? $0.groups[0].id } ?? id("qadg")
        let lowAttendance = (group: lowGroup, agency: statutory[1])
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
            // A cadence in weeks steps in weeks (counted here as the months it reaches).
            let weeks = group.meetingCadence?.weeks ?? 0
            let cadence = max(1, group.meetingCadence?.months ?? 1)
            var month = 0
            var step = 0
            while month <= scale.months {
                let first = start.adding(days: 7 + groupIndex)
                let day = calendar.workingDay(
                    onOrAfter: weeks > 0 ? first.adding(days: 7 * weeks * step) : first.adding(months: month)
                )
                guard day < referenceDay else { break }
                let recent = weeks > 0 ? day > referenceDay.adding(months: -6) : month >= scale.months - 6
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
                step += 1
                month = weeks > 0 ? (7 * weeks * step) / 30 : month + cadence
            }
        }
        return (memberships, meetings)
    }

    func groupWork(
        _ naming: Naming,
        groups: [Group],
        random: inout SeededRandom
    ) -> ([GroupReport], [ScrutinySession]) {
        let prefix = naming.prefix
        func id<Kind>(_ text: String) -> Identifier<Kind> { naming.id(text) }
        let start = firstMonth.firstDay
        let calendar = EnglandAndWalesCalendar()
        var reports: [GroupReport] = []
        var sessions: [ScrutinySession] = []
        // In a partnership's own shape, each group that reports does so at its cadence, to the body it
        // reports to; the planted late reporter and late scrutiny are its second and last such groups.
        let reporting = shape?.reporting.filter { $0.reportingCadence != nil || $0.scrutinyCadence != nil }
        for group in reporting ?? groups.filter(\.kind.isSubGroup) {
            // Every sub-group reports bi-monthly and is scrutinised six-monthly, except the planted late ones.
            let lateReporter = reporting.map { $0.count > 1 && $0[1].id == group.id } ?? (group.id == id("wdg"))
            let lateScrutiny = reporting.map { $0.last?.id == group.id } ?? (group.id == id("cce"))
            let reportEvery = reporting == nil ? 2 : max(1, group.reportingCadence?.months ?? 0)
            let scrutinyEvery = reporting == nil ? 6 : max(1, group.scrutinyCadence?.months ?? 0)
            let addressee: Group.ID = reporting == nil ? id("executive") : group.reportsToAll.first ?? group.id
            var month = reporting != nil && group.reportingCadence == nil ? scale.months : 1
            while month < scale.months {
                let day = calendar.workingDay(onOrAfter: start.adding(months: month).adding(days: 20))
                if day < referenceDay, !(lateReporter && month > scale.months - 6) {
                    reports.append(
                        GroupReport(
                            id: id("report-\(group.id.rawValue.dropFirst(prefix.count))-\(day)"),
                            group: group.id,
                            to: addressee,
                            submittedOn: day,
                            impactAndOutcomes:
                                "\(group.name) reports progress on its work plan and its impact on practice.",
                            barriers: random.chance(0.3)
                                ? ["Capacity of partner agencies to release practitioners."] : [],
                            // An escalation stands until the Executive records a decision on it; the
                            // generated partnership's Executive has decided all but the last four
                            // months' (the draw is made for every report, so the seed's stream is kept).
                            escalations: random.chance(0.15) && day >= referenceDay.adding(months: -4)
                                ? [GroupReport.Escalation("Delays in health information for strategy discussions.")]
                                : []
                        )
                    )
                }
                month += reportEvery
            }
            month = reporting != nil && group.scrutinyCadence == nil ? scale.months : 5
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
                month += scrutinyEvery
            }
        }
        return (reports, sessions)
    }

    func voices(_ naming: Naming, agencies: [Agency], random: inout SeededRandom) -> [VoiceRecord] {
        func id<Kind>(_ text: String) -> Identifier<Kind> { naming.id(text) }
        let start = firstMonth.firstDay
        let themes: [Theme] = [.voiceOfTheChild, .neglect, .domesticAbuse, .exploitation, .mentalHealth, .earlyHelp]
        return (0..<max(6, scale.months)).map { number -> VoiceRecord in
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
    }

    func populationResults(_ naming: Naming) -> [PopulationResult] {
        func id<Kind>(_ text: String) -> Identifier<Kind> { naming.id(text) }
        return [
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
    }
}
