public import Domain

/// A small fictional partnership to build tests on: three statutory partners, a school, a health
/// trust and a charity, two localities, the Executive, the Practice Development Group and the
/// Quality Assurance Delivery Group, with a meeting of each group every month.
///
/// ```swift
/// var scenario = PartnershipScenario.small(from: .fixture("2025-04-01"), months: 6)
/// scenario.meetings[0].attended.removeAll { $0 == PartnershipScenario.police }
/// try await scenario.save(into: environment.records)
/// ```
public struct PartnershipScenario: Sendable {
    /// The partnership.
    public var partnership: Partnership
    /// The agencies.
    public var agencies: [Agency]
    /// The localities.
    public var localities: [Locality]
    /// The groups.
    public var groups: [Group]
    /// The meetings.
    public var meetings: [Meeting]
    /// The groups' reports to the Executive.
    public var groupReports: [GroupReport]
    /// The scrutiny sessions.
    public var scrutinySessions: [ScrutinySession]

    /// The local authority's children's services.
    public static let council: Agency.ID = "council"
    /// The integrated care board.
    public static let icb: Agency.ID = "icb"
    /// The police.
    public static let police: Agency.ID = "police"
    /// A secondary school.
    public static let school: Agency.ID = "school-north"
    /// An NHS trust.
    public static let trust: Agency.ID = "health-trust"
    /// A voluntary sector organisation.
    public static let charity: Agency.ID = "family-charity"
    /// The Executive.
    public static let executive: Group.ID = "executive"
    /// The Practice Development Group.
    public static let pdg: Group.ID = "pdg"
    /// The Quality Assurance Delivery Group.
    public static let qadg: Group.ID = "qadg"

    /// The partnership lead.
    public static let partnershipLead = Principal(id: "lead", roles: [.partnershipLead])
    /// The QA lead.
    public static let qaLead = Principal(id: "qa-lead", roles: [.qaLead])
    /// The chair of the Quality Assurance Delivery Group.
    public static let qadgChair = Principal(id: "qadg-chair", roles: [.groupChair(qadg)])
    /// The police's agency lead.
    public static let policeLead = Principal(id: "police-lead", roles: [.agencyLead(police)])
    /// The school's agency lead.
    public static let schoolLead = Principal(id: "school-lead", roles: [.agencyLead(school)])
    /// An auditor.
    public static let auditor = Principal(id: "auditor", roles: [.auditor])
    /// The independent scrutineer.
    public static let scrutineer = Principal(id: "scrutineer", roles: [.independentScrutineer])
    /// A viewer.
    public static let viewer = Principal(id: "viewer", roles: [.viewer])

    /// Every principal of the scenario, one per role.
    public static let principals: [Principal] = [
        partnershipLead, qaLead, qadgChair, policeLead, schoolLead, auditor, scrutineer, viewer,
    ]

    /// The partnership with a meeting of each group on the first working day of each month, every
    /// agency invited and attending, every group established on `start`.
    public static func small(from start: Day, months: Int = 6) -> PartnershipScenario {
        let agencies = [
            Agency(
                id: council,
                name: "County Council Children's Services",
                sector: .localAuthorityChildrensServices,
                isStatutoryPartner: true
            ),
            Agency(id: icb, name: "Integrated Care Board", sector: .healthCommissioner, isStatutoryPartner: true),
            Agency(id: police, name: "Constabulary", sector: .police, isStatutoryPartner: true),
            Agency(id: school, name: "North Academy", sector: .education, locality: "north"),
            Agency(id: trust, name: "Community Health Trust", sector: .healthProvider),
            Agency(id: charity, name: "Family Support Charity", sector: .voluntaryAndCommunity, locality: "south"),
        ]
        let groups = [
            Group(id: executive, name: "Executive", kind: .executive, established: start),
            Group(
                id: pdg,
                name: "Practice Development Group",
                kind: .practiceDevelopmentGroup,
                reportsTo: executive,
                established: start
            ),
            Group(
                id: qadg,
                name: "Quality Assurance Delivery Group",
                kind: .qualityAssuranceDeliveryGroup,
                chair: qadgChair.id,
                reportsTo: pdg,
                established: start
            ),
        ]
        var meetings: [Meeting] = []
        let calendar = EnglandAndWalesCalendar()
        let everyone = agencies.map(\.id)
        for month in 0..<months {
            let day = calendar.workingDay(onOrAfter: start.adding(months: month))
            for group in groups {
                meetings.append(
                    Meeting(
                        id: Meeting.ID(unchecked: "\(group.id)-\(day)"),
                        group: group.id,
                        day: day,
                        invited: everyone,
                        attended: everyone
                    )
                )
            }
        }
        return PartnershipScenario(
            partnership: Partnership(id: "shire", name: "Shire Safeguarding Children Partnership"),
            agencies: agencies,
            localities: [Locality(id: "north", name: "North"), Locality(id: "south", name: "South")],
            groups: groups,
            meetings: meetings,
            groupReports: [],
            scrutinySessions: []
        )
    }

    /// Saves every record of the scenario as new, in one transaction.
    public func save(into records: Records, by principal: Principal = .system) async throws {
        var batch = RecordBatch()
        try batch.save(partnership, version: 0)
        for agency in agencies { try batch.save(agency, version: 0) }
        for locality in localities { try batch.save(locality, version: 0) }
        for group in groups { try batch.save(group, version: 0) }
        for meeting in meetings { try batch.save(meeting, version: 0) }
        for report in groupReports { try batch.save(report, version: 0) }
        for session in scrutinySessions { try batch.save(session, version: 0) }
        try await records.commit(batch, by: principal)
    }
}

extension Identifier {
    /// An identifier from text known to be valid, for fixtures.
    init(unchecked text: String) {
        guard let identifier = Identifier(rawValue: text) else {
            preconditionFailure("fixture id \(text) is not valid")
        }
        self = identifier
    }
}
