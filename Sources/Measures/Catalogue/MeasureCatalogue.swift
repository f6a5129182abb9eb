public import Domain
public import Foundation

/// A list of measure definitions: the starter catalogue, or a partnership's own edited copy.
///
/// The catalogue is data a host can copy and edit: ``json()`` writes it and ``init(json:source:)``
/// reads it back, refusing a bad file with the path to the bad field.
public struct MeasureCatalogue: Hashable, Sendable {
    /// The definitions, in order.
    public private(set) var definitions: [MeasureDefinition]

    /// Creates a catalogue.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when a definition is invalid or an id repeats.
    public init(_ definitions: [MeasureDefinition]) throws(DomainError) {
        var seen = Set<MeasureID>()
        for definition in definitions {
            try definition.validate()
            guard seen.insert(definition.id).inserted else {
                throw DomainError(.invalidInput, "the catalogue defines measure \(definition.id) twice")
            }
        }
        self.definitions = definitions
    }

    private init(trusted definitions: [MeasureDefinition]) {
        self.definitions = definitions
    }

    /// The definition of a measure, or `nil`.
    public subscript(id: MeasureID) -> MeasureDefinition? { definitions.first { $0.id == id } }

    /// The definitions by id.
    public var byID: [MeasureID: MeasureDefinition] {
        definitions.keyed(by: \.id)
    }

    /// The catalogue as JSON, keys sorted, for a host to copy and edit.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(CatalogueFile(version: 1, measures: definitions))
    }

    /// Reads a catalogue from JSON.
    ///
    /// - Throws: `DomainError.Code.invalidInput` with the path to the bad field.
    public init(json data: Data, source: String) throws {
        let file: CatalogueFile
        do {
            file = try JSONDecoder().decode(CatalogueFile.self, from: data)
        } catch {
            throw DomainError.decoding(error, in: source)
        }
        guard file.version == 1 else {
            throw DomainError(.invalidInput, "\(source): catalogue format version \(file.version); expected 1")
        }
        try self.init(file.measures)
    }

    private struct CatalogueFile: Codable {
        var version: Int
        var measures: [MeasureDefinition]
    }
}

private let wt = "Working Together to Safeguard Children"
private func dfe(_ table: String, _ url: String) -> ObligationSource {
    ObligationSource(.guidance, "Department for Education, Children in need statistics, \(table)", url: url)
}
private let framework = ObligationSource.framework("Devon SCP QA Framework, Appendix 2: Framework Data Measures")

extension MeasureCatalogue {
    /// The starter catalogue: the framework's own data measures and the Department for Education's
    /// children in need and child protection measures, with their published definitions.
    ///
    /// Targets are left for the partnership to set.
    public static let starter = MeasureCatalogue(trusted: [
        // The framework's own measures (local data, not in the children in need census).
        MeasureDefinition(
            id: "mash-contacts",
            name: "Contacts to the MASH",
            summary: "Contacts received by the multi-agency safeguarding hub, by the agency that made them.",
            question: .howMuch,
            unit: .count,
            polarity: .neither,
            scopes: [.partnership, .locality, .agency],
            source: "MASH case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: framework,
            themes: [.thresholds]
        ),
        MeasureDefinition(
            id: "mash-contact-conversion",
            name: "Contacts converted to referrals",
            summary: "The share of contacts to the MASH that became a referral to children's social care.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership, .locality, .agency],
            numerator: "contacts that became referrals",
            denominator: "contacts received",
            source: "MASH case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: framework,
            themes: [.thresholds, .informationSharing]
        ),
        MeasureDefinition(
            id: "referrals",
            name: "Referrals to children's social care",
            summary: "Requests for services to be provided by children's social care.",
            question: .howMuch,
            unit: .count,
            polarity: .neither,
            scopes: [.partnership, .locality],
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "referral definition",
                "https://explore-education-statistics.service.gov.uk/methodology/children-in-need-a-focus-on-sexual-abuse-and-exploitation"
            )
        ),
        MeasureDefinition(
            id: "re-referrals-12m",
            name: "Re-referrals within 12 months",
            summary: "Referrals of a child within 12 months of a previous referral, as a share of all referrals.",
            question: .betterOff,
            unit: .percentage,
            polarity: .lowerIsBetter,
            scopes: [.partnership, .locality],
            numerator: "referrals within 12 months of a previous referral",
            denominator: "referrals",
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "C1",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/911dae20-ac5d-4e28-bee8-53a658761fa5"
            ),
            themes: [.earlyHelp]
        ),
        MeasureDefinition(
            id: "assessments-within-45wd",
            name: "Assessments completed within 45 working days",
            summary: "Child and family assessments completed within 45 working days of the referral.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership, .locality],
            numerator: "assessments completed within 45 working days",
            denominator: "assessments completed",
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "C2",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/3fb5a93d-1eb3-4f3a-bdd0-5caea4556ce6"
            ),
            themes: [.assessmentAndPlanning]
        ),
        MeasureDefinition(
            id: "s47-enquiries",
            name: "Section 47 enquiries",
            summary: "Enquiries under section 47 of the Children Act 1989 started.",
            question: .howMuch,
            unit: .count,
            polarity: .neither,
            scopes: [.partnership, .locality],
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "A2",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/6be19822-a151-4cb5-aefc-4e4054e767c8"
            )
        ),
        MeasureDefinition(
            id: "s47-rate",
            name: "Section 47 enquiries per 10,000 children",
            summary: "Section 47 enquiries started per 10,000 children aged 0 to 17 (ONS mid-year estimates).",
            question: .howMuch,
            unit: .ratePer10000,
            polarity: .neither,
            frequency: .quarterly,
            numerator: "section 47 enquiries",
            denominator: "children aged 0 to 17 / 10,000",
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "A2",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/6be19822-a151-4cb5-aefc-4e4054e767c8"
            )
        ),
        MeasureDefinition(
            id: "icpc-within-15wd-of-strategy",
            name: "Initial conferences within 15 working days of the strategy discussion",
            summary:
                "Initial child protection conferences held within 15 working days of the strategy discussion that started the section 47 enquiry.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership, .locality],
            numerator: "conferences within 15 working days",
            denominator: "initial conferences",
            source: "Child protection conference service",
            sourceSector: .localAuthorityChildrensServices,
            definition: ObligationSource(
                .statutoryGuidance,
                "\(wt): initial child protection conference within 15 working days of the strategy discussion"
            ),
            themes: [.assessmentAndPlanning]
        ),
        MeasureDefinition(
            id: "dfe-icpc-within-15wd",
            name: "Initial conferences within 15 working days of the s47 start (DfE)",
            summary:
                "Initial child protection conferences within 15 working days of the start of the section 47 enquiry, as the Department counts them.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .yearly,
            numerator: "conferences 0–15 working days after the s47 start",
            denominator: "initial conferences",
            source: "Children in need census",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "C4",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/b0749fa2-c0e2-4a15-8c0f-23941b3b6161"
            )
        ),
        MeasureDefinition(
            id: "conference-attendance",
            name: "Attendance at child protection conferences",
            summary: "The share of conferences an agency was invited to that it attended.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.agency],
            numerator: "conferences attended",
            denominator: "conferences invited to",
            source: "Child protection conference service",
            sourceSector: .localAuthorityChildrensServices,
            definition: framework,
            themes: [.multiAgencyWorking]
        ),
        MeasureDefinition(
            id: "conference-reports-shared",
            name: "Reports shared before child protection conferences",
            summary: "The share of conferences for which an agency shared its report with the family in advance.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.agency],
            numerator: "reports shared in advance",
            denominator: "conferences attended",
            source: "Child protection conference service",
            sourceSector: .localAuthorityChildrensServices,
            definition: framework,
            themes: [.informationSharing]
        ),
        MeasureDefinition(
            id: "core-groups-within-10wd",
            name: "First core groups within 10 working days",
            summary: "First core group meetings held within 10 working days of the initial conference.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership, .locality],
            numerator: "first core groups within 10 working days",
            denominator: "initial conferences with a plan",
            source: "Child protection conference service",
            sourceSector: .localAuthorityChildrensServices,
            definition: ObligationSource(
                .statutoryGuidance,
                "\(wt): first core group within 10 working days of the initial conference"
            ),
            themes: [.multiAgencyWorking]
        ),
        MeasureDefinition(
            id: "cp-reviews-in-timescale",
            name: "Child protection plans reviewed within timescales",
            summary:
                "Review conferences held within 3 months of the initial conference and then at most every 6 months.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            numerator: "reviews within timescale",
            denominator: "reviews due",
            source: "Child protection conference service",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "COLLECT key indicator: CPPs reviewed within timescales",
                "https://fdocuments.net/document/children-in-need-census-2019-to-2020-collect-report-21-report-description.html"
            )
        ),
        MeasureDefinition(
            id: "lado-referrals",
            name: "Referrals to the LADO",
            summary:
                "Allegations against people who work with children referred to the Local Authority Designated Officer.",
            question: .howMuch,
            unit: .count,
            polarity: .neither,
            scopes: [.partnership, .agency],
            source: "LADO service records",
            sourceSector: .localAuthorityChildrensServices,
            definition: framework,
            themes: [.saferRecruitment]
        ),
        MeasureDefinition(
            id: "lado-referrals-within-1wd",
            name: "LADO referrals within 1 working day",
            summary: "Allegations referred to the LADO within 1 working day of becoming known.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership, .agency],
            numerator: "referrals within 1 working day",
            denominator: "referrals",
            source: "LADO service records",
            sourceSector: .localAuthorityChildrensServices,
            definition: ObligationSource(
                .statutoryGuidance,
                "\(wt): allegations referred to the LADO within 1 working day"
            ),
            themes: [.saferRecruitment]
        ),
        MeasureDefinition(
            id: "partnership-meeting-attendance",
            name: "Attendance at partnership meetings",
            summary: "The share of partnership group meetings an agency was invited to that it attended.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            scopes: [.agency],
            numerator: "meetings attended",
            denominator: "meetings invited to",
            source: "Partnership business team",
            definition: framework,
            themes: [.multiAgencyWorking]
        ),
        MeasureDefinition(
            id: "training-take-up",
            name: "Multi-agency training places taken up",
            summary: "The share of multi-agency training places committed to that were attended.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            scopes: [.partnership, .agency],
            numerator: "places attended",
            denominator: "places booked",
            source: "Partnership training records",
            definition: framework,
            themes: [.workforce]
        ),
        MeasureDefinition(
            id: "supervision-in-timescale",
            name: "Practitioners supervised within timescale",
            summary:
                "The share of safeguarding practitioners whose supervision took place within the agency's timescale.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            scopes: [.agency],
            numerator: "practitioners supervised in timescale",
            denominator: "practitioners",
            source: "Agency workforce returns",
            definition: framework,
            themes: [.supervision]
        ),
        MeasureDefinition(
            id: "staff-turnover",
            name: "Social worker turnover",
            summary: "Social workers who left in the period as a share of social workers in post.",
            question: .howWell,
            unit: .percentage,
            polarity: .lowerIsBetter,
            frequency: .quarterly,
            scopes: [.agency],
            numerator: "leavers",
            denominator: "social workers in post",
            source: "Agency workforce returns",
            definition: framework,
            themes: [.workforce]
        ),
        MeasureDefinition(
            id: "agency-staff",
            name: "Agency social workers",
            summary: "Agency social workers as a share of all social workers.",
            question: .howWell,
            unit: .percentage,
            polarity: .lowerIsBetter,
            frequency: .quarterly,
            scopes: [.agency],
            numerator: "agency social workers",
            denominator: "social workers",
            source: "Agency workforce returns",
            definition: framework,
            themes: [.workforce]
        ),
        // The Department for Education's measures, with their published definitions.
        MeasureDefinition(
            id: "cp-second-or-subsequent",
            name: "Child protection plans that were a second or subsequent plan",
            summary:
                "Children starting a plan in the year who had previously been the subject of a plan in this authority, however long ago.",
            question: .betterOff,
            unit: .percentage,
            polarity: .lowerIsBetter,
            frequency: .quarterly,
            numerator: "plans started that were second or subsequent",
            denominator: "plans started",
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe("D3 (formerly NI 65)", "http://id.esd.org.uk/metricType/100")
        ),
        MeasureDefinition(
            id: "cp-plans-2-years-plus",
            name: "Child protection plans ending after 2 years or more",
            summary: "Plans ending in the period that had lasted 2 years or more, as a share of plans ending.",
            question: .betterOff,
            unit: .percentage,
            polarity: .lowerIsBetter,
            frequency: .quarterly,
            numerator: "plans ending after 2 years or more",
            denominator: "plans ending",
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "D7 (2 years or more formerly NI 64)",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/04a78d29-2196-4bea-bf95-7a2eced5d0d5"
            )
        ),
        MeasureDefinition(
            id: "cp-plan-rate",
            name: "Children on child protection plans per 10,000",
            summary:
                "Children the subject of a child protection plan at the period end, per 10,000 children aged 0 to 17.",
            question: .howMuch,
            unit: .ratePer10000,
            polarity: .neither,
            frequency: .quarterly,
            numerator: "children on plans",
            denominator: "children aged 0 to 17 / 10,000",
            source: "Children's social care case management system",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "A2",
                "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/6be19822-a151-4cb5-aefc-4e4054e767c8"
            )
        ),
        MeasureDefinition(
            id: "cin-rate",
            name: "Children in need per 10,000",
            summary: "Children in need at 31 March, per 10,000 children aged 0 to 17.",
            question: .howMuch,
            unit: .ratePer10000,
            polarity: .neither,
            frequency: .yearly,
            numerator: "children in need at 31 March (At31_episodes)",
            denominator: "children aged 0 to 17 / 10,000",
            source: "Children in need census",
            sourceSector: .localAuthorityChildrensServices,
            definition: dfe(
                "B1",
                "https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need"
            ),
            dfeIndicator: "At31_episodes"
        ),
        // Is anyone better off: the voices of children and families, as a count and a percentage.
        MeasureDefinition(
            id: "children-feel-safer",
            name: "Children who say they feel safer",
            summary:
                "Children and young people surveyed after involvement who said they feel safer, as a share of those surveyed.",
            question: .betterOff,
            pairedWith: "children-feel-safer-count",
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            numerator: "children who feel safer",
            denominator: "children surveyed",
            source: "Partnership surveys of children and young people",
            definition: framework,
            themes: [.voiceOfTheChild]
        ),
        MeasureDefinition(
            id: "children-feel-safer-count",
            name: "Children who say they feel safer (number)",
            summary: "Children and young people surveyed after involvement who said they feel safer.",
            question: .betterOff,
            pairedWith: "children-feel-safer",
            unit: .count,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            source: "Partnership surveys of children and young people",
            definition: framework,
            themes: [.voiceOfTheChild]
        ),
        MeasureDefinition(
            id: "families-better-able-to-care",
            name: "Families who feel better able to care",
            summary:
                "Parents and carers surveyed at the end of support who said they feel better able to care for their children.",
            question: .betterOff,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            numerator: "parents and carers who feel better able to care",
            denominator: "parents and carers surveyed",
            source: "Partnership surveys of parents and carers",
            definition: framework,
            themes: [.earlyHelp]
        ),
        MeasureDefinition(
            id: "children-seen-alone",
            name: "Children seen alone",
            summary: "Cases audited in which the child was seen alone, as a share of cases audited.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            frequency: .quarterly,
            numerator: "cases where the child was seen alone",
            denominator: "cases audited",
            source: "Multi-agency case audits",
            definition: framework,
            themes: [.voiceOfTheChild]
        ),
        MeasureDefinition(
            id: "return-interviews-72h",
            name: "Return home interviews within 72 hours",
            summary:
                "Return home interviews offered within 72 hours of a child going missing, as a share of missing episodes.",
            question: .howWell,
            unit: .percentage,
            polarity: .higherIsBetter,
            scopes: [.partnership, .locality],
            numerator: "interviews offered within 72 hours",
            denominator: "missing episodes",
            source: "Missing children service",
            sourceSector: .localAuthorityChildrensServices,
            definition: framework,
            themes: [.missingChildren, .exploitation]
        ),
        MeasureDefinition(
            id: "early-help-assessments",
            name: "Early help assessments started",
            summary: "Early help assessments started by any agency.",
            question: .howMuch,
            unit: .count,
            polarity: .neither,
            scopes: [.partnership, .locality, .agency],
            source: "Early help module",
            definition: framework,
            themes: [.earlyHelp]
        ),
    ])
}
