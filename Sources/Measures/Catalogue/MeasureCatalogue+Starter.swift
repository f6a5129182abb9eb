public import Domain

let wt = "Working Together to Safeguard Children"
func dfe(_ table: String, _ url: String) -> ObligationSource {
    ObligationSource(.guidance, "Department for Education, Children in need statistics, \(table)", url: url)
}
let framework = ObligationSource.framework(
    .quantitativeMeasures,
    "the framework data measures"
)

extension MeasureCatalogue {
    /// The starter catalogue: the framework's own data measures and the Department for Education's
    /// children in need and child protection measures, with their published definitions.
    ///
    /// Targets are left for the partnership to set.
    public static let starter = MeasureCatalogue(
        trusted: (frameworkMeasures + departmentForEducationMeasures + voiceMeasures).map { definition in
            var definition = definition
            definition.roles = starterRoles[definition.id]
            definition.sectors = starterSectors[definition.id]
            return definition
        }
    )

    /// The sectors the starter catalogue's agency measures describe: social workers' turnover and
    /// agency staffing are children's social care's.
    public static let starterSectors: [MeasureID: [AgencySector]] = [
        "staff-turnover": [.localAuthorityChildrensServices],
        "agency-staff": [.localAuthorityChildrensServices],
    ]

    /// The roles the starter catalogue's measures play: the MASH's two, the conferences' and plans'
    /// nine, and training take-up.
    public static let starterRoles: [MeasureID: [MeasureRole]] = {
        var roles: [MeasureID: [MeasureRole]] = ["training-take-up": [.trainingTakeUp]]
        for id: MeasureID in ["mash-contacts", "mash-contact-conversion"] { roles[id] = [.mash] }
        let conferences: [MeasureID] = [
            "icpc-within-15wd-of-strategy", "dfe-icpc-within-15wd", "conference-attendance",
            "conference-reports-shared", "core-groups-within-10wd", "cp-reviews-in-timescale",
            "cp-second-or-subsequent", "cp-plans-2-years-plus", "cp-plan-rate",
        ]
        for id in conferences { roles[id] = [.childProtectionConferences] }
        return roles
    }()

    /// The framework's own measures: local data, not in the children in need census.
    static let frameworkMeasures: [MeasureDefinition] = [
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
    ]
}
