import Domain

extension MeasureCatalogue {
    /// The Department for Education's measures, with their published definitions.
    static let departmentForEducationMeasures: [MeasureDefinition] = [
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
    ]

    /// Is anyone better off: the voices of children and families, as a count and a percentage.
    static let voiceMeasures: [MeasureDefinition] = [
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
    ]
}
